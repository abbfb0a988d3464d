/**
 * What a resource is on the instance: an ordered list of records. A kind turns its validated
 * inputs into this plan; the lifecycle (create, read, update, delete) only ever works on plans,
 * which is why no kind has lifecycle code of its own.
 */

/** The sys_id of another record in the same plan, known once that record exists. */
export interface RecordRef {
  readonly ref: string;
}

/** A column's desired value: a string as the instance stores it, or another record's sys_id. */
export type FieldValue = string | RecordRef;

export function ref(step: string): RecordRef {
  return { ref: step };
}

/**
 * How create treats a record that its natural key finds on the instance.
 * - `owned`: ours to create; an existing one is taken over only with adoption (`adopt: true`,
 *   or the kind's default), otherwise create fails and names it.
 * - `instance`: the instance makes it (a spoke's alias, an OAuth entity's default profile, a
 *   role): it must exist; we may set our fields on it, and never create or delete it.
 */
export type RecordOrigin = "owned" | "instance";

/** What delete does with a record that create adopted instead of creating. */
export type AdoptedDeleteBehavior = "restore" | "delete" | "keep";

export interface PlannedRecord {
  /** The record's name within the plan ("entity", "connection", ...); stable across versions. */
  readonly step: string;
  readonly table: string;
  /** The natural key: columns that find the record (e.g. `{name}`); they are also written. */
  readonly key: Readonly<Record<string, FieldValue>>;
  /** The other columns this resource owns. Columns absent here are never written or compared. */
  readonly fields?: Readonly<Record<string, FieldValue>>;
  /**
   * Columns of `fields` that hold secrets: written with `sysparm_input_display_value=true`,
   * never stored in state, and compared through a fingerprint of what the instance returns.
   */
  readonly secretFields?: readonly string[];
  /**
   * Columns written only when this resource inserts the record, and never compared, patched or
   * restored afterwards: what the spoke's Configure form writes besides its fields (its
   * template's defaults, see ../forms/apply-form.ts). An admin who changes them later owns them.
   */
  readonly initialFields?: Readonly<Record<string, string>>;
  /** Column → the input it comes from, so drift on that column shows on that input. */
  readonly inputs?: Readonly<Record<string, string>>;
  readonly origin?: RecordOrigin;
  /**
   * For `instance` records whose table differs between releases: where to look when the key
   * finds nothing in `table`. State keeps the table that answered.
   */
  readonly fallback?: { readonly table: string; readonly key: Readonly<Record<string, FieldValue>> };
  /** For `instance` records that are missing: what the user should do (e.g. activate a spoke). */
  readonly missingHint?: string;
  /** Overrides the resource's `adopt` for this record (e.g. a property the spoke ships: always). */
  readonly adopt?: boolean;
  /** Overrides the kind's delete behaviour for this record when it was adopted. */
  readonly adoptedDelete?: AdoptedDeleteBehavior;
}

/** A planned record's columns and values, key first. */
export function desiredColumns(record: PlannedRecord): Record<string, FieldValue> {
  return { ...record.key, ...record.fields };
}

/** The record as the table that holds it sees it: its fallback's table and key when that is where it was found. */
export function asFoundIn(record: PlannedRecord, table: string | undefined): PlannedRecord {
  return record.fallback && table === record.fallback.table ? { ...record, table, key: record.fallback.key } : record;
}

