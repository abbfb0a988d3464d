import { asFoundIn, desiredColumns, type PlannedRecord } from "./record-plan";
import { resolveColumns } from "./record-operations";
import type { RecordState, RecordsState } from "./resource-state";

/**
 * How a resource's bookkeeping is stored: one output, `__servicenow`. The Pulumi CLI never
 * prints keys that start with `__`, so `--diff` shows the inputs that drifted, not the
 * bookkeeping. It is compact: a record's column values are not repeated when the plan of the
 * stored inputs already says them; only columns where the instance held something else
 * (`seen`) are kept, with sys_ids, secret fingerprints and the values adopted records had.
 *
 * Version 2. A release that adds a column to a plan must bump the version and decode older
 * versions with that column unknown, so the next update writes it.
 */
export const bookkeepingKey = "__servicenow";

interface StoredRecord {
  readonly step: string;
  /** Omitted when it is the plan's table for the step. */
  readonly table?: string;
  readonly sysId: string;
  /** Omitted for `created`. */
  readonly origin?: "adopted" | "instance";
  /** Secret column → fingerprint. */
  readonly prints?: Readonly<Record<string, string>>;
  readonly previous?: Readonly<Record<string, string>>;
  readonly restorePoint?: string;
  /** Columns whose last-seen value differs from the plan. */
  readonly seen?: Readonly<Record<string, string>>;
  readonly secretDrift?: readonly string[];
}

export interface Bookkeeping {
  readonly v: 2;
  readonly records: readonly StoredRecord[];
  /** Inputs the provider generated (not given), which refresh must not hand back as inputs. */
  readonly generated?: readonly string[];
}

type Props = Readonly<Record<string, unknown>>;

export function encodeBookkeeping(records: RecordsState, plan: readonly PlannedRecord[], generated: readonly string[]): Bookkeeping {
  const planned = plannedValues(plan, records);
  const stored = records.map((record): StoredRecord => {
    const step = plan.find((candidate) => candidate.step === record.step);
    const expected = planned.get(record.step) ?? {};
    const seen: Record<string, string> = {};
    for (const [column, value] of Object.entries(record.values)) if (expected[column] !== value) seen[column] = value;
    return withoutEmpty({
      step: record.step,
      table: step?.table === record.table ? undefined : record.table,
      sysId: record.sysId,
      origin: record.origin === "created" ? undefined : record.origin,
      prints: record.fingerprints,
      previous: record.previous,
      restorePoint: record.restorePoint,
      seen,
      secretDrift: record.secretDrift,
    });
  });
  return withoutEmpty({ v: 2, records: stored, generated: [...generated] }) as Bookkeeping;
}

/**
 * The records as last seen, from state written by this release (`__servicenow`) or by the
 * first release (`records`, every value in full). Empty when state has neither: a resource
 * known only by its id (import, or a create that an interrupted run left pending).
 */
export function decodeRecords(props: Props, plan: readonly PlannedRecord[]): RecordState[] {
  const bookkeeping = props[bookkeepingKey] as Bookkeeping | undefined;
  if (bookkeeping?.v === 2) {
    const storedRecords = bookkeeping.records ?? [];
    const skeleton = storedRecords.map((stored): RecordState => ({
      step: stored.step,
      table: stored.table ?? plan.find((record) => record.step === stored.step)?.table ?? "",
      sysId: stored.sysId,
      origin: stored.origin ?? "created",
      values: {},
      fingerprints: stored.prints ?? {},
      ...(stored.previous ? { previous: stored.previous } : {}),
      ...(stored.restorePoint ? { restorePoint: stored.restorePoint } : {}),
      ...(stored.secretDrift ? { secretDrift: stored.secretDrift } : {}),
    }));
    const planned = plannedValues(plan, skeleton);
    return skeleton.map((record, index) => ({
      ...record,
      values: { ...planned.get(record.step), ...storedRecords[index]!.seen },
    }));
  }
  return Array.isArray(props.records) ? (props.records as RecordState[]) : [];
}

export function generatedInputs(props: Props): readonly string[] {
  return (props[bookkeepingKey] as Bookkeeping | undefined)?.generated ?? [];
}

/** Per step, the non-secret column values the plan asks for, references resolved by sys_id. */
function plannedValues(plan: readonly PlannedRecord[], records: RecordsState): Map<string, Record<string, string>> {
  const sysIds: Record<string, string> = {};
  for (const record of records) sysIds[record.step] = record.sysId;
  const values = new Map<string, Record<string, string>>();
  for (const planned of plan) {
    const record = asFoundIn(planned, records.find((candidate) => candidate.step === planned.step)?.table);
    const secrets = record.secretFields ?? [];
    const columns = resolveColumns(desiredColumns(record), sysIds, { unresolved: "" });
    for (const secret of secrets) delete columns[secret];
    values.set(record.step, columns);
  }
  return values;
}

function withoutEmpty<T extends object>(value: T): T {
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined) continue;
    if (Array.isArray(item) ? item.length === 0 : typeof item === "object" && item !== null && Object.keys(item).length === 0) continue;
    copy[key] = item;
  }
  return copy as T;
}
