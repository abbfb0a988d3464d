import type { PlannedRecord } from "./record-plan";
import { recordOf, type RecordsState } from "./resource-state";

/**
 * The inputs as the instance now has them, for refresh: where a column is a plain copy of an
 * input (declared in the plan's `inputs`), the refreshed column value replaces the input, so
 * `pulumi preview --refresh` shows drift on the input the user wrote. Secrets are never
 * read back; derived columns are left to `findDrift`.
 */
export function reconstructInputs(
  oldInputs: Readonly<Record<string, unknown>>,
  plan: readonly PlannedRecord[],
  records: RecordsState,
): Record<string, unknown> {
  const inputs: Record<string, unknown> = { ...oldInputs };
  for (const record of plan) {
    const state = recordOf(records, record.step);
    if (!state || state.sysId === "") continue;
    for (const [column, input] of Object.entries(record.inputs ?? {})) {
      if ((record.secretFields ?? []).includes(column) || !(column in state.values) || !isScalar(oldInputs[input])) continue;
      inputs[input] = decodeLike(oldInputs[input], state.values[column]!);
    }
  }
  return inputs;
}

/** Only plain values are copies of a column; maps and lists are left to `findDrift`. */
function isScalar(value: unknown): boolean {
  return typeof value === "string" || typeof value === "boolean" || typeof value === "number";
}

/** Gives the refreshed string the type the user's input had. */
function decodeLike(old: unknown, stored: string): unknown {
  if (typeof old === "boolean") return stored === "true";
  if (typeof old === "number") return stored === "" ? old : Number(stored);
  return stored;
}
