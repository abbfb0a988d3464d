export * from "./table-api";
export * from "./client-for";
export * from "./servicenow-client";
export * from "./client-options";
export * from "./encoded-query";
export * from "./request-events";
export * from "./redact";
export * from "./errors";
