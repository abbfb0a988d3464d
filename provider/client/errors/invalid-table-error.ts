import { describeOperation, isServiceNowError, ServiceNowError, type ServiceNowErrorDetails } from "./servicenow-error";

/** 400 "Invalid table X": the table is not there, because its spoke or plugin is not active. */
export class InvalidTableError extends ServiceNowError {
  constructor(details: ServiceNowErrorDetails) {
    super(
      `${describeOperation(details)} failed: the table \`${details.table}\` does not exist on ${details.instanceUrl}: ` +
        `the spoke or plugin that provides it is not active. Install or activate it ` +
        `(System Applications > All Available Applications, or System Definition > Plugins) and run again.`,
      details,
    );
  }
}

export function isInvalidTableError(e: unknown): e is InvalidTableError {
  return isServiceNowError(e) && e.name === "InvalidTableError";
}
