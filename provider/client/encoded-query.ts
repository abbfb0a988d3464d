/**
 * Builds ServiceNow encoded queries (`sysparm_query`) from terms, escaping values, so that a
 * value can never add a condition of its own.
 *
 *   all(eq("name", "Okta"), isEmpty("parent"), orderBy("sys_created_on"))
 *   // "name=Okta^parentISEMPTY^ORDERBYsys_created_on"
 *   all(eq("active", "true"), any(eq("name", "a"), eq("name", "b")))
 *   // "active=true^name=a^ORname=b"  (OR binds tighter than AND on ServiceNow)
 *
 * Values: `^` and line breaks are rejected. `^` separates terms and ServiceNow documents no
 * escape for it (an instance may split a value on any `^`), so no value may hold one: inputs
 * that become query values are checked for it before any request (see kinds/fields.ts
 * `lookupValue`), and this is the last guard. Field names must match
 * `/^[a-z0-9_.]+$/` (dot-walking allowed). Anything else throws a `TypeError`: these come
 * from code, not from users, so a bad one is a bug to fix.
 */

/** One encoded-query term or a conjunction of terms. */
export type QueryTerm = string;

const fieldNamePattern = /^[a-z0-9_.]+$/;

function field(name: string): string {
  if (!fieldNamePattern.test(name)) throw new TypeError(`Invalid field name in encoded query: ${JSON.stringify(name)}`);
  return name;
}

/** A value for use after an operator, unchanged; one that could end the term throws. */
export function queryValue(value: string): string {
  if (/[\r\n^]/.test(value)) throw new TypeError("Encoded-query values cannot contain `^` or line breaks (check the input before it gets here)");
  return value;
}

const op =
  (operator: string) =>
  (name: string, value: string): QueryTerm =>
    `${field(name)}${operator}${queryValue(value)}`;

/** `field=value` */
export const eq = op("=");
/** `field!=value` */
export const neq = op("!=");
/** `fieldLIKEvalue` (contains) */
export const like = op("LIKE");
/** `fieldSTARTSWITHvalue` */
export const startsWith = op("STARTSWITH");
/** `fieldENDSWITHvalue` */
export const endsWith = op("ENDSWITH");
/** `fieldISEMPTY` */
export const isEmpty = (name: string): QueryTerm => `${field(name)}ISEMPTY`;
/** `fieldISNOTEMPTY` */
export const isNotEmpty = (name: string): QueryTerm => `${field(name)}ISNOTEMPTY`;
/** `ORDERBYfield` (put it last in `all()`). */
export const orderBy = (name: string): QueryTerm => `ORDERBY${field(name)}`;
/** `ORDERBYDESCfield` */
export const orderByDesc = (name: string): QueryTerm => `ORDERBYDESC${field(name)}`;

/** AND of terms: joined with `^`. Empty terms are skipped; no terms is the empty query. */
export function all(...terms: readonly QueryTerm[]): QueryTerm {
  return terms.filter((t) => t !== "").join("^");
}

/**
 * OR of simple terms (or of other `any()`s): joined with `^OR`. ServiceNow has no parentheses in
 * encoded queries, so a term that is itself an AND (an unescaped `^` not starting `^OR`) throws.
 */
export function any(...terms: readonly QueryTerm[]): QueryTerm {
  const simple = terms.filter((t) => t !== "");
  for (const t of simple) {
    if (t.replace(/\^OR(?!DER)/g, "").includes("^")) {
      throw new TypeError(`Encoded queries cannot OR a compound term: ${JSON.stringify(t)}`);
    }
  }
  return simple.join("^OR");
}
