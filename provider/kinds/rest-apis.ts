/**
 * The REST APIs a REST API key can be allowed to call, by the short name a program uses. An
 * API access policy names an API by its path (`REST API PATH`, e.g. `now/table`; ServiceNowDocs
 * platform-security/authentication/configure-api-key.md). The paths are ServiceNow's documented
 * REST endpoints; one entry per API, so a new one is one line.
 */
export const restApis = {
  table: { label: "Table API", path: "now/table" },
  attachment: { label: "Attachment API", path: "now/attachment" },
  aggregate: { label: "Aggregate API", path: "now/stats" },
  import: { label: "Import Set API", path: "now/import" },
} as const;

export type RestApiName = keyof typeof restApis;

export const restApiNames = Object.keys(restApis) as RestApiName[];
