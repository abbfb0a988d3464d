import { createHash } from "node:crypto";
import type { TableApi } from "../../provider/client/table-api";

/**
 * Points the provider relies on that no document settles, checked first with direct Table API
 * requests on records under the run's prefix (each removed again).
 */
export interface ProbeResult {
  readonly check: string;
  readonly outcome: string;
  /** Whether the provider's assumption holds on this instance. */
  readonly holds: boolean;
}

export async function runProbes(api: TableApi, prefix: string): Promise<ProbeResult[]> {
  const results: ProbeResult[] = [];
  const property = `x_${prefix.replace(/-/g, "_")}.probe`;
  const chosen = createHash("sha256").update(prefix).digest("hex").slice(0, 32);

  const first = await api.create("sys_properties", { sys_id: chosen, name: property, value: "1" });
  results.push({ check: "POST accepts a client-chosen sys_id (owned sys_ids rely on it)", outcome: `returned ${first.sys_id}`, holds: first.sys_id === chosen });
  await api.delete("sys_properties", first.sys_id ?? "");
  const again = await api.create("sys_properties", { sys_id: chosen, name: property, value: "2" });
  results.push({ check: "a sys_id can be used again after its record was deleted (destroy, then up)", outcome: `returned ${again.sys_id}`, holds: again.sys_id === chosen });
  await api.delete("sys_properties", again.sys_id ?? "");

  const credential = await api.create("basic_auth_credentials", { name: `${prefix} probe`, user_name: "probe", password: "probe-secret" }, { secretFields: ["password"] });
  const readBack = (await api.get("basic_auth_credentials", credential.sys_id ?? "", { fields: ["password"] }))?.password ?? "";
  results.push({
    check: "a password2 column (basic_auth_credentials.password) is not returned in plaintext",
    outcome: readBack === "" ? "returned empty (secret drift cannot be seen here)" : readBack === "probe-secret" ? "returned the plaintext" : `returned an opaque string of ${readBack.length} characters`,
    holds: readBack !== "probe-secret",
  });
  await api.delete("basic_auth_credentials", credential.sys_id ?? "");

  const unknown = await api.create("sys_properties", { name: `${property}.unknown`, value: "1", no_such_column: "x" });
  results.push({ check: "a column the table does not have is ignored silently (write verification catches it)", outcome: unknown.no_such_column === undefined ? "ignored" : `stored ${unknown.no_such_column}`, holds: unknown.no_such_column === undefined });
  const asked = await api.get("sys_properties", unknown.sys_id ?? "", { fields: ["name", "no_such_column"] });
  results.push({
    check: "a column the table does not have is left out of answers, also when asked for (how IntegrationUser sees that identity_type is missing)",
    outcome: asked === undefined ? "record not found" : "no_such_column" in asked ? `returned ${JSON.stringify(asked.no_such_column)}` : "left out",
    holds: asked !== undefined && !("no_such_column" in asked),
  });
  await api.delete("sys_properties", unknown.sys_id ?? "");

  // ServiceNow's definition gives sys_properties.value 4000 characters; the emulator cuts longer values, as instances do.
  const long = await api.create("sys_properties", { name: `${property}.long`, value: "v".repeat(4001) });
  results.push({
    check: "sys_properties.value holds 4000 characters and a longer value is cut, not refused (SystemProperty refuses it in check)",
    outcome: `stored ${long.value?.length ?? 0} of 4001 characters`,
    holds: long.value?.length === 4000,
  });
  await api.delete("sys_properties", long.sys_id ?? "");

  const user = (await api.list("sys_user", "", { fields: ["identity_type"], limit: 1 }))[0];
  results.push({
    check: "sys_user.identity_type exists on this release (IntegrationUser then sets machine; without it, nothing)",
    outcome: user === undefined ? "no user readable" : "identity_type" in user ? "present" : "absent (an older release)",
    holds: user !== undefined,
  });

  const vardict = await api.list("var_dictionary", "model_table=sys_alias^element=x_api_token", { limit: 1 }).catch(() => undefined);
  const older = await api.list("sys_connection_attribute", "element=x_api_token", { limit: 1 }).catch(() => undefined);
  results.push({
    check: "connection attribute definitions (Qualtrics X-API-TOKEN) live in var_dictionary",
    outcome: `var_dictionary: ${vardict === undefined ? "no such table" : `${vardict.length} found`}; sys_connection_attribute: ${older === undefined ? "no such table" : `${older.length} found`}`,
    holds: (vardict?.length ?? 0) > 0 || (older?.length ?? 0) === 0,
  });
  return results;
}
