import type { TableApi } from "../client/table-api";
import { RollbackError, WriteVerificationError } from "./errors";
import type { PlannedRecord } from "./record-plan";
import { ensureRecord, retireRecord, type FoundRecords } from "./record-operations";
import { sysIdsOf, type RecordState } from "./resource-state";

export interface CreateOptions {
  readonly adopt: boolean;
  /** The resource's owner, which names the sys_ids of the records it creates (see ownedSysId). */
  readonly owner?: string;
  /** Instance records read while planning, by step (see FoundRecords). */
  readonly found?: FoundRecords;
}

/**
 * Creates (or adopts) the plan's records in order, as one transaction: when a step fails,
 * the records made before it are deleted and adopted ones get their old values back, in
 * reverse order; the error says what happened and lists any record that could not be undone.
 */
export async function createRecords(api: TableApi, plan: readonly PlannedRecord[], options: CreateOptions): Promise<RecordState[]> {
  const done: RecordState[] = [];
  const posted = new Set<string>();
  try {
    for (const record of plan) {
      const ensured = await ensureRecord(api, record, sysIdsOf(done), { ...options, createdNow: posted });
      done.push(ensured.state);
      if (ensured.posted) posted.add(record.step);
    }
    return done;
  } catch (failure) {
    throw await rollBack(api, withUndoable(done, failure), failure);
  }
}

/** The records made, plus the one a failed write verification left behind. */
export function withUndoable(made: readonly RecordState[], failure: unknown): RecordState[] {
  return failure instanceof WriteVerificationError && failure.made ? [...made, failure.made] : [...made];
}

/** Undoes `made` (newest first) and returns the error to throw. */
export async function rollBack(api: TableApi, made: readonly RecordState[], failure: unknown): Promise<unknown> {
  if (made.every((record) => record.origin === "instance")) return failure;
  const leftovers: { table: string; sysId: string; reason: string }[] = [];
  for (const record of [...made].reverse()) {
    try {
      await retireRecord(api, record, "restore");
    } catch (undoFailure) {
      leftovers.push({ table: record.table, sysId: record.sysId, reason: undoFailure instanceof Error ? undoFailure.message : String(undoFailure) });
    }
  }
  return new RollbackError(api.instanceUrl, failure, leftovers);
}
