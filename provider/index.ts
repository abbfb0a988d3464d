export * from "./resources/resources.generated";
export { ServiceNowResource } from "./resources/servicenow-resource";
export type { ConfigureFormReport } from "./spokes/spoke-outputs";
export * from "./errors";
