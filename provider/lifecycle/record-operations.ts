import type { SnRecord, TableApi } from "../client/table-api";
import { all, eq } from "../client/encoded-query";
import { AmbiguousRecordError, RecordExistsError, RequiredRecordMissingError, WriteVerificationError } from "./errors";
import { fingerprint } from "./fingerprint";
import { ownedSysId } from "./owned-sys-id";
import { dropRestorePoint, findRestorePoint, keepRestorePoint } from "./restore-points";
import { asFoundIn, desiredColumns, type FieldValue, type PlannedRecord } from "./record-plan";
import type { RecordState } from "./resource-state";
import { sameStoredValue } from "./stored-value";

/**
 * The four things the lifecycle does to one record: find it by natural key, make sure it
 * exists with our columns (create or adopt), set changed columns, and retire it on delete.
 * Each costs the fewest requests that are safe: a lookup, then at most one write, whose
 * answer is checked against what was sent.
 */

/** Resolves references to earlier records' sys_ids (or to `unresolved`, when given, for steps not made yet). */
export function resolveColumns(
  columns: Readonly<Record<string, FieldValue>>,
  sysIds: Readonly<Record<string, string>>,
  options: { readonly unresolved?: string } = {},
): Record<string, string> {
  const resolved: Record<string, string> = {};
  for (const [column, value] of Object.entries(columns)) {
    if (typeof value === "string") resolved[column] = value;
    else {
      const sysId = sysIds[value.ref] ?? options.unresolved;
      if (sysId === undefined) throw new Error(`internal: step "${value.ref}" must come before the column ${column} that refers to it`);
      resolved[column] = sysId;
    }
  }
  return resolved;
}

/**
 * The record whose key columns equal the key exactly. The instance's answer is checked again
 * here: an instance may compare strings without regard to case (`SumTotal OAuth` finds
 * `sumtotal oauth`), and only an exact match (after sameStoredValue's formatting) is the
 * record we mean. Every near match comes back (no limit), so an exact one cannot hide
 * behind them.
 */
export async function findByKey(api: TableApi, record: Pick<PlannedRecord, "table" | "key">, sysIds: Readonly<Record<string, string>>): Promise<SnRecord | undefined> {
  const key = resolveColumns(record.key, sysIds);
  const query = all(...Object.entries(key).map(([column, value]) => eq(column, value)));
  const found = (await api.list(record.table, query)).filter((candidate) => Object.entries(key).every(([column, value]) => sameStoredValue(value, candidate[column])));
  if (found.length > 1) throw new AmbiguousRecordError(api.instanceUrl, record.table, key, found.map((r) => r.sys_id ?? ""));
  return found[0];
}

/** An instance-owned record by its key, in its table or else in its fallback table: the record and the table that had it. */
export async function findInstanceRecord(
  api: TableApi,
  record: PlannedRecord,
  sysIds: Readonly<Record<string, string>>,
): Promise<{ found: SnRecord; table: string } | undefined> {
  const found = await findByKey(api, record, sysIds);
  if (found) return { found, table: record.table };
  if (!record.fallback) return undefined;
  const older = await findByKey(api, record.fallback, sysIds);
  return older ? { found: older, table: record.fallback.table } : undefined;
}

/** Instance records a write read while planning (the alias with its form), by step: not looked up again. */
export type FoundRecords = ReadonlyMap<string, SnRecord>;

export interface EnsureOptions {
  /** Take over a record that the key finds and that this resource did not create. */
  readonly adopt: boolean;
  /**
   * Steps this run has just POSTed: a record whose key refers to one of them cannot exist
   * yet, so its lookup is skipped (the POST still settles an unknown outcome by key).
   */
  readonly createdNow: ReadonlySet<string>;
  /** The resource's owner (see ownedSysId); without it, records get the instance's sys_ids. */
  readonly owner?: string;
  /** Instance records read while planning, by step: used instead of looking them up. */
  readonly found?: FoundRecords;
}

/** What ensureRecord did: `posted` when it sent a POST (the step's children cannot exist yet). */
export interface EnsuredRecord {
  readonly state: RecordState;
  readonly posted: boolean;
}

/**
 * Creates the record, or takes over the one its key finds: always when this resource made it
 * (its sys_id is the owned one: an interrupted run), otherwise only when `adopt` allows.
 */
export async function ensureRecord(
  api: TableApi,
  record: PlannedRecord,
  sysIds: Readonly<Record<string, string>>,
  options: EnsureOptions,
): Promise<EnsuredRecord> {
  const columns = resolveColumns(desiredColumns(record), sysIds);
  const secrets = record.secretFields ?? [];
  const key = resolveColumns(record.key, sysIds);
  const keyOnFreshRecord = Object.values(record.key).some((value) => typeof value !== "string" && options.createdNow.has(value.ref));
  if (record.origin === "instance") {
    const read = options.found?.get(record.step);
    const owned = read ? { found: read, table: record.table } : await findInstanceRecord(api, record, sysIds);
    if (!owned) throw new RequiredRecordMissingError(api.instanceUrl, record.table, key, record.missingHint);
    const asFound = asFoundIn(record, owned.table);
    const foundColumns = resolveColumns(desiredColumns(asFound), sysIds);
    // The instance made it just now for a record we POSTed (an entity's default profile): it is new, as an insert's are.
    const initial = keyOnFreshRecord ? record.initialFields : undefined;
    const written = await writeChanges(api, asFound, owned.found, { ...initial, ...foundColumns }, secrets);
    return { state: stateOf(asFound, written, "instance", foundColumns), posted: false };
  }
  const existing = keyOnFreshRecord ? undefined : await findByKey(api, record, sysIds);
  const owned = options.owner === undefined ? undefined : ownedSysId(options.owner, record.table, key);
  if (existing) {
    if (owned !== undefined && existing.sys_id === owned) {
      // Made by an interrupted run of this resource: ours, so finish it.
      const written = await writeChanges(api, record, existing, columns, secrets);
      return { state: stateOf(record, written, "created", columns), posted: false };
    }
    if (!(record.adopt ?? options.adopt)) throw new RecordExistsError(api.instanceUrl, record.table, key, existing.sys_id ?? "");
    const current = pick(existing, publicColumns(columns, secrets));
    // A restore point matters only when this takeover changes what the record holds: when it
    // changes nothing public, the instance itself keeps the old values until a later run,
    // whose state already has them. So an adoption that changes nothing creates nothing.
    const changesValues = publicColumns(columns, secrets).some((column) => !sameStoredValue(columns[column]!, existing[column]));
    const restore =
      options.owner === undefined
        ? undefined
        : changesValues
          ? await keepRestorePoint(api, options.owner, { table: record.table, sysId: existing.sys_id ?? "" }, current)
          : await findRestorePoint(api, { table: record.table, sysId: existing.sys_id ?? "" });
    const adopted = { ...stateOf(record, existing, "adopted", columns), previous: restore?.previous ?? current, ...(restore ? { restorePoint: restore.sysId } : {}) };
    const written = await undoneOnFailure(adopted, writeChanges(api, record, existing, columns, secrets));
    return { state: { ...adopted, ...stateOf(record, written, "adopted", columns) }, posted: false };
  }
  const inserted = { ...record.initialFields, ...columns };
  const body = owned === undefined ? inserted : { ...inserted, sys_id: owned };
  const created = await api.create(record.table, body, {
    secretFields: secrets,
    findExisting: () => findByKey(api, record, sysIds),
  });
  const state = stateOf(record, created, "created", columns);
  await undoneOnFailure(state, Promise.resolve().then(() => verifyWrite(api, record.table, created, columns, secrets)));
  return { state, posted: true };
}

/** A write that reached the instance and then failed verification: its record goes to the transaction's undo list. */
async function undoneOnFailure<T>(made: RecordState, write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if (error instanceof WriteVerificationError) error.made = made;
    throw error;
  }
}

/** Sets the columns that differ from what the state last saw, plus the given secrets. */
export async function patchRecord(
  api: TableApi,
  record: PlannedRecord,
  old: RecordState,
  sysIds: Readonly<Record<string, string>>,
  secretsToWrite: readonly string[],
): Promise<RecordState> {
  const columns = resolveColumns(desiredColumns(record), sysIds);
  const changes: Record<string, string> = {};
  for (const column of publicColumns(columns, record.secretFields ?? [])) {
    if (!sameStoredValue(columns[column]!, old.values[column])) changes[column] = columns[column]!;
  }
  for (const column of secretsToWrite) changes[column] = columns[column] ?? "";
  if (Object.keys(changes).length === 0) return { ...old, values: pick(old.values, publicColumns(columns, record.secretFields ?? [])) };
  const written = await api.update(record.table, old.sysId, changes, { secretFields: secretsToWrite });
  verifyWrite(api, record.table, written, changes, secretsToWrite);
  return {
    ...old,
    values: pick(written, publicColumns(columns, record.secretFields ?? [])),
    fingerprints: { ...pickFingerprints(old, columns, record), ...fingerprintsOf(written, secretsToWrite) },
    secretDrift: undefined,
  };
}

/** What delete does: remove what we created, give back or keep what we adopted. */
export async function retireRecord(api: TableApi, state: RecordState, adoptedBehavior: "restore" | "delete" | "keep"): Promise<void> {
  if (state.origin === "instance" || state.sysId === "") return;
  if (state.origin === "created" || adoptedBehavior === "delete") {
    await api.delete(state.table, state.sysId);
  } else if (adoptedBehavior === "restore" && state.previous && Object.keys(state.previous).length > 0) {
    try {
      await api.update(state.table, state.sysId, state.previous);
    } catch (error) {
      // Deleted outside Pulumi since: there is nothing left to give back.
      if ((error as { status?: number }).status !== 404) throw error;
    }
  }
  if (state.restorePoint !== undefined) await dropRestorePoint(api, state.restorePoint, state);
}

/**
 * Every non-secret column we wrote must come back with the value we wrote (after the
 * instance's normal formatting). Uses the write's own response: no extra request.
 */
function verifyWrite(api: TableApi, table: string, returned: SnRecord, sent: Readonly<Record<string, string>>, secrets: readonly string[]): void {
  const mismatches = Object.entries(sent)
    .filter(([column]) => !secrets.includes(column) && column !== "sys_id")
    .filter(([column, value]) => !sameStoredValue(value, returned[column]))
    .map(([column, value]) => ({ column, sent: value, returned: returned[column] }));
  if (mismatches.length > 0) throw new WriteVerificationError(api.instanceUrl, table, returned.sys_id ?? "", mismatches);
}

/** Writes the columns that differ from the record as found, and every secret (a found record's secrets are unknown). */
async function writeChanges(
  api: TableApi,
  record: PlannedRecord,
  existing: SnRecord,
  columns: Record<string, string>,
  secrets: readonly string[],
): Promise<SnRecord> {
  const changes: Record<string, string> = {};
  for (const [column, value] of Object.entries(columns)) {
    if (secrets.includes(column) || !sameStoredValue(value, existing[column])) changes[column] = value;
  }
  if (Object.keys(changes).length === 0) return existing;
  const secretsSent = secrets.filter((secret) => secret in changes);
  const written = await api.update(record.table, existing.sys_id ?? "", changes, { secretFields: secretsSent });
  verifyWrite(api, record.table, written, changes, secretsSent);
  return written;
}

function stateOf(record: PlannedRecord, written: SnRecord, origin: RecordState["origin"], columns: Record<string, string>): RecordState {
  const secrets = (record.secretFields ?? []).filter((column) => column in columns);
  return {
    step: record.step,
    table: record.table,
    sysId: written.sys_id ?? "",
    origin,
    values: pick(written, publicColumns(columns, record.secretFields ?? [])),
    fingerprints: fingerprintsOf(written, secrets),
  };
}

function fingerprintsOf(written: SnRecord, secrets: readonly string[]): Record<string, string> {
  const prints: Record<string, string> = {};
  for (const column of secrets) prints[column] = fingerprint(written[column] ?? "");
  return prints;
}

function pickFingerprints(old: RecordState, columns: Record<string, string>, record: PlannedRecord): Record<string, string> {
  const prints: Record<string, string> = {};
  for (const column of record.secretFields ?? []) {
    if (column in columns && old.fingerprints[column] !== undefined) prints[column] = old.fingerprints[column]!;
  }
  return prints;
}

function publicColumns(columns: Record<string, string>, secrets: readonly string[]): string[] {
  return Object.keys(columns).filter((column) => !secrets.includes(column));
}

function pick(source: Readonly<Record<string, string>>, columns: readonly string[]): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const column of columns) picked[column] = source[column] ?? "";
  return picked;
}
