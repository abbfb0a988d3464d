import { describeOperation, isServiceNowError, ServiceNowError, type ServiceNowErrorDetails } from "./servicenow-error";

export interface UnreachableErrorDetails extends ServiceNowErrorDetails {
  readonly code: string;
  /** The per-request timeout, named in the message when the request timed out. */
  readonly timeoutMs?: number;
}

const timeoutCodes = new Set(["ETIMEDOUT", "ECONNABORTED"]);

/** The instance did not answer (connection refused or reset, DNS failure, timeout), after retries. */
export class UnreachableError extends ServiceNowError {
  constructor(details: UnreachableErrorDetails) {
    const timedOut = timeoutCodes.has(details.code) && details.timeoutMs !== undefined;
    const hint = timedOut
      ? `the instance did not answer within ${details.timeoutMs! / 1000} s: raise \`servicenow:timeoutSeconds\`, or check servicenow:instanceUrl and network`
      : "check servicenow:instanceUrl and network";
    super(`could not reach ${details.instanceUrl} (${details.code}) for ${describeOperation(details)}: ${hint}.`, details);
  }
}

export function isUnreachableError(e: unknown): e is UnreachableError {
  return isServiceNowError(e) && e.name === "UnreachableError";
}
