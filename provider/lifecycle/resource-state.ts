/**
 * What the lifecycle keeps in a resource's outputs (and so in Pulumi state) about each of
 * its records. Never a secret: secret columns are kept only as fingerprints.
 */
export interface RecordState {
  /** The plan step this record belongs to ("connection", "entity", ...). */
  readonly step: string;
  readonly table: string;
  /** The record's sys_id; `""` when a refresh found it deleted outside Pulumi. */
  readonly sysId: string;
  /** `created` by us, `adopted` (existed, taken over), or made by the `instance`. */
  readonly origin: "created" | "adopted" | "instance";
  /** The non-secret columns we own, as the instance returned them at the last write or refresh. */
  readonly values: Readonly<Record<string, string>>;
  /** Secret column → fingerprint of what the instance stored after our last write. */
  readonly fingerprints: Readonly<Record<string, string>>;
  /** Adopted records: our non-secret columns as they were before the takeover, for restore. */
  readonly previous?: Readonly<Record<string, string>>;
  /** Adopted records: the sys_id of the restore point that keeps `previous` on the instance too. */
  readonly restorePoint?: string;
  /** Secret columns whose stored value changed outside Pulumi, seen by the last refresh. */
  readonly secretDrift?: readonly string[];
}

/**
 * The records in plan order (creation order; delete walks it backwards). A list, not a map:
 * Pulumi's wire format does not keep object key order.
 */
export type RecordsState = readonly RecordState[];

export function sysIdsOf(records: RecordsState): Record<string, string> {
  const ids: Record<string, string> = {};
  for (const record of records) ids[record.step] = record.sysId;
  return ids;
}

/** True when nothing of the resource that we created or adopted is left on the instance. */
export function isGone(records: RecordsState): boolean {
  const ours = records.filter((record) => record.origin !== "instance");
  return ours.length > 0 && ours.every((record) => record.sysId === "");
}

export function recordOf(records: RecordsState, step: string): RecordState | undefined {
  return records.find((record) => record.step === step);
}
