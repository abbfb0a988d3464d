/**
 * Whether a column value the instance returned is the value we wrote, after the instance's
 * normal formatting: every value comes back as a string, booleans as `true`/`false` (some
 * tables answer `1`/`0`), numbers without a leading `+` or trailing zeros, and URL columns
 * without (or with) a trailing slash. Used by write verification, drift detection and the
 * inputs a refresh hands back, so the three can never disagree about "the same value".
 */
export function sameStoredValue(sent: string, returned: string | undefined): boolean {
  if (returned === undefined) return false;
  if (sent === returned) return true;
  const sentBoolean = booleanOf(sent);
  if (sentBoolean !== undefined && sentBoolean === booleanOf(returned)) return true;
  if (isNumber(sent) && isNumber(returned)) return Number(sent) === Number(returned);
  if (isUrl(sent) && isUrl(returned)) return withoutTrailingSlash(sent) === withoutTrailingSlash(returned);
  return false;
}

/** A stored string read back as the type of `like` (a boolean or number input stays one). */
export function storedAs(like: unknown, stored: string): unknown {
  if (typeof like === "boolean") return stored === "true" || stored === "1";
  if (typeof like === "number") return stored === "" ? like : Number(stored);
  return stored;
}

function booleanOf(value: string): boolean | undefined {
  if (value === "true" || value === "1") return true;
  if (value === "false" || value === "0") return false;
  return undefined;
}

function isNumber(value: string): boolean {
  return /^[+-]?\d+(\.\d+)?$/.test(value.trim());
}

function isUrl(value: string): boolean {
  return /^https?:\/\//i.test(value);
}

function withoutTrailingSlash(value: string): string {
  return value.replace(/\/+$/, "");
}
