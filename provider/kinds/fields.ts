import { z } from "zod";
import { input } from "./input";

/**
 * Input validators shared by every kind. Each message says what is wrong and what is
 * accepted; none repeats the value of a secret.
 */

/** A secret: present and not blank. Never echoed. */
export const secret = z
  .string({ error: "must be a string (use pulumi.secret(...) or `pulumi config set --secret`)" })
  .refine((value) => value.trim().length > 0, { message: "must not be empty", abort: true })
  .refine((value) => value.trim() === value, { message: "must not start or end with whitespace (check for a pasted newline)", abort: true });

/**
 * Column sizes of the string columns users fill in. Where ServiceNow's own table definitions
 * state one (scripts/servicenow-tables/servicenow-tables.json, compared by
 * test/provider/servicenow-tables.test.ts) it is theirs; the others (user names, OAuth columns,
 * which the definitions leave out) are the instance defaults, unconfirmed.
 */
export const columnSize = {
  name: 100,
  aliasName: 255,
  aliasId: 255,
  propertyValue: 4000,
  userName: 40,
  personName: 50,
  email: 100,
  password: 100,
  clientId: 255,
  scope: 255,
  tableName: 80,
  columnName: 80,
} as const;

const controlCharacters = /[\u0000-\u001f\u007f]/;

/** One line of text as a form field takes it: not blank, no control characters, no surrounding whitespace. */
export function singleLine(max: number) {
  return z
    .string({ error: "must be a string" })
    // `abort`: one message per value, the first rule it breaks.
    .refine((value) => value.trim().length > 0, { message: "must not be empty", abort: true })
    .refine((value) => value.length <= max, { message: `must be at most ${max} characters`, abort: true })
    .refine((value) => !controlCharacters.test(value), { message: "must not contain control characters such as newlines or tabs", abort: true })
    .refine((value) => value.trim() === value, { message: "must not start or end with whitespace (check for a pasted space or newline)", abort: true });
}

/**
 * A value the provider looks a record up by (a name, a scope, a key column). ServiceNow's
 * encoded queries separate conditions with `^` and document no escape for it, so a value
 * holding one could add a condition of its own: it is refused here, before any request.
 */
export function lookupValue(max: number) {
  return singleLine(max).refine((value) => !value.includes("^"), {
    message: "must not contain `^` (ServiceNow queries use it to separate conditions, and it cannot be escaped)",
  });
}

/** A display name as ServiceNow stores it in a name column; records are found by it. */
export const recordName = lookupValue(columnSize.name);

/** An OAuth client id as the third party issued it. */
export const clientId = singleLine(columnSize.clientId);

/** One OAuth scope as sent on the wire (`allapis`, `manage:all`, `okta.users.manage`). */
export const scope = lookupValue(columnSize.scope).regex(/^\S+$/, { message: "each scope must be one word, such as okta.users.manage" });

/** A system property name: `<scope>.<words>` with letters, digits, `_`, `-` and dots. */
export const propertyName = z
  .string()
  .regex(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)+$/, {
    message: "must be a dotted property name of letters, digits, `_` and `-`, such as x_acme.feature.enabled (no spaces)",
  })
  .max(100, { message: "must be at most 100 characters" });

/** A connection and credential alias id: `<scope>.<name>`, e.g. `sn_okta_spoke.Okta`. */
export const aliasId = z
  .string()
  .regex(/^[a-z0-9_]+\.[A-Za-z0-9_]+$/, {
    message: "must be an alias id `<scope>.<name>` as shown in Connection & Credential Aliases, such as sn_okta_spoke.Okta",
  })
  .max(columnSize.aliasId, { message: `must be at most ${columnSize.aliasId} characters` });

/** A sys_id: 32 lowercase hex characters. */
export const sysId = z.string().regex(/^[0-9a-f]{32}$/, { message: "must be a sys_id of 32 lowercase hex characters" });

/** A positive whole number of seconds, milliseconds or tries. */
export const positiveInteger = z.number().int({ message: "must be a whole number" }).nonnegative({ message: "must not be negative" });

/** The type of `adopt`, for kinds that describe it their own way. */
export const adoptFlag = z.boolean({ error: "must be true or false" }).optional();

/** Present on every kind: take over an existing record with the same natural key. */
export const adopt = input(adoptFlag, {
  description: "Take over an existing record with the same natural key (one made by hand) instead of failing. Default false.",
});

/** ServiceNow stores booleans as "true"/"false". */
export function flag(value: boolean): string {
  return value ? "true" : "false";
}

/** Only the entries whose value is defined, for optional columns. */
export function defined(columns: Record<string, string | undefined>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [column, value] of Object.entries(columns)) if (value !== undefined) kept[column] = value;
  return kept;
}
