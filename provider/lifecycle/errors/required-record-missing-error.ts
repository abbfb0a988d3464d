import { isSpokesError, SpokesError } from "../../errors/spokes-error";
import { describeKey } from "./record-exists-error";

/** A record the instance provides (a spoke's alias, an OAuth default profile) is not there. */
export class RequiredRecordMissingError extends SpokesError {
  declare readonly instanceUrl: string;
  declare readonly table: string;

  constructor(
    instanceUrl: string,
    table: string,
    readonly key: Readonly<Record<string, string>>,
    hint: string | undefined,
  ) {
    super(`No ${table} record with ${describeKey(key)} exists on ${instanceUrl}. ${hint ?? "Create it first, then run again."}`, { instanceUrl, table });
  }
}

export function isRequiredRecordMissingError(e: unknown): e is RequiredRecordMissingError {
  return isSpokesError(e) && e.name === "RequiredRecordMissingError";
}
