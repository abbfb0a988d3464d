import { desiredColumns, type PlannedRecord } from "../lifecycle/record-plan";
import { storedValue, targetOf } from "./form-columns";
import type { AliasForm, FormField, FormTemplate } from "./form-template";
import { FormMismatchError } from "./form-mismatch-error";

/** What a spoke resource asks of its alias's Configure form. */
export interface FormUse {
  readonly spokeName: string;
  /** The setup page says the template must be selected on the alias (SumTotal's does). */
  readonly templateRequired: boolean;
  /** The user knows the template's On Create Script does not run through the Table API. */
  readonly acknowledgeOnCreateScript: boolean;
}

/** What the form check found, for the resource's `configureForm` output and the run's warnings. */
export interface FormReport {
  /** The template's name, or "" when the alias has none. */
  readonly template: string;
  readonly templateSysId: string;
  /** Columns written from the form's defaults because no input sets them, as `step.column`. */
  readonly defaultsWritten: readonly string[];
  readonly notes: readonly string[];
  /** Shown in the `pulumi up` output. */
  readonly warnings: readonly string[];
}

/**
 * Checks the plan against the alias's form and adds what the form writes that no input sets,
 * as columns written when the record is inserted (`initialFields`: inputs win, and what an
 * admin later changes there is theirs). Throws before any write when the setup page requires a
 * template and the alias has none, or when a mandatory field of the form gets no value.
 */
export function applyForm(plan: readonly PlannedRecord[], form: AliasForm, use: FormUse, instanceUrl: string): { plan: PlannedRecord[]; report: FormReport } {
  const template = form.template;
  if (!template) {
    if (use.templateRequired) {
      throw new FormMismatchError(
        instanceUrl,
        form.aliasId,
        `The ${use.spokeName} setup page requires the ${use.spokeName} configuration template on the alias, and the alias has none selected. ` +
          `In ServiceNow open Connections & Credentials > Connection & Credential Aliases > ${form.aliasId}, set Configuration Template to the ${use.spokeName} template and save; then run again`,
      );
    }
    const note = `The alias ${form.aliasId} has no Connection & Credential template: the records follow this package's plan of the ${use.spokeName} setup page`;
    return { plan: [...plan], report: { template: "", templateSysId: "", defaultsWritten: [], notes: [note], warnings: [] } };
  }
  const credentialSection = credentialSectionOf(plan, template);
  const inSection = (path: string) => !path.startsWith("credential.") || credentialSection === "ours";
  const uncovered = template.fields.filter((field) => field.mandatory && inSection(field.path) && !covered(field, plan, template));
  if (uncovered.length > 0) {
    const labels = uncovered.map((field) => `"${field.label}"`).join(", ");
    throw new FormMismatchError(
      instanceUrl,
      form.aliasId,
      `The Configure form of ${use.spokeName} (template ${template.name}) has mandatory fields that no input of this resource sets: ${labels}. ` +
        `A newer release of the spoke may have added them. Configure the spoke with SpokeConnection and its \`form\` input, keyed by the form's labels ` +
        `(e.g. form: { ${uncovered.map((field) => `"${field.label}": "..."`).join(", ")} }), or set the fields' defaults in the template`,
    );
  }
  const { plan: withDefaults, written } = withFormDefaults(plan, template, inSection);
  const notes: string[] = [];
  if (credentialSection === "other") {
    notes.push(`The template writes ${template.tables.credential}; this resource's credential is another kind, so the form's credential defaults are not used`);
  }
  const missingScopes = template.scopes.filter((scope) => inSection("credential.") && !plan.some((record) => record.step === `scope:${scope}`));
  if (missingScopes.length > 0) notes.push(`The form also gives the OAuth entity the scopes ${missingScopes.join(", ")}: add them to \`scopes\` to match it`);
  const additional = template.fields.filter((field) => field.path.startsWith("additional."));
  if (additional.length > 0) notes.push(`The form's additional fields (${additional.map((field) => field.label).join(", ")}) only feed its On Create Script`);
  const warnings =
    template.hasOnCreateScript && !use.acknowledgeOnCreateScript
      ? [
          `the Connection & Credential template ${template.name} (sys_alias_templates ${template.sysId}) of the alias ${form.aliasId} has an On Create Script. ` +
            "The Configure form runs it after saving; records written through the Table API never run it, so what it does is not done. " +
            "Read it under Connections & Credentials > Connection & Credential Templates, do its work another way, then set `acknowledgeOnCreateScript: true`.",
        ]
      : [];
  return { plan: withDefaults, report: { template: template.name, templateSysId: template.sysId, defaultsWritten: written, notes, warnings } };
}

/** `ours` when the plan writes the credential table the form writes; `given` for a credential made elsewhere; `other` for another kind. */
function credentialSectionOf(plan: readonly PlannedRecord[], template: FormTemplate): "ours" | "given" | "other" {
  const credential = plan.find((record) => record.step === "credential");
  if (!credential) return "given";
  return template.tables.credential === undefined || template.tables.credential === credential.table ? "ours" : "other";
}

/** A field has a value when an input sets its column, the form's data or the field has a default, or it feeds no record. */
function covered(field: FormField, plan: readonly PlannedRecord[], template: FormTemplate): boolean {
  if (field.defaultValue !== undefined || template.defaults[field.path] !== undefined) return true;
  const target = targetOf(field.path);
  if (!target) return false;
  if ("additional" in target) return true;
  const record = plan.find((candidate) => candidate.step === target.step);
  const value = record ? desiredColumns(record)[target.column] : undefined;
  return value !== undefined && value !== "";
}

/** Adds the form's defaults as insert-time columns wherever the plan does not set that column. */
function withFormDefaults(plan: readonly PlannedRecord[], template: FormTemplate, inSection: (path: string) => boolean): { plan: PlannedRecord[]; written: string[] } {
  const defaults: Record<string, string> = { ...template.defaults };
  for (const field of template.fields) if (field.defaultValue !== undefined) defaults[field.path] = field.defaultValue;
  const written: string[] = [];
  const result = plan.map((record) => {
    const initial: Record<string, string> = {};
    for (const [path, value] of Object.entries(defaults)) {
      const target = targetOf(path);
      if (!target || "additional" in target || target.step !== record.step || !inSection(path)) continue;
      if (target.column in desiredColumns(record)) continue;
      initial[target.column] = storedValue(target, value);
      written.push(`${record.step}.${target.column}`);
    }
    return Object.keys(initial).length === 0 ? record : { ...record, initialFields: { ...record.initialFields, ...initial } };
  });
  return { plan: result, written };
}
