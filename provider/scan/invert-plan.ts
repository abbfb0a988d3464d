import type { SnRecord } from "../client/table-api";
import { desiredColumns, type PlannedRecord } from "../lifecycle/record-plan";
import { planOf, type PlanContext, type ResourceKind } from "../lifecycle/resource-kind";
import { sameStoredValue, storedAs } from "../lifecycle/stored-value";
import { secretPlaceholder } from "../lifecycle/values";

/**
 * Inputs from records, by running a kind's plan backwards: each planned record declares which
 * input each of its columns comes from (`inputs` on PlannedRecord), so the records found on an
 * instance give those inputs back with no field knowledge of our own. The inputs are then
 * planned forwards again and compared with what was found, which is what `adopt: true` will
 * meet: anything that would be written or created is reported, never silently changed.
 */

/** The records found on the instance, by the plan step that would manage them. */
export type FoundRecords = ReadonlyMap<string, SnRecord>;


/** A secret input: a scalar input, or one entry of a map input (`attributes.x_api_token`). */
export interface SecretInput {
  readonly input: string;
  readonly key?: string;
}

export interface InvertedInputs {
  readonly values: Record<string, unknown>;
  readonly secrets: readonly SecretInput[];
}

/**
 * The inputs the found records give through the plan's column→input maps. `sample` is a
 * parsed input object of the kind whose plan has every step; its values only give each input
 * its type (a boolean `active`, a map `attributes` keyed by the step's suffix).
 */
export function invertPlan(samplePlan: readonly PlannedRecord[], sample: Readonly<Record<string, unknown>>, found: FoundRecords): InvertedInputs {
  const values: Record<string, unknown> = {};
  const secrets: SecretInput[] = [];
  for (const record of samplePlan) {
    const record_ = found.get(record.step);
    if (!record_) continue;
    for (const [column, input] of Object.entries(record.inputs ?? {})) {
      const isMap = isRecord(sample[input]);
      const key = isMap ? record.step.slice(record.step.indexOf(":") + 1) : undefined;
      if ((record.secretFields ?? []).includes(column)) {
        secrets.push(key === undefined ? { input } : { input, key });
        continue;
      }
      const stored = record_[column] ?? "";
      // An input the sample leaves out has no type to read the column as: empty is unset, and
      // `true`/`false` is how the instance stores a boolean (`isPrivate`).
      if (sample[input] === undefined && stored === "") continue;
      const value = sample[input] === undefined && (stored === "true" || stored === "false") ? stored === "true" : storedAs(sample[input], stored);
      if (key === undefined) values[input] = value;
      else {
        const current = values[input];
        values[input] = { ...(isRecord(current) ? current : {}), [key]: value };
      }
    }
  }
  return { values, secrets };
}

/** The inputs with a placeholder for each secret, as the kind's schema and plan need them. */
export function withPlaceholders(values: Readonly<Record<string, unknown>>, secrets: readonly SecretInput[]): Record<string, unknown> {
  const inputs: Record<string, unknown> = { ...values };
  for (const secret of secrets) {
    const current = inputs[secret.input];
    if (secret.key === undefined) inputs[secret.input] = secretPlaceholder;
    else inputs[secret.input] = { ...(isRecord(current) ? current : {}), [secret.key]: secretPlaceholder };
  }
  return inputs;
}

/** The kind's plan for raw inputs, or the schema's complaints. */
export function planFor(kind: ResourceKind<any>, raw: Readonly<Record<string, unknown>>, context: PlanContext): { plan: PlannedRecord[] } | { problems: string[] } {
  const parsed = kind.schema.safeParse(raw);
  if (!parsed.success) return { problems: parsed.error.issues.map((issue) => `\`${issue.path.join(".")}\` ${issue.message}`) };
  return { plan: planOf(kind, parsed.data, context, { everyDeclaredColumn: true }) };
}

/**
 * What adopting with this plan would do besides taking the found records over: create a
 * record that is not there, change a column, or leave a found record unmanaged. Secrets are
 * written on adoption by design (the instance never returns them) and are not listed.
 */
export function adoptionDifferences(plan: readonly PlannedRecord[], found: FoundRecords, covered: (step: string) => boolean): string[] {
  const differences: string[] = [];
  const sysIdOf = (step: string): string => found.get(step)?.sys_id ?? "";
  for (const record of plan) {
    const existing = found.get(record.step);
    const columns = desiredColumns(record);
    if (!existing) {
      if (record.origin !== "instance") differences.push(`would create ${record.table} ${describeKey(record, sysIdOf)}`);
      continue;
    }
    for (const [column, value] of Object.entries(columns)) {
      if ((record.secretFields ?? []).includes(column)) continue;
      const wanted = typeof value === "string" ? value : sysIdOf(value.ref);
      if (!sameStoredValue(wanted, existing[column])) {
        differences.push(`would change ${record.table}.${column} of ${display(existing)} from ${JSON.stringify(existing[column] ?? "")} to ${JSON.stringify(wanted)}`);
      }
    }
  }
  const planned = new Set(plan.map((record) => record.step));
  for (const [step, record] of found) {
    if (!planned.has(step) && covered(step)) differences.push(`does not manage ${step.split(":")[0]} ${display(record)}`);
  }
  return differences;
}

/**
 * Drops each input whose absence plans the same records (a default the kind computes, e.g.
 * a token URL derived from the connection URL), so the program says only what was chosen.
 */
export function withoutDefaults(kind: ResourceKind<any>, raw: Readonly<Record<string, unknown>>, keep: readonly string[], context: PlanContext): Record<string, unknown> {
  const inputs: Record<string, unknown> = { ...raw };
  const reference = planFor(kind, inputs, context);
  if (!("plan" in reference)) return inputs;
  const expected = JSON.stringify(reference.plan);
  for (const name of Object.keys(raw)) {
    if (keep.includes(name)) continue;
    const { [name]: _dropped, ...rest } = inputs;
    const trial = planFor(kind, rest, context);
    if ("plan" in trial && JSON.stringify(trial.plan) === expected) delete inputs[name];
  }
  return inputs;
}

function describeKey(record: PlannedRecord, sysIdOf: (step: string) => string): string {
  const key = Object.entries(record.key)
    .filter(([, value]) => typeof value === "string")
    .map(([column, value]) => `${column}=${JSON.stringify(typeof value === "string" ? value : sysIdOf(value.ref))}`);
  return key.length > 0 ? key.join(", ") : `(${record.step})`;
}

function display(record: SnRecord): string {
  const name = record.name || record.oauth_entity_scope || record.element || record.user_name;
  return name ? JSON.stringify(name) : (record.sys_id ?? "");
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
