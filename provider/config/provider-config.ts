/**
 * The provider's resolved, validated configuration: what `resolveProviderConfig()` returns and
 * what `clientFor()` takes. Every field is complete; defaults are applied in one place
 * (resolve-provider-config.ts), never by the code that reads this.
 */

/** How the client signs in to the instance. `mode` selects the fields. */
export type AuthConfig =
  /** HTTP basic auth on every request. */
  | { readonly mode: "basic"; readonly username: string; readonly password: string }
  /** OAuth password grant at `/oauth_token.do`, then refresh tokens. */
  | {
      readonly mode: "oauth-password";
      readonly clientId: string;
      readonly clientSecret: string;
      readonly username: string;
      readonly password: string;
    }
  /** OAuth refresh_token grant with a refresh token obtained elsewhere. */
  | { readonly mode: "oauth-refresh-token"; readonly clientId: string; readonly clientSecret: string; readonly refreshToken: string }
  /** OAuth client_credentials grant (needs an OAuth application user on the instance). */
  | { readonly mode: "oauth-client-credentials"; readonly clientId: string; readonly clientSecret: string }
  /** `x-sn-apikey` header (token-based authentication plugin). */
  | { readonly mode: "api-key"; readonly apiKey: string }
  /** A given OAuth access token, sent as `Authorization: Bearer`; never renewed. */
  | { readonly mode: "bearer"; readonly accessToken: string };

export type AuthMode = AuthConfig["mode"];

export interface ProviderConfig {
  /** Base URL of the instance, normalised: scheme + host (+ port), no path, no trailing slash. */
  readonly instanceUrl: string;
  readonly auth: AuthConfig;
  /** Per-request timeout in milliseconds. Default 60000 (`servicenow:timeoutSeconds` 60). */
  readonly timeoutMs: number;
  /** Requests in flight at once per client. Default 8. */
  readonly maxConcurrency: number;
  /** Retries after the first attempt for retryable failures. Default 5. */
  readonly maxRetries: number;
}

export const defaultTimeoutMs = 60_000;
export const defaultMaxConcurrency = 8;
export const defaultMaxRetries = 5;
