import { startsWith } from "../../provider/client/encoded-query";
import { isInvalidTableError } from "../../provider/client/errors";
import type { TableApi } from "../../provider/client/table-api";

/**
 * Records a conformance run makes carry the prefix `pulumi-conf-` (names) or `pulumi_conf_`
 * (property and user names). A run that could not destroy them (killed, or destroy failed) is
 * cleaned up by the next run, and only those: nothing without the prefix is touched. Children
 * (scopes, profiles, attribute values) go with their parents by the instance's own cascade.
 */
const byPrefix: readonly { table: string; column: string; prefix: string }[] = [
  // An access policy first: a leftover one could refuse the sign-ins of the rest.
  { table: "sys_api_access_policy", column: "name", prefix: "pulumi-conf-" },
  { table: "api_key", column: "name", prefix: "pulumi-conf-" },
  { table: "inbound_auth_profile", column: "name", prefix: "pulumi-conf-" },
  { table: "http_connection", column: "name", prefix: "pulumi-conf-" },
  { table: "sys_alias", column: "id", prefix: "x_pulumi_conf." },
  { table: "discovery_credentials", column: "name", prefix: "pulumi-conf-" },
  { table: "oauth_entity", column: "name", prefix: "pulumi-conf-" },
  { table: "sys_properties", column: "name", prefix: "x_pulumi_conf_" },
  { table: "sys_user", column: "user_name", prefix: "pulumi_conf_" },
];

export async function removeLeftovers(api: TableApi): Promise<string[]> {
  const removed: string[] = [];
  for (const { table, column, prefix } of byPrefix) {
    // A table of a plugin the instance lacks (token-based authentication) has no leftovers.
    const found = await api.list(table, startsWith(column, prefix), { fields: ["sys_id", column] }).catch((error: unknown) => (isInvalidTableError(error) ? [] : Promise.reject(error)));
    for (const record of found) {
      await api.delete(table, record.sys_id ?? "");
      removed.push(`${table}/${record.sys_id} (${record[column]})`);
    }
  }
  return removed;
}
