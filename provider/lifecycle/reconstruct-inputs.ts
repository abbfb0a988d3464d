import type { PlannedRecord } from "./record-plan";
import { recordOf, type RecordsState } from "./resource-state";
import { sameStoredValue, storedAs } from "./stored-value";

/**
 * What a refresh hands back as a secret input that was rewritten outside Pulumi: the new value
 * cannot be read, but the input must differ from the program's so that the CLI names it
 * (`~ clientSecret: [secret]`) and the next `pulumi up` writes it again. Never sent anywhere.
 */
export const secretChangedOutsidePulumi = "(changed outside Pulumi)";

/**
 * The inputs as the instance now has them, for refresh: where a column is a plain copy of an
 * input (declared in the plan's `inputs`), the refreshed column value replaces the input, so
 * `pulumi preview --refresh` shows drift on the input the user wrote; a value the instance
 * only formatted differently keeps the input as written. A secret whose stored value changed
 * becomes `secretChangedOutsidePulumi`. Derived columns are left to `findDrift`.
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
    const secrets = record.secretFields ?? [];
    for (const [column, input] of Object.entries(record.inputs ?? {})) {
      const old = oldInputs[input];
      if (!isScalar(old)) continue;
      if (secrets.includes(column)) {
        if ((state.secretDrift ?? []).includes(column)) inputs[input] = secretChangedOutsidePulumi;
        continue;
      }
      if (!(column in state.values) || sameStoredValue(String(old), state.values[column])) continue;
      inputs[input] = storedAs(old, state.values[column]!);
    }
  }
  return inputs;
}

/** Only plain values are copies of a column; maps and lists are left to `findDrift`. */
function isScalar(value: unknown): value is string | boolean | number {
  return typeof value === "string" || typeof value === "boolean" || typeof value === "number";
}
