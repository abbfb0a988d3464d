import { FormMismatchError } from "../forms/form-mismatch-error";
import { resolveFormValues, withFormColumns, type FormValues } from "../forms/form-values";
import { isUnknownFormLabelError } from "../forms/unknown-form-label-error";
import { baseUrl } from "../kinds/url-fields";
import type { PlannedRecord } from "../lifecycle/record-plan";
import type { PlanContext } from "../lifecycle/resource-kind";
import { pathOf } from "../forms/form-columns";
import type { InputColumn } from "../schema/describe-kind";

type CredentialType = "oauth2_client_credentials" | "api_key" | "basic";

/** SpokeConnection's named inputs that a form field can give instead. */
const namedInputs = ["connectionUrl", "connectionName", "credentialName", "oauthEntityName", "clientId", "clientSecret", "tokenUrl", "apiKey", "userName", "password"] as const;
type Named = (typeof namedInputs)[number];

/** Each named input's form path, from the column it declares (`clientId` → `entity.client_id` → `credential.oauth_entity.client_id`). */
function namedPathsOf(columns: readonly InputColumn[]): Record<Named, string> {
  const paths = {} as Record<Named, string>;
  for (const name of namedInputs) {
    const declared = columns.find((column) => column.input === name);
    const path = declared && pathOf(declared.step, declared.column);
    if (!path) throw new Error(`internal: SpokeConnection's ${name} declares no column a form path sets`);
    paths[name] = path;
  }
  return paths;
}

/** The form's credential table as a credentialType. */
const credentialTypeOfTable: Readonly<Record<string, CredentialType>> = {
  oauth_2_0_credentials: "oauth2_client_credentials",
  api_key_credentials: "api_key",
  basic_auth_credentials: "basic",
};

const requiredFor: Record<CredentialType, readonly Named[]> = {
  oauth2_client_credentials: ["connectionUrl", "oauthEntityName", "clientId", "clientSecret", "tokenUrl"],
  api_key: ["connectionUrl", "apiKey"],
  basic: ["connectionUrl", "userName", "password"],
};

export interface SpokeInputs extends Partial<Record<Named, string>> {
  readonly connectionAlias: string;
  readonly credentialType?: CredentialType;
  readonly form?: Readonly<Record<string, string>>;
  readonly scopes: readonly string[];
  readonly attributes?: Readonly<Record<string, string>>;
}

/** The inputs with the form's values in place of missing named ones, and how to plan the rest of the form. */
export interface SpokeFormInputs {
  readonly resolved: Partial<Record<Named, string>> & {
    readonly credentialType: CredentialType;
    readonly grantType: string;
    readonly scopes: readonly string[];
    readonly attributes: Readonly<Record<string, string>>;
  };
  /** The plan with the form values no named input took on their columns, and each column the form gave as the `form` input's. */
  withColumns(plan: PlannedRecord[]): PlannedRecord[];
}

/**
 * Reads SpokeConnection's inputs, and its `form` against the alias's template when given.
 * `"unknown"` when `form` is given and the template is neither read nor in state.
 */
export function formInputsOf(inputs: SpokeInputs, context: PlanContext, columns: readonly InputColumn[]): SpokeFormInputs | "unknown" {
  if (inputs.form === undefined) {
    return {
      resolved: { ...inputs, credentialType: inputs.credentialType!, grantType: "client_credentials", attributes: inputs.attributes ?? {} },
      withColumns: (plan) => plan,
    };
  }
  const namedPaths = namedPathsOf(columns);
  const aliasForm = context.form;
  if (!aliasForm) return "unknown";
  const mismatch = (problem: string, cause?: unknown) =>
    new FormMismatchError(context.instanceUrl, inputs.connectionAlias, problem, cause !== undefined ? { cause } : {});
  const template = aliasForm.template;
  if (!template) {
    throw mismatch("`form` gives values for the alias's Configure form, and the alias has no Connection & Credential template: select one on the alias, or use credentialType and the named inputs instead");
  }
  let values: FormValues;
  try {
    values = resolveFormValues(template, inputs.form);
  } catch (error) {
    throw isUnknownFormLabelError(error) ? mismatch(error.message, error) : error;
  }
  // A named input wins, then the form's value, then what the form is prefilled with or writes by default.
  const fromForm = new Set<string>();
  const fromDefaults = new Set<string>();
  const resolved: Partial<Record<Named, string>> = {};
  for (const [name, path] of Object.entries(namedPaths) as [Named, string][]) {
    const byDefault = template.fields.find((field) => field.path === path)?.defaultValue ?? template.defaults[path];
    const value = inputs[name] ?? values.byPath[path] ?? byDefault;
    if (inputs[name] === undefined && values.byPath[path] !== undefined) fromForm.add(path);
    else if (inputs[name] === undefined && value !== undefined) fromDefaults.add(path);
    if (value !== undefined) resolved[name] = value;
  }
  const credentialType = inputs.credentialType ?? credentialTypeOfTable[template.tables.credential ?? ""];
  if (!credentialType) throw mismatch(`the template ${template.name} writes ${template.tables.credential ?? "no credential"}, which SpokeConnection cannot make: set credentialType`);
  const labelOf = (name: Named) => template.fields.find((field) => field.path === namedPaths[name])?.label;
  const missing = requiredFor[credentialType].filter((name) => resolved[name] === undefined);
  if (missing.length > 0) {
    throw mismatch(`\`form\` leaves out what a ${credentialType} connection needs: ${missing.map((name) => (labelOf(name) ? `"${labelOf(name)}"` : `\`${name}\``)).join(", ")}`);
  }
  if (fromForm.has(namedPaths.connectionUrl)) {
    const checked = baseUrl.safeParse(resolved.connectionUrl);
    if (!checked.success) throw mismatch(`\`form["${labelOf("connectionUrl")}"]\` ${checked.error.issues[0]?.message ?? "is not a valid URL"}`);
  }
  const attributes: Record<string, string> = { ...inputs.attributes };
  const attributePrefix = "connection.extended_attributes.";
  for (const [path, value] of Object.entries(values.byPath)) {
    if (!path.startsWith(attributePrefix)) continue;
    attributes[path.slice(attributePrefix.length)] = value;
    fromForm.add(path);
  }
  return {
    resolved: {
      ...resolved,
      credentialType,
      grantType: template.defaults["credential.oauth_entity.default_grant_type"] ?? "client_credentials",
      scopes: inputs.scopes.length > 0 ? inputs.scopes : template.scopes,
      attributes,
    },
    // A value from the template's defaults is no input's: its drift shows as the column.
    withColumns: (plan) => withFormColumns(plan, values, new Set([...fromForm, ...fromDefaults]), fromForm),
  };
}
