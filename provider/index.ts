export * from "./resources/system-property";
export * from "./resources/connection-alias";
export * from "./resources/http-connection";
export * from "./resources/credentials";
export * from "./resources/oauth";
export * from "./resources/integration-user";
export * from "./resources/table-record";
export * from "./resources/spokes";
export { ServiceNowResource } from "./resources/servicenow-resource";
