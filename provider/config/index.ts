export * from "./config-source";
export * from "./provider-config";
export * from "./provider-config-error";
export * from "./resolve-provider-config";
export * from "./config-keys";
export * from "./instance-url";
