import type { RunningEmulator } from "../../emulator";
import { kindCases } from "./kind-cases";
import { snapshot } from "./snapshot";
import { checkAndCreate, connectProvider, lifecycle } from "../helpers/provider-session";

/**
 * What every kind does on an instance, in a form that can be compared across releases: the
 * records create writes (sys_ids and timestamps left out), the requests of each operation, and
 * what a refresh reports after each column of each record is changed behind Pulumi's back.
 * test/fixtures/behaviour-baseline.json holds what the release before the one-declaration
 * refactor recorded; behaviour-unchanged.test.ts compares.
 */
export interface KindBehaviour {
  readonly created: Record<string, Record<string, string>[]>;
  readonly requests: { readonly create: Record<string, number>; readonly read: Record<string, number> };
  /** `<table>.<column>` → what refresh showed: inputs that changed, and the drift list. */
  readonly drift: Record<string, { readonly inputs: string[]; readonly driftedOnInstance: unknown }>;
}

/** Records each kind case on the emulator, one after another (each case cleans up after itself). */
export async function recordBehaviour(emulator: RunningEmulator): Promise<Record<string, KindBehaviour>> {
  connectProvider(emulator);
  const result: Record<string, KindBehaviour> = {};
  for (const kindCase of kindCases) {
    const before = snapshot(emulator);
    const inputs = kindCase.inputs(emulator);
    emulator.resetStats();
    const { id, outs } = await checkAndCreate(kindCase.kind, inputs);
    const create = emulator.stats().byMethod;
    const after = snapshot(emulator);
    const created: Record<string, Record<string, string>[]> = {};
    for (const [table, rows] of Object.entries(after)) {
      const known = new Set(before[table]!.map((row) => row.sys_id));
      const added = rows.filter((row) => !known.has(row.sys_id)).map((row) => comparable(row, emulator.url));
      if (added.length > 0) created[table] = added.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    }
    emulator.resetStats();
    await lifecycle(kindCase.kind).read(id, outs);
    const read = emulator.stats().byMethod;
    const drift: KindBehaviour["drift"] = {};
    for (const [table, rows] of Object.entries(after)) {
      const known = new Set(before[table]!.map((row) => row.sys_id));
      // Rows alike but for sys_ids (two scope links) are one group: `<table>[<n>]` is the n-th
      // distinct row by content, the same each run, and a group's results are sorted.
      const groups = new Map<string, Record<string, string>[]>();
      for (const row of rows.filter((candidate) => !known.has(candidate.sys_id))) {
        const content = JSON.stringify(comparable(row, emulator.url));
        groups.set(content, [...(groups.get(content) ?? []), row]);
      }
      for (const [index, content] of [...groups.keys()].sort().entries()) {
        const results: Record<string, string[]> = {};
        for (const row of groups.get(content)!) {
          for (const [column, value] of Object.entries(row)) {
            // Secrets are left alone: the emulator would store a rewritten one encrypted again,
            // so later reads would all see it changed (kinds.test.ts rewrites secrets on purpose).
            if (column.startsWith("sys_") || typeof value !== "string" || isEncrypted(value)) continue;
            emulator.update(table, row.sys_id!, { [column]: `${value}-changed` });
            const refreshed = await lifecycle(kindCase.kind).read(id, outs);
            emulator.update(table, row.sys_id!, { [column]: value });
            const changed = Object.keys(refreshed.inputs ?? {}).filter((key) => !key.startsWith("__") && JSON.stringify(refreshed.inputs![key]) !== JSON.stringify(outs[key]));
            const drifted = (refreshed.props?.driftedOnInstance as unknown[] | undefined)?.map(String).sort() ?? null;
            (results[column] ??= []).push(JSON.stringify({ inputs: changed.sort(), driftedOnInstance: drifted }));
          }
        }
        for (const [column, seen] of Object.entries(results)) {
          const distinct = [...new Set(seen)].sort();
          drift[`${table}[${index}].${column}`] = distinct.length === 1 ? JSON.parse(distinct[0]!) : { inputs: [], driftedOnInstance: distinct };
        }
      }
    }
    await lifecycle(kindCase.kind).delete(id, outs);
    result[kindCase.kind] = { created, requests: { create, read }, drift };
  }
  return result;
}

/**
 * A row without what differs between runs: sys_ids and references to them, timestamps, the
 * emulator's address, and secrets (stored encrypted with a fresh nonce each time).
 */
function comparable(row: Record<string, string>, instanceUrl: string): Record<string, string> {
  const kept = Object.entries(row).filter(([column, value]) => !column.startsWith("sys_") && !/^[0-9a-f]{32}$/.test(value));
  return Object.fromEntries(kept.map(([column, value]) => [column, isEncrypted(value) ? "(encrypted)" : value.replaceAll(instanceUrl, "<instance>")]));
}

/** How the emulator stores a secret column: base64 of a fresh nonce and the ciphertext. */
function isEncrypted(value: string): boolean {
  return /^[A-Za-z0-9+/]{40,}={0,2}$/.test(value);
}
