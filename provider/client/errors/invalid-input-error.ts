import { describeOperation, isServiceNowError, ServiceNowError, statusSuffix, type ServiceNowErrorDetails } from "./servicenow-error";

export interface InvalidInputErrorDetails extends ServiceNowErrorDetails {
  /** What is wrong, when the client found it before sending anything (then there is no status). */
  readonly problem?: string;
}

/** A 400 other than "Invalid table", or an input the client refuses to send (e.g. a bad sys_id). */
export class InvalidInputError extends ServiceNowError {
  constructor(details: InvalidInputErrorDetails) {
    const what = details.problem ?? `the instance rejected the request${statusSuffix(details)}`;
    super(`${describeOperation(details)} on ${details.instanceUrl} failed: ${what}. Check the resource's values.`, details);
  }
}

export function isInvalidInputError(e: unknown): e is InvalidInputError {
  return isServiceNowError(e) && e.name === "InvalidInputError";
}
