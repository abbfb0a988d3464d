import type { CreateOptions, ListOptions, ReadOptions, SnFields, SnRecord, TableApi, WriteOptions } from "./table-api";

export type TableApiMethod = "get" | "list" | "create" | "update" | "delete";

/**
 * Wraps a TableApi and counts calls per method and per `method table` (for reports, benchmarks
 * and tests that pin how many calls an operation makes). Counts logical calls; use
 * `addRequestListener()` to count HTTP requests, retries included.
 */
export class CountingTableApi implements TableApi {
  readonly instanceUrl: string;
  private readonly byMethod = new Map<TableApiMethod, number>();
  private readonly byTable = new Map<string, number>();

  constructor(private readonly inner: TableApi) {
    this.instanceUrl = inner.instanceUrl;
  }

  /** Calls per method, e.g. `{ get: 2, list: 1, create: 0, update: 0, delete: 0 }`. */
  get counts(): Readonly<Record<TableApiMethod, number>> {
    const m = (k: TableApiMethod): number => this.byMethod.get(k) ?? 0;
    return { get: m("get"), list: m("list"), create: m("create"), update: m("update"), delete: m("delete") };
  }

  /** Calls per `"<method> <table>"`, e.g. `{ "create sys_alias": 1 }`. */
  get countsByTable(): Readonly<Record<string, number>> {
    return Object.fromEntries(this.byTable);
  }

  /** Total calls. */
  get total(): number {
    return [...this.byMethod.values()].reduce((a, b) => a + b, 0);
  }

  reset(): void {
    this.byMethod.clear();
    this.byTable.clear();
  }

  get(table: string, sysId: string, options?: ReadOptions): Promise<SnRecord | undefined> {
    this.count("get", table);
    return this.inner.get(table, sysId, options);
  }

  list(table: string, query: string, options?: ListOptions): Promise<SnRecord[]> {
    this.count("list", table);
    return this.inner.list(table, query, options);
  }

  create(table: string, fields: SnFields, options?: CreateOptions): Promise<SnRecord> {
    this.count("create", table);
    return this.inner.create(table, fields, options);
  }

  update(table: string, sysId: string, fields: SnFields, options?: WriteOptions): Promise<SnRecord> {
    this.count("update", table);
    return this.inner.update(table, sysId, fields, options);
  }

  delete(table: string, sysId: string): Promise<"deleted" | "absent"> {
    this.count("delete", table);
    return this.inner.delete(table, sysId);
  }

  private count(method: TableApiMethod, table: string): void {
    this.byMethod.set(method, (this.byMethod.get(method) ?? 0) + 1);
    const key = `${method} ${table}`;
    this.byTable.set(key, (this.byTable.get(key) ?? 0) + 1);
  }
}
