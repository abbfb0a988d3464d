import type { ProviderConfig } from "../config/provider-config";
import { authProviderFor } from "./auth/auth-provider-for";
import { normalizeClientOptions, type ClientOptions } from "./client-options";
import { ConcurrencyLimiter } from "./concurrency-limiter";
import { InvalidInputError, type Operation } from "./errors";
import { createHttpTransport, type HttpResponse, type HttpTransport } from "./http-transport";
import { RequestExecutor, type Executed, type RequestSpec } from "./request-executor";
import { errorForResponse, unexpectedBody } from "./response-errors";
import type { CreateOptions, ListOptions, ReadOptions, SnFields, SnRecord, TableApi, WriteOptions } from "./table-api";

const sysIdPattern = /^[0-9a-f]{32}$/i;
const tableNamePattern = /^[a-z0-9_]+$/i;
const fieldNamePattern = /^[a-z0-9_.]+$/i;
const defaultPageSize = 1000;
const maxPageSize = 10_000;

/** Read parameters: plain stored values, references as bare sys_ids. */
const readParams = { sysparm_exclude_reference_link: "true", sysparm_display_value: "false" } as const;

/**
 * The Table API client: one per instance and credentials (see clientFor()). Implements
 * TableApi over a RequestExecutor (retries, sign-in, concurrency, errors) and adds the
 * Table API's own rules: encoded paths, read parameters, pagination, 404 semantics.
 */
export class ServiceNowClient implements TableApi {
  readonly instanceUrl: string;
  private readonly executor: RequestExecutor;
  private readonly transport: HttpTransport;

  constructor(config: ProviderConfig, clientOptions: ClientOptions = {}) {
    const options = normalizeClientOptions(clientOptions);
    this.instanceUrl = config.instanceUrl;
    this.transport = createHttpTransport({
      baseUrl: config.instanceUrl,
      timeoutMs: config.timeoutMs,
      maxSockets: config.maxConcurrency,
    });
    const parts = {
      instanceUrl: config.instanceUrl,
      timeoutMs: config.timeoutMs,
      maxRetries: config.maxRetries,
      transport: this.transport,
      limiter: new ConcurrencyLimiter(config.maxConcurrency),
      options,
    };
    this.executor = new RequestExecutor(parts);
    const executor = this.executor;
    (parts as { auth?: unknown }).auth = authProviderFor(config.auth, {
      now: options.now,
      renewalMarginMs: options.tokenRenewalMarginMs,
      async requestToken(form, table) {
        const result = await executor.execute({
          operation: "sign-in",
          table,
          method: "POST",
          path: "/oauth_token.do",
          form,
          anonymous: true,
          repeatable: true,
          // Every answer but the retryable ones goes back to the token provider to judge.
          accept: (status) => status < 500 && status !== 429,
        });
        return responseOf(result);
      },
      signInFailed(response, table, provider) {
        const ctx = executor.context({ operation: "sign-in", table, method: "POST", path: "/oauth_token.do" });
        // A 200 without a token is as much a failed sign-in as a 401.
        return errorForResponse(response.status === 200 ? { ...response, status: 401 } : response, ctx, provider);
      },
    });
  }

  async get(table: string, sysId: string, options: ReadOptions = {}): Promise<SnRecord | undefined> {
    this.check("get", table, sysId, options.fields);
    const spec: RequestSpec = {
      operation: "get",
      table,
      sysId,
      method: "GET",
      path: recordPath(table, sysId),
      params: { ...fieldsParam(options.fields), ...readParams },
      accept: (status) => status === 404,
    };
    const response = responseOf(await this.executor.execute(spec));
    if (response.status === 404) return undefined;
    return this.record(response, spec);
  }

  async list(table: string, query: string, options: ListOptions = {}): Promise<SnRecord[]> {
    this.check("list", table, undefined, options.fields);
    const pageSize = options.pageSize ?? defaultPageSize;
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > maxPageSize) {
      throw this.invalid("list", table, undefined, `pageSize must be a whole number from 1 to ${maxPageSize}, got ${pageSize}`);
    }
    const limit = options.limit;
    if (limit !== undefined && (!Number.isInteger(limit) || limit < 0)) {
      throw this.invalid("list", table, undefined, `limit must be a whole number of 0 or more, got ${limit}`);
    }
    const records: SnRecord[] = [];
    let offset = 0;
    while (limit === undefined || records.length < limit) {
      const want = limit === undefined ? pageSize : Math.min(pageSize, limit - records.length);
      const spec: RequestSpec = {
        operation: "list",
        table,
        method: "GET",
        path: tablePath(table),
        params: {
          ...(query !== "" ? { sysparm_query: query } : {}),
          ...fieldsParam(options.fields),
          sysparm_limit: String(want),
          sysparm_offset: String(offset),
          ...readParams,
        },
        // Some releases answer a query that matches nothing with 404 "No Record found".
        accept: (status) => status === 404,
      };
      const response = responseOf(await this.executor.execute(spec));
      if (response.status === 404) break;
      const result = (response.data as { result?: unknown } | undefined)?.result;
      if (!Array.isArray(result)) throw unexpectedBody(response, this.executor.context(spec));
      for (const item of result) records.push(toRecord(item));
      offset += result.length;
      const total = Number(response.headers["x-total-count"]);
      if (result.length < want || (Number.isFinite(total) && offset >= total)) break;
    }
    return records;
  }

  /**
   * POST of the non-secret columns, as values; then, when there are secrets, a PATCH of only
   * those with `sysparm_input_display_value=true` (see `writeSecrets`). If that PATCH fails,
   * the record just made is deleted again, so a failed create leaves nothing behind.
   */
  async create(table: string, fields: SnFields, options: CreateOptions = {}): Promise<SnRecord> {
    this.check("create", table, undefined, undefined);
    const { plain, secret } = splitSecrets(fields, options.secretFields);
    const spec: RequestSpec = {
      operation: "create",
      table,
      method: "POST",
      path: tablePath(table),
      params: { ...readParams },
      json: plain,
      secrets: secretValues(secret),
      ...(options.findExisting ? { findExisting: options.findExisting } : {}),
    };
    const result = await this.executor.execute(spec);
    const created = result.kind === "found" ? result.record : this.record(result.response, spec);
    if (Object.keys(secret).length === 0) return created;
    try {
      return await this.writeSecrets(table, created.sys_id ?? "", secret);
    } catch (failure) {
      await this.delete(table, created.sys_id ?? "").catch(() => undefined);
      throw failure;
    }
  }

  /** PATCH of the non-secret columns, as values; then a PATCH of the secrets (see `writeSecrets`). */
  async update(table: string, sysId: string, fields: SnFields, options: WriteOptions = {}): Promise<SnRecord> {
    this.check("update", table, sysId, undefined);
    const { plain, secret } = splitSecrets(fields, options.secretFields);
    const hasSecrets = Object.keys(secret).length > 0;
    // The secrets' values are redacted from errors of both requests, whatever an instance echoes.
    const updated = Object.keys(plain).length > 0 || !hasSecrets ? await this.patch(table, sysId, plain, {}, secretValues(secret)) : undefined;
    return hasSecrets ? this.writeSecrets(table, sysId, secret) : updated!;
  }

  /**
   * Secrets go in a request of their own. A password2 value is only stored when the request
   * has `sysparm_input_display_value=true`, and that flag makes the instance read *every*
   * column of the request as a display value (KB0534905: choice labels, reference display
   * names, dates in the user's time zone), so no other column may travel with it.
   */
  private writeSecrets(table: string, sysId: string, secret: SnFields): Promise<SnRecord> {
    return this.patch(table, sysId, secret, { sysparm_input_display_value: "true" }, secretValues(secret));
  }

  private async patch(table: string, sysId: string, fields: SnFields, flags: Record<string, string>, secrets: readonly string[]): Promise<SnRecord> {
    const spec: RequestSpec = {
      operation: "update",
      table,
      sysId,
      method: "PATCH",
      path: recordPath(table, sysId),
      params: { ...readParams, ...flags },
      json: fields,
      secrets: [...secrets],
    };
    return this.record(responseOf(await this.executor.execute(spec)), spec);
  }

  async delete(table: string, sysId: string): Promise<"deleted" | "absent"> {
    this.check("delete", table, sysId, undefined);
    const spec: RequestSpec = {
      operation: "delete",
      table,
      sysId,
      method: "DELETE",
      path: recordPath(table, sysId),
      accept: (status) => status === 404,
    };
    const response = responseOf(await this.executor.execute(spec));
    return response.status === 404 ? "absent" : "deleted";
  }

  /** Closes idle keep-alive connections. The client still works afterwards (new sockets). */
  close(): void {
    this.transport.close();
  }

  /** Rejects what must not reach the instance: bad table names, sys_ids or field names. */
  private check(operation: Operation, table: string, sysId: string | undefined, fields: readonly string[] | undefined): void {
    if (!tableNamePattern.test(table)) throw this.invalid(operation, table, undefined, `table name ${JSON.stringify(table)} is not valid`);
    if (sysId !== undefined && !sysIdPattern.test(sysId)) {
      throw this.invalid(operation, table, undefined, `sys_id ${JSON.stringify(sysId)} is not 32 hexadecimal characters`);
    }
    const bad = fields?.find((f) => !fieldNamePattern.test(f));
    if (bad !== undefined) throw this.invalid(operation, table, sysId, `field name ${JSON.stringify(bad)} is not valid`);
  }

  private invalid(operation: Operation, table: string, sysId: string | undefined, problem: string): InvalidInputError {
    return new InvalidInputError({
      instanceUrl: this.instanceUrl,
      table,
      operation,
      ...(sysId !== undefined ? { sysId } : {}),
      problem,
    });
  }

  private record(response: HttpResponse, spec: RequestSpec): SnRecord {
    const result = (response.data as { result?: unknown } | undefined)?.result;
    if (typeof result !== "object" || result === null || Array.isArray(result)) {
      throw unexpectedBody(response, this.executor.context(spec));
    }
    return toRecord(result);
  }
}

function responseOf(result: Executed): HttpResponse {
  if (result.kind !== "response") throw new Error("unreachable: only create() passes findExisting");
  return result.response;
}

function tablePath(table: string): string {
  return `/api/now/table/${encodeURIComponent(table)}`;
}

function recordPath(table: string, sysId: string): string {
  return `${tablePath(table)}/${encodeURIComponent(sysId)}`;
}

function fieldsParam(fields: readonly string[] | undefined): Record<string, string> {
  if (!fields || fields.length === 0) return {};
  return { sysparm_fields: [...new Set(["sys_id", ...fields])].join(",") };
}

/** The columns to write as values, and the secret ones (`secretFields`) to write on their own. */
function splitSecrets(fields: SnFields, secretFields: readonly string[] = []): { plain: SnFields; secret: SnFields } {
  const plain: Record<string, string> = {};
  const secret: Record<string, string> = {};
  for (const [name, value] of Object.entries(fields)) (secretFields.includes(name) ? secret : plain)[name] = value;
  return { plain, secret };
}

function secretValues(secret: SnFields): string[] {
  return Object.values(secret).filter((value) => value !== "");
}

/** Every value as a string, as the contract promises, whatever the instance sent. */
function toRecord(value: unknown): SnRecord {
  const out: Record<string, string> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === null || v === undefined) out[key] = "";
    else if (typeof v === "object" && "value" in v) out[key] = String((v as { value: unknown }).value ?? "");
    else out[key] = typeof v === "object" ? JSON.stringify(v) : String(v);
  }
  return out;
}
