import { z } from "zod";

/**
 * Input validators shared by every kind. Each message says what is wrong and what is
 * accepted; none repeats the value of a secret.
 */

const loopbackHosts = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);

/** An absolute URL; https, or http only for a loopback host (the emulator, local tests). */
export const url = z.string().superRefine((value, ctx) => {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    ctx.addIssue({ code: "custom", message: `must be an absolute URL such as https://example.com/path, got ${JSON.stringify(value)}` });
    return;
  }
  if (parsed.protocol === "https:") return;
  if (parsed.protocol === "http:" && loopbackHosts.has(parsed.hostname)) return;
  ctx.addIssue({
    code: "custom",
    message: `must use https (http is accepted only for 127.0.0.1, localhost and ::1), got ${JSON.stringify(value)}`,
  });
});

/** A secret: present and not blank. Never echoed. */
export const secret = z
  .string({ error: "must be a string (use pulumi.secret(...) or `pulumi config set --secret`)" })
  .refine((value) => value.trim().length > 0, { message: "must not be empty" })
  .refine((value) => value.trim() === value, { message: "must not start or end with whitespace (check for a pasted newline)" });

/** A display name as ServiceNow stores it in a name column (at most 100 characters). */
export const recordName = z
  .string()
  .refine((value) => value.trim().length > 0, { message: "must not be empty" })
  .refine((value) => value.length <= 100, { message: "must be at most 100 characters" })
  .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), { message: "must not contain control characters such as newlines or tabs" })
  .refine((value) => value.trim() === value, { message: "must not start or end with whitespace" });

/** A system property name: `<scope>.<words>` with letters, digits, `_`, `-` and dots. */
export const propertyName = z
  .string()
  .regex(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)+$/, {
    message: "must be a dotted property name of letters, digits, `_` and `-`, such as x_acme.feature.enabled (no spaces)",
  })
  .max(100, { message: "must be at most 100 characters" });

/** A connection and credential alias id: `<scope>.<name>`, e.g. `sn_okta_spoke.Okta`. */
export const aliasId = z.string().regex(/^[a-z0-9_]+\.[A-Za-z0-9_]+$/, {
  message: "must be an alias id `<scope>.<name>` as shown in Connection & Credential Aliases, such as sn_okta_spoke.Okta",
});

/** A sys_id: 32 lowercase hex characters. */
export const sysId = z.string().regex(/^[0-9a-f]{32}$/, { message: "must be a sys_id of 32 lowercase hex characters" });

/** A positive whole number of seconds, milliseconds or tries. */
export const positiveInteger = z.number().int({ message: "must be a whole number" }).nonnegative({ message: "must not be negative" });

/** Present on every kind: take over an existing record with the same natural key. */
export const adopt = z.boolean({ error: "must be true or false" }).optional();

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
