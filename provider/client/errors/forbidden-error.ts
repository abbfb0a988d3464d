import { isServiceNowError, ServiceNowError, statusSuffix, type ServiceNowErrorDetails } from "./servicenow-error";

/** 403: an ACL, business rule or data policy refused the operation. */
export class ForbiddenError extends ServiceNowError {
  constructor(details: ServiceNowErrorDetails) {
    const record = details.sysId !== undefined ? ` record ${details.sysId}` : "";
    super(
      `${details.operation} on table \`${details.table}\`${record} was refused by ${details.instanceUrl}` +
        `${statusSuffix(details)}. The user needs the admin role (or ACLs that allow ${details.operation} ` +
        `on \`${details.table}\`); if the detail names a business rule or data policy, fix the values it rejects.`,
      details,
    );
  }
}

export function isForbiddenError(e: unknown): e is ForbiddenError {
  return isServiceNowError(e) && e.name === "ForbiddenError";
}
