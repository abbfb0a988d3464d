import type { TableApi } from "../client/table-api";
import { RollbackError } from "./errors";
import type { PlannedRecord } from "./record-plan";
import { ensureRecord, retireRecord } from "./record-operations";
import { sysIdsOf, type RecordState } from "./resource-state";

/**
 * Creates (or adopts) the plan's records in order, as one transaction: when a step fails,
 * the records made before it are deleted and adopted ones get their old values back, in
 * reverse order; the error says what happened and lists any record that could not be undone.
 */
export async function createRecords(api: TableApi, plan: readonly PlannedRecord[], adopt: boolean): Promise<RecordState[]> {
  const done: RecordState[] = [];
  try {
    for (const record of plan) done.push(await ensureRecord(api, record, sysIdsOf(done), adopt, createdSteps(done)));
    return done;
  } catch (failure) {
    throw await rollBack(api, done, failure);
  }
}

export function createdSteps(records: readonly RecordState[]): Set<string> {
  return new Set(records.filter((record) => record.origin === "created").map((record) => record.step));
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
