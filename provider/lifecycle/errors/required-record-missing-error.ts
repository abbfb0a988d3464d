import { describeKey } from "./record-exists-error";

/** A record the instance provides (a spoke's alias, an OAuth default profile) is not there. */
export class RequiredRecordMissingError extends Error {
  override readonly name = "RequiredRecordMissingError";

  constructor(
    readonly instanceUrl: string,
    readonly table: string,
    readonly key: Readonly<Record<string, string>>,
    hint: string | undefined,
  ) {
    super(`No ${table} record with ${describeKey(key)} exists on ${instanceUrl}. ${hint ?? "Create it first, then run again."}`);
  }
}
