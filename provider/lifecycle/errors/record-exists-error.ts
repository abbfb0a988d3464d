/** Create found the record by its natural key and adoption was not asked for. */
export class RecordExistsError extends Error {
  override readonly name = "RecordExistsError";

  constructor(
    readonly instanceUrl: string,
    readonly table: string,
    readonly key: Readonly<Record<string, string>>,
    readonly sysId: string,
  ) {
    super(
      `A ${table} record with ${describeKey(key)} already exists on ${instanceUrl} (sys_id ${sysId}). ` +
        "To manage it with Pulumi, set `adopt: true` on this resource: Pulumi takes the record over and sets its fields. " +
        "Otherwise choose another name.",
    );
  }
}

export function describeKey(key: Readonly<Record<string, string>>): string {
  return Object.entries(key)
    .map(([column, value]) => `${column}=${JSON.stringify(value)}`)
    .join(", ");
}
