import { loadAxios } from "../client/load-axios";
import { CredentialCheckError } from "./credential-check-error";

const timeout = 15_000;

/**
 * The Configure form's "Get OAuth Token" step, moved before any write: ask the third party
 * for a token (or call Okta with the API key, verifyOktaApiKey) from where Pulumi runs. Off by
 * default, since that machine may not reach the third party. Failures are CredentialCheckErrors
 * whose messages name the inputs to fix and the third party's answer, never a secret.
 */
export async function verifyClientCredentials(options: {
  readonly spokeName: string;
  readonly tokenUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly scope?: string;
  readonly inputNames: string;
}): Promise<void> {
  const form = new URLSearchParams({ grant_type: "client_credentials", client_id: options.clientId, client_secret: options.clientSecret });
  if (options.scope) form.set("scope", options.scope);
  const secrets = [options.clientSecret];
  const answer = await send(options.spokeName, options.tokenUrl, secrets, () =>
    loadAxios().post(options.tokenUrl, form.toString(), { headers: { "content-type": "application/x-www-form-urlencoded" }, timeout, validateStatus: () => true }),
  );
  if (answer.status === 200 && typeof answer.data?.access_token === "string") return;
  throw new CredentialCheckError(
    `${options.spokeName} refused the client credentials at ${hostOf(options.tokenUrl)} (HTTP ${answer.status}${describe(answer.data)}). ` +
      `Check ${options.inputNames}, or set verifyCredentials: false to skip this check.`,
    { party: options.spokeName, status: answer.status, secrets },
  );
}

export async function verifyOktaApiKey(options: { readonly orgUrl: string; readonly apiKey: string; readonly inputNames: string }): Promise<void> {
  const url = `${options.orgUrl.replace(/\/+$/, "")}/api/v1/users/me`;
  const secrets = [options.apiKey];
  const answer = await send("Okta", url, secrets, () =>
    loadAxios().get(url, { headers: { authorization: options.apiKey, accept: "application/json" }, timeout, validateStatus: () => true }),
  );
  if (answer.status === 200) return;
  throw new CredentialCheckError(
    `Okta refused the API token at ${hostOf(url)} (HTTP ${answer.status}${describe(answer.data)}). Check ${options.inputNames}, or set verifyCredentials: false to skip this check.`,
    { party: "Okta", status: answer.status, secrets },
  );
}

async function send(
  party: string,
  url: string,
  secrets: readonly string[],
  request: () => Promise<{ status: number; data: any }>,
): Promise<{ status: number; data: any }> {
  try {
    return await request();
  } catch (error) {
    // Not the axios error as `cause`: it holds the request's headers and body, the credentials.
    const code = (error as { code?: string }).code;
    throw new CredentialCheckError(
      `Could not reach ${party} at ${hostOf(url)} (${code ?? "network error"}) to check the credentials. Check the URL, or set verifyCredentials: false when this machine cannot reach ${party}.`,
      { party, code, secrets },
    );
  }
}

/** Messages show where a request went by host only: a URL's query could hold a credential. */
function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return "the URL given";
  }
}

/** The third party's error code and summary only: never echo a whole body. */
function describe(data: unknown): string {
  if (!data || typeof data !== "object") return "";
  const body = data as Record<string, unknown>;
  const parts = [body.error, body.error_description, body.errorCode, body.errorSummary].filter((part) => typeof part === "string");
  return parts.length > 0 ? `: ${parts.join(" ").slice(0, 200)}` : "";
}
