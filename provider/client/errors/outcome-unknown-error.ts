import { isServiceNowError, ServiceNowError, type ServiceNowErrorDetails } from "./servicenow-error";

/**
 * A POST that may or may not have created a record (timeout, reset, 502/503/504 after it was
 * sent) and no way to check it was given. Retrying blindly could create a duplicate.
 */
export class OutcomeUnknownError extends ServiceNowError {
  constructor(details: ServiceNowErrorDetails) {
    const cause = details.code ?? (details.status !== undefined ? `HTTP ${details.status}` : "no answer");
    super(
      `create on table \`${details.table}\` on ${details.instanceUrl}: the outcome is unknown ` +
        `(${cause}): the record may or may not have been created. ` +
        `Check the instance for a new record in \`${details.table}\` before running again, and delete or adopt it.`,
      details,
    );
  }
}

export function isOutcomeUnknownError(e: unknown): e is OutcomeUnknownError {
  return isServiceNowError(e) && e.name === "OutcomeUnknownError";
}
