/**
 * Removes secrets from text bound for a message, a log line or an error detail.
 *
 * Two passes: every known secret value (and its URL-, form- and JSON-encoded spellings) is
 * replaced, longest first; then anything shaped like a credential is replaced whatever its
 * value: `Authorization`/`x-sn-apikey` header values, `Bearer`/`Basic` tokens, and
 * `password=`, `client_secret=`, `refresh_token=`, `access_token=`, `api_key=` in forms,
 * queries and JSON (as octokit's request error does).
 */
export const redactionMarker = "[REDACTED]";

const credentialPatterns: readonly [RegExp, string][] = [
  [/\b(authorization)(["']?\s*[:=]\s*["']?)(?:(?:Basic|Bearer|Digest|Negotiate|OAuth)\s+)?[^\s"',;}]+/gi, `$1$2${redactionMarker}`],
  [/\b(x-sn-apikey)(["']?\s*[:=]\s*["']?)[^\s"',;}]+/gi, `$1$2${redactionMarker}`],
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g, `$1 ${redactionMarker}`],
  [
    /\b(password|client_secret|clientSecret|refresh_token|refreshToken|access_token|accessToken|api_key|apiKey)=[^&\s"']*/gi,
    `$1=${redactionMarker}`,
  ],
  [
    /("(?:password|client_secret|clientSecret|refresh_token|refreshToken|access_token|accessToken|api_key|apiKey)"\s*:\s*)"(?:[^"\\]|\\.)*"/gi,
    `$1"${redactionMarker}"`,
  ],
];

/** The spellings of a secret that may appear in text: raw, URL-encoded, form-encoded, JSON. */
function spellings(secret: string): string[] {
  const forms = new Set<string>([secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)]);
  forms.add(new URLSearchParams({ s: secret }).toString().slice(2));
  return [...forms].filter((s) => s !== "");
}

export function redact(text: string, secrets: readonly (string | undefined)[] = []): string {
  let out = text;
  const all = secrets.flatMap((s) => (s ? spellings(s) : [])).sort((a, b) => b.length - a.length);
  for (const s of all) out = out.split(s).join(redactionMarker);
  for (const [pattern, replacement] of credentialPatterns) out = out.replace(pattern, replacement);
  return out;
}
