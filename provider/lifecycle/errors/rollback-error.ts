/**
 * A multi-record create or update failed part-way. The records it had made were removed (and
 * adopted ones restored); `leftovers` lists what could not be, so nothing is orphaned unseen.
 */
export class RollbackError extends Error {
  override readonly name = "RollbackError";

  constructor(
    readonly instanceUrl: string,
    readonly failure: unknown,
    readonly leftovers: readonly { table: string; sysId: string; reason: string }[],
  ) {
    const cause = failure instanceof Error ? failure.message : String(failure);
    const outcome =
      leftovers.length === 0
        ? "The records made before the failure were removed and adopted ones restored; nothing was left behind."
        : "These records could not be removed and need deleting by hand: " +
          leftovers.map((left) => `${left.table}/${left.sysId} (${left.reason})`).join("; ") + ".";
    super(`${cause}\n${outcome}`);
  }
}
