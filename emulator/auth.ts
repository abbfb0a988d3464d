/**
 * Sign-in: basic auth against sys_user, bearer tokens from `/oauth_token.do` (grants password,
 * refresh_token, client_credentials), and `x-sn-apikey`: the emulator's fixed key (admin), or a
 * REST API key record (its user, see api-keys.ts). Roles come from sys_user_has_role on every
 * request, so a role removed behind the emulator's back takes effect at once.
 */
import { randomBytes } from "node:crypto";
import { API_KEY_PARAMETER, ApiKeys, apiPathOf } from "./api-keys";
import { notAuthenticated, oauthDenied } from "./errors";
import { ADMIN_USER, CLIENT_CREDENTIALS_PROPERTY } from "./seed";
import type { Store, StoredRecord } from "./store";

export interface Principal {
  readonly sysId: string;
  readonly userName: string;
  readonly isAdmin: boolean;
  /** Role names, for the tables' read roles (schema.ts). */
  readonly roles: readonly string[];
}

interface Grant {
  readonly user: string;
  readonly client: string;
  readonly expiresAt: number;
}

export interface TokenResponse {
  access_token: string;
  refresh_token?: string;
  scope: string;
  token_type: "Bearer";
  expires_in: number;
}

const newToken = (): string => randomBytes(48).toString("base64url");

export class Auth {
  private readonly accessTokens = new Map<string, Grant>();
  private readonly refreshTokens = new Map<string, Grant>();
  /** Checked basic-auth headers: the stored password cipher they matched (a rewrite invalidates). */
  private readonly basicCache = new Map<string, { user: string; cipher: string }>();
  private readonly apiKeys: ApiKeys;

  constructor(
    private readonly store: Store,
    private readonly apiKey: string,
    private readonly tokenLifetimeSeconds: number,
    private readonly now: () => number = Date.now,
  ) {
    this.apiKeys = new ApiKeys(store, now);
  }

  /**
   * The user a request signs in as; throws the 401 answer otherwise. `url` (path and query) is
   * where a REST API key may travel and what its access policy must allow.
   */
  authenticate(headers: { authorization?: string; "x-sn-apikey"?: string | string[] }, url?: URL): Principal {
    const key = headers[API_KEY_PARAMETER];
    if (typeof key === "string" && key !== "") {
      if (key === this.apiKey) return this.principal(this.store.findBy("sys_user", "user_name", ADMIN_USER)[0]);
      return this.principal(this.apiKeys.userFor(key, "auth_header", apiPathOf(url?.pathname ?? "")));
    }
    const queryKey = url?.searchParams.get(API_KEY_PARAMETER) ?? "";
    if (queryKey !== "") return this.principal(this.apiKeys.userFor(queryKey, "query_parameter", apiPathOf(url?.pathname ?? "")));
    const header = headers.authorization ?? "";
    const space = header.indexOf(" ");
    const scheme = header.slice(0, space).toLowerCase();
    const credential = header.slice(space + 1).trim();
    if (scheme === "basic") return this.principal(this.basic(header, credential));
    if (scheme === "bearer") {
      const grant = this.accessTokens.get(credential);
      if (grant === undefined || grant.expiresAt <= this.now()) throw notAuthenticated();
      return this.principal(this.store.get("sys_user", grant.user));
    }
    throw notAuthenticated();
  }

  /** `POST /oauth_token.do` with a form body; throws the 401 answer on any failure. */
  token(form: URLSearchParams): TokenResponse {
    const client = this.client(form.get("client_id") ?? "", form.get("client_secret") ?? "");
    switch (form.get("grant_type")) {
      case "password": {
        const user = this.checkPassword(form.get("username") ?? "", form.get("password") ?? "");
        if (user === undefined) throw oauthDenied();
        return this.issue(user.sysId, client, true);
      }
      case "refresh_token": {
        const token = form.get("refresh_token") ?? "";
        const grant = this.refreshTokens.get(token);
        if (grant === undefined || grant.client !== client.sysId || grant.expiresAt <= this.now()) throw oauthDenied();
        if (!this.usable(this.store.get("sys_user", grant.user))) throw oauthDenied();
        return { ...this.issue(grant.user, client, false), refresh_token: token };
      }
      case "client_credentials": {
        // Needs the instance property, and then acts as the OAuth application user (admin here).
        const enabled = this.store.findBy("sys_properties", "name", CLIENT_CREDENTIALS_PROPERTY)[0]?.values.value === "true";
        const admin = this.store.findBy("sys_user", "user_name", ADMIN_USER)[0];
        if (!enabled || !this.usable(admin)) throw oauthDenied();
        return this.issue(admin.sysId, client, false);
      }
      default:
        throw oauthDenied();
    }
  }

  private client(clientId: string, secret: string): StoredRecord {
    const entity = clientId === "" ? undefined : this.store.findBy("oauth_entity", "client_id", clientId).find((e) => e.values.type === "client");
    if (entity === undefined || entity.values.active !== "true" || this.store.secrets.open(entity.values.client_secret) !== secret) throw oauthDenied();
    return entity;
  }

  private issue(user: string, client: StoredRecord, withRefresh: boolean): TokenResponse {
    const now = this.now();
    this.sweep(now);
    const access = newToken();
    this.accessTokens.set(access, { user, client: client.sysId, expiresAt: now + this.tokenLifetimeSeconds * 1000 });
    const out: TokenResponse = { access_token: access, scope: "useraccount", token_type: "Bearer", expires_in: Math.max(0, this.tokenLifetimeSeconds - 1) };
    if (withRefresh) {
      const refresh = newToken();
      const lifespan = Number(client.values.refresh_token_lifespan) || 8_640_000;
      this.refreshTokens.set(refresh, { user, client: client.sysId, expiresAt: now + lifespan * 1000 });
      out.refresh_token = refresh;
    }
    return out;
  }

  private sweep(now: number): void {
    for (const [t, g] of this.accessTokens) if (g.expiresAt <= now) this.accessTokens.delete(t);
    for (const [t, g] of this.refreshTokens) if (g.expiresAt <= now) this.refreshTokens.delete(t);
  }

  private basic(header: string, credential: string): StoredRecord | undefined {
    const cached = this.basicCache.get(header);
    if (cached !== undefined) {
      const user = this.store.get("sys_user", cached.user);
      if (user?.values.user_password === cached.cipher) return user;
      this.basicCache.delete(header);
    }
    const decoded = Buffer.from(credential, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon < 0) return undefined;
    const user = this.checkPassword(decoded.slice(0, colon), decoded.slice(colon + 1));
    if (user !== undefined) {
      if (this.basicCache.size > 1000) this.basicCache.clear();
      this.basicCache.set(header, { user: user.sysId, cipher: user.values.user_password });
    }
    return user;
  }

  private checkPassword(userName: string, password: string): StoredRecord | undefined {
    const user = userName === "" ? undefined : this.store.findBy("sys_user", "user_name", userName)[0];
    if (user === undefined || password === "" || this.store.secrets.open(user.values.user_password) !== password) return undefined;
    return user;
  }

  private usable(user: StoredRecord | undefined): user is StoredRecord {
    return user !== undefined && user.values.active === "true" && user.values.locked_out !== "true";
  }

  private principal(user: StoredRecord | undefined): Principal {
    if (!this.usable(user)) throw notAuthenticated();
    const roles = this.store.findBy("sys_user_has_role", "user", user.sysId).flatMap((r) => this.store.get("sys_user_role", r.values.role)?.values.name ?? []);
    return { sysId: user.sysId, userName: user.values.user_name, isAdmin: roles.includes("admin"), roles };
  }
}
