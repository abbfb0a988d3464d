/**
 * ServiceNow's error answers, in one place, so that a body found to differ on a real instance
 * is fixed once (see ../shared/servicenow-reference.md, "Errors").
 */

export interface ErrorBody {
  error: { message: string; detail: string | null };
  status: "failure";
}

export type WriteOperation = "Insert" | "Update" | "Delete" | "Read";

/** An answer that is not 2xx. Thrown by the store and the handlers, rendered by the server. */
export class EmulatorApiError extends Error {
  override readonly name = "EmulatorApiError";
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(`${status} ${JSON.stringify(body)}`);
  }
}

export const isEmulatorApiError = (e: unknown): e is EmulatorApiError => e instanceof EmulatorApiError;

const failure = (message: string, detail: string | null): ErrorBody => ({ error: { message, detail }, status: "failure" });

export const invalidTable = (table: string): EmulatorApiError =>
  new EmulatorApiError(400, failure(`Invalid table ${table}`, null));

export const notAuthenticated = (): EmulatorApiError =>
  new EmulatorApiError(401, failure("User Not Authenticated", "Required to provide Auth information"));

export const aclDenied = (operation: WriteOperation): EmulatorApiError =>
  new EmulatorApiError(403, failure("Operation Failed", `ACL Exception ${operation} Failed due to security constraints`));

/** Business rules and data policies answer like an ACL, with their own message as detail. */
export const operationFailed = (detail: string): EmulatorApiError =>
  new EmulatorApiError(403, failure("Operation Failed", detail));

export const noRecord = (): EmulatorApiError =>
  new EmulatorApiError(404, failure("No Record found", "Record doesn't exist or ACL restricts the record retrieval"));

export const invalidJson = (): EmulatorApiError =>
  new EmulatorApiError(400, failure("Exception while reading request", "The payload is not valid JSON."));

export const noResource = (): EmulatorApiError =>
  new EmulatorApiError(400, failure("Requested URI does not represent any resource", null));

export const methodNotAllowed = (method: string): EmulatorApiError =>
  new EmulatorApiError(405, failure("Method not Supported", `Method ${method} is not supported by this resource`));

export const tooLarge = (limit: number): EmulatorApiError =>
  new EmulatorApiError(413, failure("Request entity too large", `The request body exceeds ${limit} bytes`));

export function rateLimited(limit: number, resetUnix: number, rule: string, nowMs: number): EmulatorApiError {
  const retryAfter = Math.max(1, resetUnix - Math.floor(nowMs / 1000));
  return new EmulatorApiError(429, failure("Rate limit exceeded", `Rate limit of ${limit} requests per hour for Table API exceeded`), {
    "retry-after": String(retryAfter),
    "x-ratelimit-limit": String(limit),
    "x-ratelimit-reset": String(resetUnix),
    "x-ratelimit-rule": rule,
  });
}

/** `/oauth_token.do` answers every failure the same way, with 401. */
export const oauthDenied = (): EmulatorApiError =>
  new EmulatorApiError(401, { error_description: "access_denied", error: "server_error" });

const OPERATION_BY_METHOD: Readonly<Record<string, WriteOperation>> = {
  POST: "Insert",
  PUT: "Update",
  PATCH: "Update",
  DELETE: "Delete",
};

/** The answer an injected failure with this status gets: the body a real instance sends. */
export function errorForStatus(status: number, method: string): EmulatorApiError {
  switch (status) {
    case 400:
      return new EmulatorApiError(400, failure("Bad Request", "Invalid request"));
    case 401:
      return notAuthenticated();
    case 403:
      return aclDenied(OPERATION_BY_METHOD[method.toUpperCase()] ?? "Read");
    case 404:
      return noRecord();
    case 500:
      return new EmulatorApiError(500, failure("Internal Server Error", "An unexpected error occurred on the instance"));
    case 502:
      return new EmulatorApiError(502, failure("Bad Gateway", "The instance did not answer the load balancer"));
    case 503:
      return new EmulatorApiError(503, failure("Service Unavailable", "The instance is temporarily unavailable"));
    case 504:
      return new EmulatorApiError(504, failure("Gateway Timeout", "The instance did not answer in time"));
    default:
      return new EmulatorApiError(status, failure("Operation Failed", `Injected failure with status ${status}`));
  }
}
