/**
 * Where provider settings come from: Pulumi stack configuration as handed to a dynamic
 * provider's `configure()` (keys like `servicenow:instanceUrl`), or any object with the same
 * `get`. Environment variables are read separately, in one place (resolve-provider-config.ts).
 */
export interface ConfigSource {
  get(key: string): string | undefined;
}
