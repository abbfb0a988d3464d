import type { TableApi } from "../../provider/client/table-api";
import type { ProbeResult } from "./probes";

/**
 * What RestApiKey assumes about token-based authentication (com.glide.tokenbased_auth) that
 * ServiceNow's documentation does not settle: the table names, the auth parameter records,
 * whether the token the instance generates can be read back through the Table API, whether a
 * token set by the client signs in (the provider sets it), expiry, and whether a policy that
 * lists only the key's profile shuts other sign-ins out. The policy it makes covers GET on
 * `sys_user` only, so the run's own requests (writes, other tables) are never locked out; every
 * record is removed again.
 */
const tables = ["sys_token_auth_parameter", "http_key_auth", "std_http_auth", "api_key", "sys_api_access_policy", "sys_auth_profile_mapping"];

export async function runApiKeyProbes(api: TableApi, prefix: string): Promise<ProbeResult[]> {
  const results: ProbeResult[] = [];
  const missing: string[] = [];
  for (const table of tables) await api.list(table, "", { limit: 1, fields: ["sys_id"] }).catch(() => missing.push(table));
  results.push({ id: "api-key-tables", check: `token-based authentication tables exist (${tables.join(", ")})`, outcome: missing.length === 0 ? "all found" : `missing: ${missing.join(", ")} (plugin com.glide.tokenbased_auth not active?)`, holds: missing.length === 0 });
  if (missing.length > 0) return results;

  const [header] = await api.list("sys_token_auth_parameter", "parameter_name=x-sn-apikey^type=auth_header", { limit: 1 });
  const [query] = await api.list("sys_token_auth_parameter", "parameter_name=x-sn-apikey^type=query_parameter", { limit: 1 });
  results.push({ id: "api-key-auth-parameters", check: "the plugin's x-sn-apikey auth parameters have type auth_header and query_parameter", outcome: `auth_header: ${header ? "found" : "missing"}; query_parameter: ${query ? "found" : "missing"}`, holds: header !== undefined && query !== undefined });
  if (header === undefined) return results;

  const made: { table: string; sysId: string }[] = [];
  const create = async (table: string, fields: Record<string, string>, secretFields: string[] = []) => {
    const record = await api.create(table, fields, { secretFields });
    made.unshift({ table, sysId: record.sys_id ?? "" });
    return record;
  };
  const signsIn = async (token: string): Promise<number> =>
    (await fetch(`${api.instanceUrl}/api/now/table/sys_user?sysparm_limit=1&sysparm_fields=sys_id`, { headers: { accept: "application/json", "x-sn-apikey": token } })).status;
  try {
    const user = await create("sys_user", { user_name: `${prefix.replace(/-/g, "_")}.apikey`, active: "true" });
    const profile = await create("http_key_auth", { name: `${prefix} probe key profile`, auth_parameter: header.sys_id ?? "", active: "true" });
    const policy = await create("sys_api_access_policy", {
      name: `${prefix} probe policy`,
      active: "true",
      api_path: "now/table",
      http_method: "GET",
      apply_all_methods: "false",
      apply_all_tables: "false",
      api_tablename: "sys_user",
      apply_all_resources: "true",
      apply_all_versions: "true",
    });
    results.push({ id: "api-key-policy-columns", check: "what a policy written through the Table API stores for `api` and `api_path`", outcome: `api: "${policy.api ?? "(no column)"}", api_path: "${policy.api_path ?? "(no column)"}"`, holds: policy.api_path === "now/table" });
    await create("sys_auth_profile_mapping", { api_access_policy: policy.sys_id ?? "", inbound_auth_profile: profile.sys_id ?? "" });

    const key = await create("api_key", { name: `${prefix} probe key`, user: user.sys_id ?? "", active: "true" });
    const generated = key.token ?? (await api.get("api_key", key.sys_id ?? ""))?.token ?? "";
    const generatedStatus = generated === "" ? 0 : await signsIn(generated);
    results.push({ id: "api-key-generated-token",
      check: "the token the instance generates can be read back through the Table API (informational: the provider sets its own)",
      outcome: generated === "" ? "no token returned" : `returned ${generated.length} characters; signing in with them answered ${generatedStatus}`,
      holds: true,
    });

    const chosen = `now_${prefix}-probe-token-0123456789abcdef`;
    await api.update("api_key", key.sys_id ?? "", { token: chosen }, { secretFields: ["token"] });
    const chosenStatus = await signsIn(chosen);
    results.push({ id: "api-key-client-token", check: "a token set by the client (sysparm_input_display_value=true) signs in, as RestApiKey assumes", outcome: `answered ${chosenStatus}`, holds: chosenStatus === 200 });

    const basicStatus = await api.list("sys_user", "", { limit: 1, fields: ["sys_id"] }).then(() => 200, (error: { status?: number }) => error.status ?? 0);
    results.push({ id: "api-key-policy-lockout",
      check: "a policy that lists only the key's profile shuts basic auth out of that API (why RestApiKey also lists basic and OAuth profiles)",
      outcome: basicStatus === 200 ? "basic auth still signed in" : `basic auth answered ${basicStatus}`,
      holds: true,
    });

    await api.update("api_key", key.sys_id ?? "", { expires: "2020-01-01 00:00:00" });
    const expiredStatus = await signsIn(chosen);
    results.push({ id: "api-key-expiry", check: "an expired key (expires in the past, UTC) is refused with 401", outcome: `answered ${expiredStatus}`, holds: expiredStatus === 401 });
  } finally {
    for (const { table, sysId } of made) await api.delete(table, sysId).catch(() => undefined);
  }
  return results;
}
