import type { TableApi } from "../client/table-api";
import { matchesFingerprint } from "./fingerprint";
import type { RecordState, RecordsState } from "./resource-state";

/**
 * Refresh: fetches every record (one GET each, only our columns). A record deleted outside
 * Pulumi gets an empty sys_id; a secret column whose stored value no longer matches its
 * fingerprint is listed in `secretDrift`. Neither is an error: diff turns them into an update.
 */
export async function readRecords(api: TableApi, olds: RecordsState): Promise<RecordState[]> {
  return Promise.all(olds.map((old) => readRecord(api, old)));
}

async function readRecord(api: TableApi, old: RecordState): Promise<RecordState> {
  if (old.sysId === "") return old;
  const columns = [...Object.keys(old.values), ...Object.keys(old.fingerprints)];
  const found = await api.get(old.table, old.sysId, { fields: columns });
  if (!found) return { ...old, sysId: "", values: {}, secretDrift: undefined };
  const values: Record<string, string> = {};
  for (const column of Object.keys(old.values)) values[column] = found[column] ?? "";
  const secretDrift = Object.keys(old.fingerprints).filter((column) => !matchesFingerprint(old.fingerprints[column]!, found[column] ?? ""));
  return { ...old, values, secretDrift: secretDrift.length > 0 ? secretDrift : undefined };
}
