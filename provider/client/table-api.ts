/**
 * The contract between the REST client (this folder) and everything above it.
 *
 * Records are read with `sysparm_exclude_reference_link=true` and `sysparm_display_value=false`,
 * so every value is a string, as the instance stores it: `"true"`, `"42"`, `""`, a sys_id for a
 * reference. Secret (password2) fields never come back in plaintext: treat them as write-only.
 */
export type SnRecord = Readonly<Record<string, string>>;

/** Field values to write. Every value is sent as a string, exactly as given. */
export type SnFields = Readonly<Record<string, string>>;

export interface ReadOptions {
  /** `sysparm_fields`: only these columns (sys_id is always included). Default: all. */
  readonly fields?: readonly string[];
}

export interface ListOptions extends ReadOptions {
  /** Records per request (`sysparm_limit`). Default 1000. */
  readonly pageSize?: number;
  /** Stop after this many records in all. Default: no limit (every page). */
  readonly limit?: number;
}

export interface WriteOptions {
  /**
   * Names of fields in this write that hold secrets. They are sent in a PATCH of their own with
   * `sysparm_input_display_value=true` (without it the instance silently drops password2
   * values; with it, it reads every column of the request as a display value, so nothing else
   * goes in that request), and their values are redacted from every error the write can raise.
   */
  readonly secretFields?: readonly string[];
}

export interface CreateOptions extends WriteOptions {
  /**
   * Decides a POST whose outcome is unknown (timeout, connection reset, 502/503/504 after the
   * request was sent): called before any retry. When it returns a record, that record is the
   * result and no second POST is sent; when it returns undefined, the POST is retried.
   * Without it, such a POST is not retried: the error says the outcome is unknown.
   */
  readonly findExisting?: () => Promise<SnRecord | undefined>;
}

/** The Table API of one instance, signed in as one user. */
export interface TableApi {
  /** The instance's base URL, e.g. `https://dev12345.service-now.com`, for messages. */
  readonly instanceUrl: string;
  /** GET /api/now/table/{table}/{sysId}. A missing record is `undefined`, not an error. */
  get(table: string, sysId: string, options?: ReadOptions): Promise<SnRecord | undefined>;
  /** GET /api/now/table/{table}?sysparm_query=..., following pages until done. */
  list(table: string, query: string, options?: ListOptions): Promise<SnRecord[]>;
  /** POST /api/now/table/{table}; resolves to the created record. */
  create(table: string, fields: SnFields, options?: CreateOptions): Promise<SnRecord>;
  /** PATCH /api/now/table/{table}/{sysId} with only the given fields. */
  update(table: string, sysId: string, fields: SnFields, options?: WriteOptions): Promise<SnRecord>;
  /** DELETE /api/now/table/{table}/{sysId}. A record that is already gone is `"absent"`. */
  delete(table: string, sysId: string): Promise<"deleted" | "absent">;
}
