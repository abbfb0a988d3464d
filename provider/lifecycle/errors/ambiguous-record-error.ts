import { isSpokesError, SpokesError } from "../../errors/spokes-error";
import { describeKey } from "./record-exists-error";

/** The natural key matches several records, so neither adoption nor creation is safe. */
export class AmbiguousRecordError extends SpokesError {
  declare readonly instanceUrl: string;
  declare readonly table: string;

  constructor(
    instanceUrl: string,
    table: string,
    readonly key: Readonly<Record<string, string>>,
    readonly sysIds: readonly string[],
  ) {
    super(
      `${sysIds.length} ${table} records match ${describeKey(key)} on ${instanceUrl} (sys_ids ${sysIds.join(", ")}). ` +
        "Delete the duplicates on the instance, keeping the one to manage, then run again.",
      { instanceUrl, table },
    );
  }
}

export function isAmbiguousRecordError(e: unknown): e is AmbiguousRecordError {
  return isSpokesError(e) && e.name === "AmbiguousRecordError";
}
