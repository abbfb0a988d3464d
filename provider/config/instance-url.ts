/**
 * Normalises an instance URL: a bare host (`dev12345.service-now.com`, as Ansible's `SN_HOST`
 * allows) gets `https://`; the result is the origin, without path or trailing slash.
 * https is required except for loopback hosts, where the emulator runs over plain http.
 */
export type InstanceUrlResult = { readonly ok: true; readonly url: string } | { readonly ok: false; readonly reason: string };

const loopbackHosts = new Set(["localhost", "[::1]", "::1"]);

export function isLoopbackHost(hostname: string): boolean {
  return loopbackHosts.has(hostname.toLowerCase()) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

export function normalizeInstanceUrl(raw: string): InstanceUrlResult {
  const trimmed = raw.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, reason: `is not a URL (got "${trimmed}")` };
  }
  // Never echo a URL that carries credentials.
  if (url.username !== "" || url.password !== "") {
    return { ok: false, reason: "must not contain a user name or password; set them as separate settings" };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    return { ok: false, reason: `must start with https:// (got "${trimmed}")` };
  }
  if (url.protocol === "http:" && !isLoopbackHost(url.hostname)) {
    return {
      ok: false,
      reason: `must use https:// (got "${trimmed}"); plain http is allowed only for localhost, 127.0.0.1 and ::1`,
    };
  }
  if (url.pathname !== "/" || url.search !== "" || url.hash !== "") {
    return { ok: false, reason: `must be the instance's base URL without a path (got "${trimmed}", use "${url.origin}")` };
  }
  return { ok: true, url: url.origin };
}
