import type { RunningEmulator } from "../../emulator";
import { touchedTables as tables } from "../../test/lifecycle/snapshot";

/** Natural keys, for "no duplicates". */
const naturalKeys: Readonly<Record<string, readonly string[]>> = {
  http_connection: ["connection_alias", "name"],
  discovery_credentials: ["name"],
  oauth_entity: ["name"],
  oauth_entity_profile: ["oauth_entity", "default"],
  oauth_entity_scope: ["oauth_entity", "oauth_entity_scope"],
  oauth_entity_profile_scope: ["oauth_entity_profile", "oauth_entity_scope"],
  sys_variable_value: ["document_key", "variable"],
  sys_properties: ["name"],
  sys_user: ["user_name"],
  sys_user_has_role: ["user", "role"],
};

/**
 * What the instance holds, comparable across runs: no timestamps, secrets as their plaintext,
 * sys_ids as `<sys_id>` (the instance makes some records itself, with new ids each time), sorted.
 */
export function contents(emulator: RunningEmulator): string[] {
  return tables.flatMap((table) =>
    emulator.records(table).map(({ sys_created_on: _c, sys_created_by: _b, sys_updated_on: _u, sys_updated_by: _ub, sys_mod_count: _m, ...record }) => {
      for (const column of Object.keys(record)) {
        const plain = emulator.revealSecret(table, record.sys_id!, column);
        if (plain !== undefined) record[column] = `plaintext:${plain}`;
      }
      return `${table} ${JSON.stringify(record).replace(/"[0-9a-f]{32}"/g, '"<sys_id>"')}`;
    }),
  ).sort();
}

/** Records that share a natural key with another: duplicates. */
export function duplicates(emulator: RunningEmulator): string[] {
  const seen = new Map<string, number>();
  for (const [table, key] of Object.entries(naturalKeys)) {
    for (const record of emulator.records(table)) {
      const id = `${table} ${key.map((column) => `${column}=${record[column]}`).join(",")}`;
      seen.set(id, (seen.get(id) ?? 0) + 1);
    }
  }
  return [...seen].filter(([, count]) => count > 1).map(([id, count]) => `${id} (${count}x)`);
}

/** Records that were not there before and that no resource in state knows of: orphans. */
export function orphans(emulator: RunningEmulator, initialIds: ReadonlySet<string>, exportedState: string): string[] {
  const known = new Set(exportedState.match(/[0-9a-f]{32}/g) ?? []);
  return tables.flatMap((table) =>
    emulator
      .records(table)
      .filter((record) => !initialIds.has(record.sys_id!) && !known.has(record.sys_id!))
      .map((record) => `${table}/${record.sys_id} (${record.name ?? record.user_name ?? ""})`),
  );
}

export function sysIdsOf(emulator: RunningEmulator): Set<string> {
  return new Set(tables.flatMap((table) => emulator.records(table).map((record) => record.sys_id!)));
}

/** The secrets found in plaintext in any of the texts. */
export function plaintextSecrets(secrets: Readonly<Record<string, string>>, ...texts: string[]): string[] {
  const all = texts.join("\n");
  return Object.entries(secrets)
    .filter(([, value]) => all.includes(value))
    .map(([key]) => key);
}
