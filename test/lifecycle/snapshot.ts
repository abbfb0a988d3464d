import type { RunningEmulator } from "../../emulator";

/** The tables a resource of ours can touch. */
export const touchedTables = [
  "sys_alias",
  "http_connection",
  "discovery_credentials",
  "oauth_entity",
  "oauth_entity_profile",
  "oauth_entity_scope",
  "oauth_entity_profile_scope",
  "sys_variable_value",
  "sys_properties",
  "sys_user",
  "sys_user_has_role",
  "inbound_auth_profile",
  "api_key",
  "sys_api_access_policy",
  "sys_auth_profile_mapping",
];

/**
 * What an instance holds, for "left as it was" assertions: every record of those tables with
 * its values, minus bookkeeping that any write changes (timestamps, mod count).
 */
export function snapshot(emulator: RunningEmulator): Record<string, Record<string, string>[]> {
  const tables: Record<string, Record<string, string>[]> = {};
  for (const table of touchedTables) {
    tables[table] = emulator
      .records(table)
      .map(({ sys_updated_on: _on, sys_updated_by: _by, sys_mod_count: _count, ...rest }) => rest)
      .sort((a, b) => a.sys_id!.localeCompare(b.sys_id!));
  }
  return tables;
}
