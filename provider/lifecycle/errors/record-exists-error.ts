import { isSpokesError, SpokesError } from "../../errors/spokes-error";

/** Create found the record by its natural key, this resource did not make it, and adoption was not asked for. */
export class RecordExistsError extends SpokesError {
  declare readonly instanceUrl: string;
  declare readonly table: string;

  constructor(
    instanceUrl: string,
    table: string,
    readonly key: Readonly<Record<string, string>>,
    readonly sysId: string,
  ) {
    super(
      `A ${table} record with ${describeKey(key)} already exists on ${instanceUrl} (sys_id ${sysId}), and this stack did not create it: ` +
        "it was made by hand, by another stack, or by an interrupted run of a release before 0.2 " +
        "(records that an interrupted `pulumi up` of this resource created are recognised by their sys_id and taken over without this error). " +
        "To manage it with Pulumi, set `adopt: true` on this resource and run `pulumi up` again: Pulumi takes the record over and sets its fields. " +
        "If another stack manages it, keep it in one program only; otherwise choose another name.",
      { instanceUrl, table, operation: "create" },
    );
  }
}

export function isRecordExistsError(e: unknown): e is RecordExistsError {
  return isSpokesError(e) && e.name === "RecordExistsError";
}

export function describeKey(key: Readonly<Record<string, string>>): string {
  return Object.entries(key)
    .map(([column, value]) => `${column}=${JSON.stringify(value)}`)
    .join(", ");
}
