import type { AuthMode } from "../../config/provider-config";

/** Credentials for one request, as headers; `token` identifies what was used, for invalidate(). */
export interface AppliedAuth {
  readonly headers: Readonly<Record<string, string>>;
  readonly token?: string;
}

/** Signs requests in one mode. Implementations hold the only copies of the credentials. */
export interface AuthProvider {
  readonly mode: AuthMode;
  /** For messages: "basic auth as `admin`", "OAuth grant client_credentials". No secrets. */
  readonly description: string;
  /** Headers for the next request; signs in first when there is no valid token. */
  apply(table: string): Promise<AppliedAuth>;
  /**
   * After a 401 with `used`: drops that token so that the next apply() signs in afresh, and
   * says whether that can help (false for basic auth, API keys and given bearer tokens).
   */
  invalidate(used: AppliedAuth): boolean;
  /** Every secret value known now (configured credentials and obtained tokens), for redaction. */
  secrets(): readonly string[];
}
