import { describeOperation, isServiceNowError, ServiceNowError, statusSuffix, type ServiceNowErrorDetails } from "./servicenow-error";

export interface RateLimitedErrorDetails extends ServiceNowErrorDetails {
  /** When the instance says requests are allowed again, if it said. */
  readonly retryAt?: Date;
}

/** 429 that lasted longer than the client waits (retries spent, or a wait above the maximum). */
export class RateLimitedError extends ServiceNowError {
  readonly retryAt?: Date;

  constructor(details: RateLimitedErrorDetails) {
    const when = details.retryAt ? `retry after ${details.retryAt.toISOString()}` : "retry later";
    super(
      `${describeOperation(details)} on ${details.instanceUrl} was rate limited${statusSuffix(details)}: ${when}. ` +
        `Lower \`servicenow:maxConcurrency\`, or ask the instance admin to raise the REST API rate limit ` +
        `(System Web Services > REST > Rate Limit Rules).`,
      details,
    );
    if (details.retryAt) this.retryAt = details.retryAt;
  }
}

export function isRateLimitedError(e: unknown): e is RateLimitedError {
  return isServiceNowError(e) && e.name === "RateLimitedError";
}
