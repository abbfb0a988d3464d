import type { PlannedRecord } from "../lifecycle/record-plan";
import { targetOf } from "./form-columns";
import type { FormTemplate } from "./form-template";
import { UnknownFormLabelError } from "./unknown-form-label-error";

/** A `form` input (values keyed by the form's labels), resolved against the alias's template. */
export interface FormValues {
  /** Value by the field's path (`connection.connection_url`). */
  readonly byPath: Readonly<Record<string, string>>;
  /** Paths of password fields: written as secrets, kept only as fingerprints. */
  readonly secretPaths: readonly string[];
  /** The label of each path given, for messages. */
  readonly labelOf: Readonly<Record<string, string>>;
}

/** Labels compare as the form prints them, ignoring case and surrounding space. */
const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export function resolveFormValues(template: FormTemplate, form: Readonly<Record<string, string>>): FormValues {
  const byPath: Record<string, string> = {};
  const labelOf: Record<string, string> = {};
  const secretPaths: string[] = [];
  const unknown: string[] = [];
  for (const [label, value] of Object.entries(form)) {
    const field = template.fields.find((candidate) => same(candidate.label, label));
    if (!field || !targetOf(field.path)) {
      unknown.push(label);
      continue;
    }
    byPath[field.path] = value;
    labelOf[field.path] = label;
    if (field.type === "password") secretPaths.push(field.path);
  }
  if (unknown.length > 0) {
    const labels = template.fields.filter((field) => targetOf(field.path)).map((field) => `"${field.label}"`);
    throw new UnknownFormLabelError(
      `\`form\` has ${unknown.map((label) => `"${label}"`).join(", ")}, which the Configure form of template ${template.name} does not have: ` +
        `use its labels, ${labels.join(", ")}`,
    );
  }
  return { byPath, secretPaths, labelOf };
}

/**
 * Sets the form values that no named input consumed on the columns their paths name; every
 * column whose value came from `form` (`fromForm`, consumed or not) is the `form` input's, so
 * its drift shows there. A value for a record the plan does not make is an error.
 */
export function withFormColumns(plan: readonly PlannedRecord[], values: FormValues, consumed: ReadonlySet<string>, fromForm: ReadonlySet<string>): PlannedRecord[] {
  const byStep = new Map<string, { columns: Record<string, string>; secrets: string[] }>();
  for (const [path, value] of Object.entries(values.byPath)) {
    const target = targetOf(path);
    if (consumed.has(path) || !target || "additional" in target) continue;
    if (!plan.some((record) => record.step === target.step)) {
      throw new UnknownFormLabelError(`\`form["${values.labelOf[path]}"]\` sets ${path}, a record this connection does not make with its credentialType`);
    }
    const entry = byStep.get(target.step) ?? { columns: {}, secrets: [] };
    entry.columns[target.column] = value;
    if (values.secretPaths.includes(path)) entry.secrets.push(target.column);
    byStep.set(target.step, entry);
  }
  const formColumns = new Map<string, string[]>();
  for (const path of fromForm) {
    const target = targetOf(path);
    if (target && "step" in target) formColumns.set(target.step, [...(formColumns.get(target.step) ?? []), target.column]);
  }
  return plan.map((record) => {
    const entry = byStep.get(record.step);
    const fromFormHere = formColumns.get(record.step) ?? [];
    if (!entry && fromFormHere.length === 0) return record;
    return {
      ...record,
      fields: { ...record.fields, ...entry?.columns },
      secretFields: [...(record.secretFields ?? []), ...(entry?.secrets ?? [])],
      inputs: { ...record.inputs, ...Object.fromEntries([...Object.keys(entry?.columns ?? {}), ...fromFormHere].map((column) => [column, "form"])) },
    };
  });
}
