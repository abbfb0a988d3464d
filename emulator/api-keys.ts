/**
 * REST API keys (token-based authentication, plugin com.glide.tokenbased_auth; ServiceNowDocs
 * platform-security/authentication/configure-api-key.md): a request with `x-sn-apikey` signs
 * in as the key's user when the key is active and not expired, and an active API access policy
 * for the API the request calls accepts an active API key profile whose auth parameter is where
 * the key came from (header or query parameter). Anything else is the instance's 401.
 */
import { randomBytes } from "node:crypto";
import type { Store, StoredRecord, WriteContext } from "./store";

export const API_KEY_PARAMETER = "x-sn-apikey";

/** Where a key travels: the two auth parameters the plugin ships (stored `type` values). */
export type KeyCarrier = "auth_header" | "query_parameter";

const SYSTEM: WriteContext = { user: "system", inputDisplayValue: true };

/** What the plugin ships: one auth parameter per carrier. Idempotent. */
export function seedTokenAuth(store: Store): void {
  for (const type of ["auth_header", "query_parameter"] as const) {
    const found = store.findBy("sys_token_auth_parameter", "type", type).some((p) => p.values.parameter_name === API_KEY_PARAMETER);
    if (!found) store.insert("sys_token_auth_parameter", { parameter_name: API_KEY_PARAMETER, type }, SYSTEM);
  }
}

/** A token as the instance generates one when the form leaves it empty. */
export const newApiKeyToken = (): string => `now_${randomBytes(32).toString("base64url")}`;

/** `/api/now/v2/table/incident` → `now/table`: the API path a policy names (version left out). */
export function apiPathOf(pathname: string): string {
  const parts = pathname.replace(/^\/api\//, "").split("/");
  const [namespace, second, third] = parts;
  return /^v\d+$/.test(second ?? "") ? `${namespace}/${third ?? ""}` : `${namespace}/${second ?? ""}`;
}

/** `YYYY-MM-DD HH:mm:ss` (UTC) as milliseconds; undefined when empty or unreadable. */
function expiryOf(value: string): number | undefined {
  if (value === "") return undefined;
  const ms = Date.parse(`${value.replace(" ", "T")}Z`);
  return Number.isNaN(ms) ? undefined : ms;
}

export class ApiKeys {
  constructor(
    private readonly store: Store,
    private readonly now: () => number,
  ) {}

  /** The user a key signs in as for a request to `apiPath`, or undefined (the caller answers 401). */
  userFor(token: string, carrier: KeyCarrier, apiPath: string): StoredRecord | undefined {
    const key = this.store.all("api_key").find((k) => this.store.secrets.open(k.values.token) === token);
    if (key === undefined || key.values.active !== "true") return undefined;
    const expires = expiryOf(key.values.expires);
    if (key.values.expires !== "" && (expires === undefined || expires <= this.now())) return undefined;
    if (!this.policyAccepts(carrier, apiPath)) return undefined;
    return this.store.get("sys_user", key.values.user);
  }

  private policyAccepts(carrier: KeyCarrier, apiPath: string): boolean {
    const profiles = new Set(
      this.store
        .all("http_key_auth")
        .filter((p) => p.values.active === "true" && this.store.get("sys_token_auth_parameter", p.values.auth_parameter)?.values.type === carrier)
        .map((p) => p.sysId),
    );
    const policies = this.store
      .all("sys_api_access_policy")
      .filter((p) => p.values.active === "true" && p.values.api_path !== "" && (apiPath === p.values.api_path || apiPath.startsWith(`${p.values.api_path}/`)));
    return policies.some((policy) => this.store.findBy("sys_auth_profile_mapping", "api_access_policy", policy.sysId).some((m) => profiles.has(m.values.inbound_auth_profile)));
  }
}
