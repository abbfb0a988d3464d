import { describeOperation, isServiceNowError, ServiceNowError, statusSuffix, type ServiceNowErrorDetails } from "./servicenow-error";

/** 404: the record does not exist, or ACLs hide it from this user. */
export class NotFoundError extends ServiceNowError {
  constructor(details: ServiceNowErrorDetails) {
    super(
      `${describeOperation(details)} on ${details.instanceUrl} failed: the record does not exist or ACLs hide it` +
        `${statusSuffix(details)}. If it was deleted outside Pulumi, run \`pulumi refresh\`.`,
      details,
    );
  }
}

export function isNotFoundError(e: unknown): e is NotFoundError {
  return isServiceNowError(e) && e.name === "NotFoundError";
}
