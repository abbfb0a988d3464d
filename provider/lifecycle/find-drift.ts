import { asFoundIn, desiredColumns, type PlannedRecord } from "./record-plan";
import { recordOf, sysIdsOf, type RecordsState } from "./resource-state";
import { sameStoredValue } from "./stored-value";

/**
 * The inputs whose records differ from the plan, as last seen by create, update or refresh:
 * a record gone, a column changed (constants and derived values included, which inputs alone
 * would miss), a secret rewritten. Empty when the instance matches.
 */
export function findDrift(plan: readonly PlannedRecord[], records: RecordsState): string[] {
  const drifted = new Set<string>();
  const sysIds = sysIdsOf(records);
  for (const planned of plan) {
    const old = recordOf(records, planned.step);
    const record = asFoundIn(planned, old?.table);
    if (!old || (old.sysId === "" && old.origin !== "instance")) {
      drifted.add(`${record.step} (record missing)`);
      continue;
    }
    const secrets = record.secretFields ?? [];
    for (const [column, value] of Object.entries(desiredColumns(record))) {
      if (secrets.includes(column)) continue;
      const wanted = typeof value === "string" ? value : sysIds[value.ref] ?? "";
      if (!sameStoredValue(wanted, old.values[column])) drifted.add(record.inputs?.[column] ?? `${record.step}.${column}`);
    }
    for (const column of old.secretDrift ?? []) drifted.add(record.inputs?.[column] ?? `${record.step}.${column}`);
  }
  for (const old of records) {
    if (!plan.some((record) => record.step === old.step)) drifted.add(`${old.step} (record no longer wanted)`);
  }
  return [...drifted];
}
