import { isInvalidTableError } from "../../../provider/client/errors";
import type { ListOptions, ReadOptions, SnRecord, TableApi } from "../../../provider/client/table-api";

/**
 * One question a conformance run settles on an instance, as data: what it checks, whether it
 * writes, and how it finds out. Probes are read-only GETs unless `writes` says otherwise; a
 * writing probe works on records under the run's prefix and removes them again.
 */
export interface Probe {
  /** Stable key of the probe in report.json. */
  readonly id: string;
  /** What it checks, as the report's row. */
  readonly check: string;
  /** What it writes (and removes again); absent: GETs only. */
  readonly writes?: string;
  run(context: ProbeContext): Promise<ProbeFinding>;
}

export interface ProbeContext {
  readonly api: TableApi;
  /** The run's prefix (`pulumi-conf-<6 hex>`): every record a probe makes is named under it. */
  readonly prefix: string;
}

export interface ProbeFinding {
  readonly outcome: string;
  /** Whether the provider's assumption holds on this instance (or nothing there contradicts it). */
  readonly holds: boolean;
  /** What the probe read, for report.json, secrets blanked. */
  readonly details?: unknown;
  /** Its own section of report.md (Markdown lines), where one row of the table is not enough. */
  readonly section?: readonly string[];
}

export interface ProbeResult extends ProbeFinding {
  readonly id: string;
  readonly check: string;
  /** What the probe wrote and removed again; absent: it only read. */
  readonly writes?: string;
}

/** What a probe records for a table the instance does not have (the emulator has no sys_choice or sys_db_object). */
export const tableNotAvailable = "table not available";

/** A list GET, or undefined when the instance answers 400 "Invalid table". */
export async function listIfAvailable(api: TableApi, table: string, query: string, options?: ListOptions): Promise<SnRecord[] | undefined> {
  return ifAvailable(() => api.list(table, query, options));
}

/** A record GET; `"unavailable"` when the instance does not have the table. */
export async function getIfAvailable(api: TableApi, table: string, sysId: string, options?: ReadOptions): Promise<SnRecord | undefined | "unavailable"> {
  const found = await ifAvailable(async () => ({ record: await api.get(table, sysId, options) }));
  return found === undefined ? "unavailable" : found.record;
}

async function ifAvailable<T>(read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    if (isInvalidTableError(error)) return undefined;
    throw error;
  }
}
