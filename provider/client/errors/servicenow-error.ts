import { redact } from "../redact";

/** What the client was doing when an error happened. */
export type Operation = "get" | "list" | "create" | "update" | "delete" | "sign-in";

/** Safe facts about a failure: no headers, no bodies, no credentials. */
export interface ServiceNowErrorDetails {
  /** Base URL of the instance. */
  readonly instanceUrl: string;
  /** Table of the operation (for sign-in: the table of the request that needed a token). */
  readonly table: string;
  readonly operation: Operation;
  readonly sysId?: string;
  /** HTTP status, when the instance answered. */
  readonly status?: number;
  /** The instance's own explanation (`error.message: error.detail`), redacted. */
  readonly detail?: string;
  /** Network error code (ECONNRESET, ETIMEDOUT, ...), when it did not answer. */
  readonly code?: string;
  /** HTTP method and path of the failed request (no query, no headers). */
  readonly method?: string;
  readonly path?: string;
  /** Values to redact from the message and detail; never stored. */
  readonly secrets?: readonly (string | undefined)[];
}

const brand = Symbol.for("pulumi-servicenow-spokes/ServiceNowError");

/**
 * Base class of every error the ServiceNow client raises. Secrets are redacted at construction
 * and no raw HTTP error, header or body is attached, so `message`, `stack`, `util.inspect()`
 * and `JSON.stringify()` are safe to print.
 */
export class ServiceNowError extends Error {
  readonly instanceUrl: string;
  readonly table: string;
  readonly operation: Operation;
  readonly sysId?: string;
  readonly status?: number;
  readonly detail?: string;
  readonly code?: string;
  readonly method?: string;
  readonly path?: string;

  constructor(message: string, details: ServiceNowErrorDetails) {
    const secrets = details.secrets ?? [];
    super(redact(message, secrets));
    Object.defineProperty(this, "name", { value: new.target.name, enumerable: false, configurable: true, writable: true });
    Object.defineProperty(this, brand, { value: true, enumerable: false });
    this.instanceUrl = details.instanceUrl;
    this.table = details.table;
    this.operation = details.operation;
    if (details.sysId !== undefined) this.sysId = details.sysId;
    if (details.status !== undefined) this.status = details.status;
    if (details.detail !== undefined) this.detail = redact(details.detail, secrets);
    if (details.code !== undefined) this.code = details.code;
    if (details.method !== undefined) this.method = details.method;
    if (details.path !== undefined) this.path = redact(details.path, secrets);
  }

  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message, ...Object.fromEntries(Object.entries(this)) };
  }
}

export function isServiceNowError(e: unknown): e is ServiceNowError {
  return typeof e === "object" && e !== null && (e as Record<symbol, unknown>)[brand] === true;
}

/** "create on table `x`", "update of `x` record 0123...": the subject of a message. */
export function describeOperation(d: Pick<ServiceNowErrorDetails, "operation" | "table" | "sysId">): string {
  if (d.operation === "sign-in") return "sign-in";
  if (d.sysId !== undefined) return `${d.operation} of \`${d.table}\` record ${d.sysId}`;
  return `${d.operation} on table \`${d.table}\``;
}

/** " (HTTP 404: No Record found: ...)" */
export function statusSuffix(d: Pick<ServiceNowErrorDetails, "status" | "detail">): string {
  if (d.status === undefined) return d.detail ? ` (${d.detail})` : "";
  return ` (HTTP ${d.status}${d.detail ? `: ${d.detail}` : ""})`;
}
