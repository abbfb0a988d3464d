import type { AuthConfig } from "../../config/provider-config";
import type { HttpResponse } from "../http-transport";
import type { AppliedAuth, AuthProvider } from "./auth-provider";

type OAuthConfig = Extract<AuthConfig, { mode: "oauth-password" | "oauth-refresh-token" | "oauth-client-credentials" }>;

export interface OAuthDependencies {
  /**
   * POSTs the form to `/oauth_token.do` (with the client's retries for 429/5xx/network) and
   * returns whatever status the instance answered; throws only when it could not get an answer.
   */
  readonly requestToken: (form: Readonly<Record<string, string>>, table: string) => Promise<HttpResponse>;
  /** The error for a token response that is not a token (rejected credentials and the like). */
  readonly signInFailed: (response: HttpResponse, table: string, provider: AuthProvider) => Error;
  readonly now: () => number;
  /** Renew this long before expiry. */
  readonly renewalMarginMs: number;
}

interface Token {
  readonly accessToken: string;
  readonly refreshToken?: string;
  /** ms since the epoch. */
  readonly expiresAt: number;
}

/** Access tokens live 1800 s by default on ServiceNow; used when `expires_in` is absent. */
const defaultLifetimeSeconds = 1800;
/** Statuses with which the token endpoint rejects a grant (invalid_grant, access_denied). */
const rejectingStatuses = new Set([400, 401, 403]);

/**
 * OAuth against `POST {instance}/oauth_token.do` (form-encoded). The token is cached, renewed
 * `renewalMarginMs` before it expires, and fetched once for all concurrent callers.
 * Password grant: renewal uses the refresh token, and falls back to the password grant when
 * the refresh is rejected. Refresh-token grant: the newest refresh token the instance returned.
 */
export class OAuthTokenProvider implements AuthProvider {
  readonly mode: OAuthConfig["mode"];
  readonly description: string;
  private token: Token | undefined;
  private pending: Promise<Token> | undefined;
  private refreshToken: string | undefined;
  /** Tokens obtained in this process, for redaction (the last few are enough). */
  private readonly seen: string[] = [];

  constructor(
    private readonly auth: OAuthConfig,
    private readonly deps: OAuthDependencies,
  ) {
    this.mode = auth.mode;
    const grant = { "oauth-password": "password", "oauth-refresh-token": "refresh_token", "oauth-client-credentials": "client_credentials" }[
      auth.mode
    ];
    this.description = `OAuth grant ${grant}${auth.mode === "oauth-password" ? ` as \`${auth.username}\`` : ""}`;
    this.refreshToken = auth.mode === "oauth-refresh-token" ? auth.refreshToken : undefined;
  }

  async apply(table: string): Promise<AppliedAuth> {
    const token = await this.validToken(table);
    return { headers: { Authorization: `Bearer ${token.accessToken}` }, token: token.accessToken };
  }

  invalidate(used: AppliedAuth): boolean {
    // Only the token that failed: a concurrent caller may already have renewed it.
    if (this.token && this.token.accessToken === used.token) this.token = undefined;
    return true;
  }

  secrets(): readonly string[] {
    const configured =
      this.auth.mode === "oauth-password"
        ? [this.auth.clientSecret, this.auth.password]
        : this.auth.mode === "oauth-refresh-token"
          ? [this.auth.clientSecret, this.auth.refreshToken]
          : [this.auth.clientSecret];
    return [...configured, ...this.seen];
  }

  private validToken(table: string): Promise<Token> {
    const token = this.token;
    if (token && this.deps.now() < token.expiresAt - this.deps.renewalMarginMs) return Promise.resolve(token);
    if (!this.pending) {
      this.pending = this.obtain(table).finally(() => {
        this.pending = undefined;
      });
    }
    return this.pending;
  }

  private async obtain(table: string): Promise<Token> {
    const client = { client_id: this.auth.clientId, client_secret: this.auth.clientSecret };
    const auth = this.auth;
    let response: HttpResponse | undefined;
    if (this.refreshToken !== undefined) {
      response = await this.deps.requestToken({ grant_type: "refresh_token", ...client, refresh_token: this.refreshToken }, table);
      // A rejected refresh in password mode: sign in again with the password.
      if (auth.mode === "oauth-password" && rejectingStatuses.has(response.status)) {
        this.refreshToken = undefined;
        response = undefined;
      }
    }
    if (response === undefined) {
      switch (auth.mode) {
        case "oauth-password":
          response = await this.deps.requestToken(
            { grant_type: "password", ...client, username: auth.username, password: auth.password },
            table,
          );
          break;
        case "oauth-client-credentials":
          response = await this.deps.requestToken({ grant_type: "client_credentials", ...client }, table);
          break;
        case "oauth-refresh-token":
          throw new Error("unreachable: refresh-token mode always has a refresh token");
      }
    }
    const token = this.parse(response);
    if (!token) throw this.deps.signInFailed(response, table, this);
    this.token = token;
    if (token.refreshToken !== undefined) this.refreshToken = token.refreshToken;
    return token;
  }

  private parse(response: HttpResponse): Token | undefined {
    if (response.status !== 200 || typeof response.data !== "object" || response.data === null) return undefined;
    const body = response.data as Record<string, unknown>;
    if (typeof body.access_token !== "string" || body.access_token === "") return undefined;
    const expiresIn = Number(body.expires_in ?? defaultLifetimeSeconds);
    const lifetime = Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : defaultLifetimeSeconds;
    const refreshToken = typeof body.refresh_token === "string" && body.refresh_token !== "" ? body.refresh_token : undefined;
    this.remember(body.access_token);
    if (refreshToken) this.remember(refreshToken);
    return {
      accessToken: body.access_token,
      ...(refreshToken !== undefined ? { refreshToken } : {}),
      expiresAt: this.deps.now() + lifetime * 1000,
    };
  }

  private remember(secret: string): void {
    if (this.seen.includes(secret)) return;
    this.seen.push(secret);
    if (this.seen.length > 8) this.seen.shift();
  }
}
