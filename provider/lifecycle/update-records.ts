import type { TableApi } from "../client/table-api";
import { rollBack, withUndoable } from "./create-records";
import { asFoundIn, type AdoptedDeleteBehavior, type PlannedRecord } from "./record-plan";
import { ensureRecord, patchRecord, retireRecord, type FoundRecords } from "./record-operations";
import { recordOf, sysIdsOf, type RecordState, type RecordsState } from "./resource-state";

export interface UpdateOptions {
  readonly adopt: boolean;
  /** The resource's owner (see ownedSysId). */
  readonly owner?: string;
  /** Instance records read while planning, by step (see FoundRecords). */
  readonly found?: FoundRecords;
  /** What to do with an adopted record that the new plan no longer has, by step. */
  adoptedDeleteBehavior(step: string): AdoptedDeleteBehavior;
  /** The secret columns of a record to write again (their input changed, or drifted). */
  secretsToWrite(record: PlannedRecord, old: RecordState): readonly string[];
}

/**
 * Brings the records in line with a new plan: one PATCH of only the changed columns per
 * record; records missing since the last refresh are made again; records the plan no longer
 * has are retired after the others are set (so nothing points at a deleted record). If a
 * step fails, records made by this update are removed again.
 */
export async function updateRecords(
  api: TableApi,
  plan: readonly PlannedRecord[],
  olds: RecordsState,
  options: UpdateOptions,
): Promise<RecordState[]> {
  const done: RecordState[] = [];
  const madeNow: RecordState[] = [];
  const posted = new Set<string>();
  try {
    for (const record of plan) {
      const old = recordOf(olds, record.step);
      if (!old || old.sysId === "") {
        const made = await ensureRecord(api, record, sysIdsOf(done), { adopt: options.adopt, owner: options.owner, found: options.found, createdNow: posted });
        done.push(made.state);
        madeNow.push(made.state);
        if (made.posted) posted.add(record.step);
      } else {
        const asFound = asFoundIn(record, old.table);
        done.push(await patchRecord(api, asFound, old, sysIdsOf(done), options.secretsToWrite(asFound, old)));
      }
    }
  } catch (failure) {
    throw await rollBack(api, withUndoable(madeNow, failure), failure);
  }
  const dropped = olds.filter((old) => !plan.some((record) => record.step === old.step));
  for (const old of [...dropped].reverse()) await retireRecord(api, old, options.adoptedDeleteBehavior(old.step));
  return done;
}
