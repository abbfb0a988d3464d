import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Secrets are write-only on an instance: a read returns an encrypted string that changes
 * whenever the value is rewritten, never the plaintext. We keep a salted SHA-256 of that
 * string (not the string itself, which the instance could decrypt), so a refresh sees a
 * rewrite made outside Pulumi without state ever holding anything reversible.
 * Format: `sha256:<salt hex>:<digest hex>`.
 */
export function fingerprint(stored: string): string {
  const salt = randomBytes(16).toString("hex");
  return `sha256:${salt}:${digest(salt, stored)}`;
}

/** Whether `stored` is what `print` was taken from. A malformed print never matches. */
export function matchesFingerprint(print: string, stored: string): boolean {
  const [scheme, salt, expected] = print.split(":");
  if (scheme !== "sha256" || !salt || !expected) return false;
  const actual = Buffer.from(digest(salt, stored), "hex");
  const wanted = Buffer.from(expected, "hex");
  return actual.length === wanted.length && timingSafeEqual(actual, wanted);
}

function digest(salt: string, stored: string): string {
  return createHash("sha256").update(salt).update("\0").update(stored).digest("hex");
}
