import { isSpokesError, SpokesError } from "../../errors/spokes-error";

/**
 * A multi-record create or update failed part-way. The records it had made were removed (and
 * adopted ones restored); `leftovers` lists what could not be, so nothing is orphaned unseen.
 * The failure is both `failure` and `cause`.
 */
export class RollbackError extends SpokesError {
  declare readonly instanceUrl: string;

  constructor(
    instanceUrl: string,
    readonly failure: unknown,
    readonly leftovers: readonly { table: string; sysId: string; reason: string }[],
  ) {
    const cause = failure instanceof Error ? failure.message : String(failure);
    const outcome =
      leftovers.length === 0
        ? "The records made before the failure were removed and adopted ones restored; nothing was left behind."
        : "These records could not be removed and need deleting by hand: " +
          leftovers.map((left) => `${left.table}/${left.sysId} (${left.reason})`).join("; ") + ".";
    super(`${cause}\n${outcome}`, { instanceUrl, cause: failure });
  }
}

export function isRollbackError(e: unknown): e is RollbackError {
  return isSpokesError(e) && e.name === "RollbackError";
}
