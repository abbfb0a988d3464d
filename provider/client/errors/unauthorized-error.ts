import { describeOperation, isServiceNowError, ServiceNowError, statusSuffix, type ServiceNowErrorDetails } from "./servicenow-error";

export interface UnauthorizedErrorDetails extends ServiceNowErrorDetails {
  /** How the settings holding the credentials are named, e.g. "`servicenow:password` (or ...)". */
  readonly credentialSettings: readonly string[];
  /** What was tried, e.g. "basic auth as `admin`" or "OAuth grant client_credentials". */
  readonly signIn: string;
}

/** 401: the instance rejected the credentials (after one fresh sign-in where that applies). */
export class UnauthorizedError extends ServiceNowError {
  constructor(details: UnauthorizedErrorDetails) {
    super(
      `${describeOperation(details)} on ${details.instanceUrl} failed: the instance rejected the credentials ` +
        `(${details.signIn})${statusSuffix(details)}. Check ${details.credentialSettings.join(", ")}.`,
      details,
    );
  }
}

export function isUnauthorizedError(e: unknown): e is UnauthorizedError {
  return isServiceNowError(e) && e.name === "UnauthorizedError";
}
