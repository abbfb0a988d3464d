import { describeOperation, isServiceNowError, ServiceNowError, statusSuffix, type ServiceNowErrorDetails } from "./servicenow-error";

/** 409: the write conflicts with the record's current state (e.g. a unique key already taken). */
export class ConflictError extends ServiceNowError {
  constructor(details: ServiceNowErrorDetails) {
    super(
      `${describeOperation(details)} on ${details.instanceUrl} failed: the write conflicts with existing data` +
        `${statusSuffix(details)}. Run \`pulumi refresh\` and check the instance for a record with the same key.`,
      details,
    );
  }
}

export function isConflictError(e: unknown): e is ConflictError {
  return isServiceNowError(e) && e.name === "ConflictError";
}
