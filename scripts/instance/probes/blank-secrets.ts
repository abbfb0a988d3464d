/**
 * A Connection & Credential template as the report shows it: JSON with every secret replaced by
 * "(blanked)" (servicenow-reference.md, "The Configure form is data"). Secret: the value of any
 * field whose `type` is `password` in `dynamic_data_schema` (its `defaultValue`, and the value at
 * its `name`, a dot path such as `credential.oauth_entity.client_secret`, in the default data),
 * and any `client_secret`, `password` or `api_key` key (or another usual secret name: tokens,
 * private keys) anywhere in the default data. Empty values
 * stay empty: that a template ships no secret is worth seeing. Text that is not JSON is left out
 * whole, since nothing in it can be told apart.
 */
export const blanked = "(blanked)";
const secretKeys = new Set(["client_secret", "password", "api_key", "access_token", "refresh_token", "private_key", "secret", "token"]);

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Parsed JSON, or undefined for empty text; a note in place of text that is not JSON. */
export function parseTemplateJson(text: string): { json?: Json; note?: string } {
  if (text.trim() === "") return {};
  try {
    return { json: JSON.parse(text) as Json };
  } catch {
    return { note: `not JSON (${text.length} characters), left out: it may hold a secret` };
  }
}

/** The dot paths (array indexes as `[0]`) of the schema's password-type fields. */
export function passwordFieldPaths(schema: Json | undefined): string[] {
  const paths: string[] = [];
  const visit = (node: Json | undefined): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (isObject(node)) {
      if (node.type === "password" && typeof node.name === "string") paths.push(node.name);
      Object.values(node).forEach(visit);
    }
  };
  visit(schema);
  return paths;
}

/** The schema with each password-type field's `defaultValue` blanked. */
export function blankSchema(schema: Json | undefined): Json | undefined {
  const visit = (node: Json): Json => {
    if (Array.isArray(node)) return node.map(visit);
    if (!isObject(node)) return node;
    const copy = Object.fromEntries(Object.entries(node).map(([key, value]) => [key, visit(value)]));
    if (node.type === "password" && "defaultValue" in node) copy.defaultValue = blank(node.defaultValue!);
    return copy;
  };
  return schema === undefined ? undefined : visit(schema);
}

/** The default data with the secret keys and the values at the schema's password paths blanked. */
export function blankDefaultData(data: Json | undefined, passwordPaths: readonly string[]): Json | undefined {
  if (data === undefined) return undefined;
  const secretPaths = new Set(passwordPaths.map(normalisePath));
  const visit = (node: Json, at: string): Json => {
    if (Array.isArray(node)) return node.map((item, index) => visit(item, `${at}[${index}]`));
    if (!isObject(node)) return secretPaths.has(at) ? blank(node) : node;
    return Object.fromEntries(
      Object.entries(node).map(([key, value]) => {
        const path = at === "" ? key : `${at}.${key}`;
        return [key, secretKeys.has(key) || secretPaths.has(path) ? blankAll(value) : visit(value, path)];
      }),
    );
  };
  return visit(data, "");
}

function blank(value: Json): Json {
  return value === "" || value === null ? value : blanked;
}

/** A secret key's whole value: a string, or anything nested under it. */
function blankAll(value: Json): Json {
  if (Array.isArray(value)) return value.map(blankAll);
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, blankAll(inner)]));
  return blank(value);
}

/** `a.b[0].c` and `a.b.0.c` name the same place. */
function normalisePath(path: string): string {
  return path.replace(/\.(\d+)(?=\.|$)/g, "[$1]");
}

function isObject(node: Json | undefined): node is { [key: string]: Json } {
  return typeof node === "object" && node !== null && !Array.isArray(node);
}
