import type { SnRecord, TableApi } from "../client/table-api";
import { matchesFingerprint, fingerprint } from "./fingerprint";
import { ownedSysId } from "./owned-sys-id";
import { findRestorePoint } from "./restore-points";
import { asFoundIn, desiredColumns, type PlannedRecord } from "./record-plan";
import { findByKey, findInstanceRecord, resolveColumns } from "./record-operations";
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

/**
 * Read from an id alone (`pulumi refresh --import-pending-creates <urn> <id>`, or state
 * without bookkeeping): the primary record by its sys_id, every other record of the plan by
 * its natural key, in plan order. A record with this resource's owned sys_id was created by
 * it; any other found record is taken as adopted, with the values its restore point kept (an
 * interrupted run's takeover), else its current values, to give back.
 * Secrets are fingerprinted as stored now, so only later rewrites count as drift.
 */
export async function discoverRecords(
  api: TableApi,
  plan: readonly PlannedRecord[],
  primaryStep: string,
  primaryId: string,
  owner: string | undefined,
): Promise<RecordState[]> {
  const records: RecordState[] = [];
  const sysIds: Record<string, string> = {};
  for (const planned of plan) {
    const refsKnown = Object.values(planned.key).every((value) => typeof value === "string" || (sysIds[value.ref] ?? "") !== "");
    const located =
      planned.step === primaryStep && primaryId !== ""
        ? withTable(await api.get(planned.table, primaryId), planned.table)
        : !refsKnown
          ? undefined
          : planned.origin === "instance"
            ? await findInstanceRecord(api, planned, sysIds)
            : withTable(await findByKey(api, planned, sysIds), planned.table);
    const found = located?.found;
    sysIds[planned.step] = found?.sys_id ?? "";
    const state = stateOfFound(asFoundIn(planned, located?.table), found, sysIds, owner);
    const restore = state.origin === "adopted" && owner !== undefined ? await findRestorePoint(api, state) : undefined;
    records.push(restore ? { ...state, previous: restore.previous, restorePoint: restore.sysId } : state);
  }
  return records;
}

function withTable(found: SnRecord | undefined, table: string): { found: SnRecord; table: string } | undefined {
  return found ? { found, table } : undefined;
}

function stateOfFound(planned: PlannedRecord, found: SnRecord | undefined, sysIds: Readonly<Record<string, string>>, owner: string | undefined): RecordState {
  const secrets = planned.secretFields ?? [];
  const columns = Object.keys(resolveColumns(desiredColumns(planned), sysIds, { unresolved: "" }));
  const publicColumns = columns.filter((column) => !secrets.includes(column));
  const values: Record<string, string> = {};
  for (const column of publicColumns) values[column] = found?.[column] ?? "";
  const fingerprints: Record<string, string> = {};
  if (found) for (const column of secrets.filter((secret) => columns.includes(secret))) fingerprints[column] = fingerprint(found[column] ?? "");
  const key = resolveColumns(planned.key, sysIds, { unresolved: "" });
  const origin: RecordState["origin"] =
    planned.origin === "instance" ? "instance" : found && owner !== undefined && found.sys_id === ownedSysId(owner, planned.table, key) ? "created" : found ? "adopted" : "created";
  return {
    step: planned.step,
    table: planned.table,
    sysId: found?.sys_id ?? "",
    origin,
    values,
    fingerprints,
    ...(origin === "adopted" ? { previous: values } : {}),
  };
}
