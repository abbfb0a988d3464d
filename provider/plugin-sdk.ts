// `pulumi-servicenow-spokes/plugin`: the resources through the provider plugin (pulumi-resource-servicenow), for TypeScript and JavaScript programs.
export * from "./resources/plugin-resources.generated";
export type { ConfigureFormReport } from "./spokes/spoke-outputs";
