import type { SnRecord } from "../client/table-api";
import { targetOf } from "../forms/form-columns";
import type { PlanContext } from "../lifecycle/resource-kind";
import { spokeConnectionKind } from "../spokes/spoke-connection";
import { secretPlaceholder } from "../lifecycle/values";
import { adoptionDifferences, planFor, type FoundRecords } from "./invert-plan";
import type { ScannedResource } from "./map-resources";
import type { ScannedConnection } from "./read-instance";

/**
 * A connection of a spoke with no preset, as `SpokeConnection` with `form`: each field of the
 * alias's Configure form read from the record its path names, keyed by the form's label, the
 * password fields as secrets. Undefined when the form cannot describe what is there (another
 * credential table, or inputs the form refuses); the caller then maps the named inputs.
 */
export function formResource(
  scanned: ScannedConnection,
  found: FoundRecords,
  options: { readonly name: string; readonly describes: string; readonly properties: Readonly<Record<string, string>> },
  context: PlanContext,
): { resource: ScannedResource; differences: readonly string[] } | undefined {
  const template = scanned.template;
  if (!template || (scanned.credential && template.tables.credential !== undefined && template.tables.credential !== scanned.credential.table)) return undefined;
  const form: Record<string, string> = {};
  const secretLabels: string[] = [];
  for (const field of template.fields) {
    const target = targetOf(field.path);
    if (!target || "additional" in target) continue;
    if (field.type === "password") {
      secretLabels.push(field.label);
      continue;
    }
    const value = (found.get(target.step) as SnRecord | undefined)?.[target.column];
    if (value !== undefined && value !== "") form[field.label] = value;
  }
  const properties = Object.keys(options.properties).length > 0 ? { properties: options.properties } : {};
  const raw = { connectionAlias: scanned.alias.id ?? "", form: { ...form, ...Object.fromEntries(secretLabels.map((label) => [label, secretPlaceholder])) }, ...properties };
  let planned: ReturnType<typeof planFor>;
  try {
    planned = planFor(spokeConnectionKind, raw, { ...context, form: { aliasId: scanned.alias.id ?? "", template } });
  } catch {
    return undefined; // the form asks for what is not there (a mandatory field left empty)
  }
  if (!("plan" in planned)) return undefined;
  const differences = adoptionDifferences(planned.plan, found, (step) => !step.startsWith("property:"));
  return {
    differences,
    resource: {
      kind: spokeConnectionKind.name,
      name: options.name,
      values: { connectionAlias: raw.connectionAlias, form, ...properties },
      secrets: secretLabels.map((label) => ({ input: "form", key: label, label })),
      references: {},
      describes: `${options.describes}, by its Configure form (template ${template.name})`,
      notes: differences.map((difference) => `adopt ${difference}`),
    },
  };
}
