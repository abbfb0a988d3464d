import { FormTemplateFormatError } from "./form-template-format-error";

/**
 * A spoke's Configure form as the instance stores it: the alias's Connection & Credential
 * template (`sys_alias_templates`, servicenow-reference.md "The Configure form is data"),
 * parsed once into what the lifecycle needs: the form's fields (each a dot path such as
 * `credential.oauth_entity.client_id`), what the form writes besides them (its default data,
 * flattened to the same paths) and whether it has an On Create Script of its own.
 */
export interface FormField {
  /** Dot path into the form's data: `connection.<column>`, `credential.oauth_entity.<column>`, `additional.<x>`, ... */
  readonly path: string;
  /** As the form (and the setup pages) print it: `"OAuth Client ID"`. */
  readonly label: string;
  readonly type: string;
  readonly mandatory: boolean;
  /** The value the form is prefilled with, unless it is a placeholder such as `https://{site-url}/...`. */
  readonly defaultValue?: string;
}

export interface FormTemplate {
  readonly sysId: string;
  readonly name: string;
  readonly fields: readonly FormField[];
  /** Non-empty scalar values of the default data, by path (`credential.oauth_entity.code_challenge_method` → `S256`). */
  readonly defaults: Readonly<Record<string, string>>;
  /** The scope strings the form gives the OAuth entity (`oauth_entity_scope[].oauth_entity_scope`). */
  readonly scopes: readonly string[];
  /** The tables the form writes: `connection.table` and `credential.table`. */
  readonly tables: { readonly connection?: string; readonly credential?: string };
  /** True when the template's On Create Script does something (it is not empty or the platform's stub). */
  readonly hasOnCreateScript: boolean;
}

/** What the alias says of its form: a template, or none selected. */
export type AliasForm = { readonly aliasId: string; readonly template: FormTemplate | undefined };

/** The template's stored columns (JSON text), as a GET returns them. */
export interface StoredTemplate {
  readonly sys_id: string;
  readonly name: string;
  readonly dynamic_data_schema: string;
  readonly default_data_template: string;
  readonly post_process_script: string;
}

export function parseFormTemplate(stored: StoredTemplate): FormTemplate {
  const schema = parseJson(stored, "dynamic_data_schema") as Record<string, unknown>;
  const data = parseJson(stored, "default_data_template") as Record<string, unknown>;
  const fields = ["connection_fields", "credential_fields", "additional_fields"].flatMap((section) => fieldsOf(schema[section]));
  const defaults: Record<string, string> = {};
  flatten(data, "", defaults);
  // A secret in a template (the platform says to leave them empty) is never a default: it would be
  // written unasked and kept in plain state with the form.
  const secretPaths = new Set(fields.filter((field) => field.type === "password").map((field) => field.path));
  for (const path of Object.keys(defaults)) if (secretPaths.has(path) || isSecretColumn(path)) delete defaults[path];
  const entity = ((data.credential as Record<string, unknown> | undefined)?.oauth_entity ?? {}) as Record<string, unknown>;
  const scopes = (Array.isArray(entity.oauth_entity_scope) ? entity.oauth_entity_scope : [])
    .map((scope) => (scope as Record<string, unknown>)?.oauth_entity_scope)
    .filter((scope): scope is string => typeof scope === "string" && scope !== "");
  return {
    sysId: stored.sys_id,
    name: stored.name,
    fields,
    defaults,
    scopes,
    tables: { connection: tableOf(data.connection), credential: tableOf(data.credential) },
    hasOnCreateScript: !isStub(stored.post_process_script),
  };
}

function parseJson(stored: StoredTemplate, column: "dynamic_data_schema" | "default_data_template"): unknown {
  try {
    const value = JSON.parse(stored[column] || "{}") as unknown;
    if (value !== null && typeof value === "object" && !Array.isArray(value)) return value;
  } catch {
    // reported below
  }
  throw new FormTemplateFormatError(
    `The Connection & Credential template ${stored.name} (sys_alias_templates ${stored.sys_id}) has a ${column} that is not a JSON object: ` +
      "fix the template on the instance (Connections & Credentials > Connection & Credential Templates), or select another on the alias.",
    { table: "sys_alias_templates" },
  );
}

/** A section's fields; a radio field's groups count with the group the form selects by default. */
function fieldsOf(section: unknown): FormField[] {
  if (!Array.isArray(section)) return [];
  return section.flatMap((raw): FormField[] => {
    const field = raw as Record<string, unknown>;
    if (typeof field?.name !== "string") return [];
    if (field.type === "radio" && Array.isArray(field.groups)) {
      const groups = field.groups as Record<string, unknown>[];
      const chosen = groups.find((group) => group.default_group === true || group.defaultGroup === true) ?? groups[0];
      return fieldsOf(chosen?.fields);
    }
    const defaultValue = field.defaultValue === undefined || field.defaultValue === null || field.type === "password" ? "" : String(field.defaultValue);
    return [
      {
        path: field.name,
        label: typeof field.label === "string" ? field.label : field.name,
        type: typeof field.type === "string" ? field.type : "text",
        mandatory: field.mandatory === true || field.mandatory === "true",
        ...(defaultValue !== "" && !isPlaceholder(defaultValue) ? { defaultValue } : {}),
      },
    ];
  });
}

/** Columns that hold secrets whatever the template says of them (`client_secret`, `password`, `api_key`, `token`). */
function isSecretColumn(path: string): boolean {
  return /(^|[._])(client_secret|secret|password|api_key|token)$/.test(path);
}

/** `https://{site-url}/...` or `https://<instance-name>...`: text for a person to replace, not a value. */
function isPlaceholder(value: string): boolean {
  return /\{[^}]*\}|<[^>]*>/.test(value);
}

/** Scalars by dot path; arrays of records by index (`oauth_entity_profile[0].name`); the `table` keys are not values. */
function flatten(value: unknown, path: string, into: Record<string, string>): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      if (item !== null && typeof item === "object") flatten(item, `${path}[${index}]`, into);
    });
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) if (key !== "table") flatten(item, path === "" ? key : `${path}.${key}`, into);
  } else if (value !== undefined && value !== null && String(value) !== "" && !isPlaceholder(String(value))) {
    into[path] = String(value);
  }
}

function tableOf(section: unknown): string | undefined {
  const table = (section as Record<string, unknown> | undefined)?.table;
  return typeof table === "string" && table !== "" ? table : undefined;
}

/**
 * The platform's default script (what a template gets when it has none) only documents its
 * arguments: with comments and whitespace gone, the function body is empty.
 */
function isStub(script: string | undefined): boolean {
  const code = (script ?? "")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\/\/[^\n]*/g, "")
    .replace(/\s+/g, "");
  return code === "" || /^\(functionexecute\([\w,]*\)\{(return\[\];)?\}\)\([\w,]*\);?$/.test(code);
}
