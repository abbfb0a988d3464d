import { describeKey } from "./record-exists-error";

/** The natural key matches several records, so neither adoption nor creation is safe. */
export class AmbiguousRecordError extends Error {
  override readonly name = "AmbiguousRecordError";

  constructor(
    readonly instanceUrl: string,
    readonly table: string,
    readonly key: Readonly<Record<string, string>>,
    readonly sysIds: readonly string[],
  ) {
    super(
      `${sysIds.length} ${table} records match ${describeKey(key)} on ${instanceUrl} (sys_ids ${sysIds.join(", ")}). ` +
        "Delete the duplicates on the instance, keeping the one to manage, then run again.",
    );
  }
}
