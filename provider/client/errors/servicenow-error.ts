import { SpokesError, type Operation, type SpokesErrorOptions } from "../../errors/spokes-error";
import { redact } from "../redact";

export type { Operation };

/**
 * Safe facts about a failure: no headers, no bodies, no credentials. `status` is the instance's
 * when it answered; `secrets` are redacted from the message, the detail and the path. No `cause`:
 * what failed below the client (an axios error) holds the request's headers.
 */
export interface ServiceNowErrorDetails extends Omit<SpokesErrorOptions, "cause"> {
  readonly instanceUrl: string;
  /** Table of the operation (for sign-in: the table of the request that needed a token). */
  readonly table: string;
  readonly operation: Operation;
  readonly sysId?: string;
  /** The instance's own explanation (`error.message: error.detail`), redacted. */
  readonly detail?: string;
  /** Network error code (ECONNRESET, ETIMEDOUT, ...), when it did not answer. */
  readonly code?: string;
  /** HTTP method and path of the failed request (no query, no headers). */
  readonly method?: string;
  readonly path?: string;
}

const brand = Symbol.for("pulumi-servicenow-spokes/ServiceNowError");

/**
 * Base class of every error the ServiceNow client raises (a SpokesError). Secrets are redacted
 * at construction, from the message and from the instance's detail and path.
 */
export class ServiceNowError extends SpokesError {
  declare readonly instanceUrl: string;
  declare readonly table: string;
  declare readonly operation: Operation;
  readonly sysId?: string;
  readonly detail?: string;
  readonly code?: string;
  readonly method?: string;
  readonly path?: string;

  constructor(message: string, details: ServiceNowErrorDetails) {
    const secrets = details.secrets ?? [];
    const { instanceUrl, table, operation, status } = details;
    super(message, { instanceUrl, table, operation, status, secrets });
    Object.defineProperty(this, brand, { value: true, enumerable: false });
    if (details.sysId !== undefined) this.sysId = details.sysId;
    if (details.detail !== undefined) this.detail = redact(details.detail, secrets);
    if (details.code !== undefined) this.code = details.code;
    if (details.method !== undefined) this.method = details.method;
    if (details.path !== undefined) this.path = redact(details.path, secrets);
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
