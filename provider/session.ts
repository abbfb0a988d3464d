import type { TableApi } from "./client/table-api";
import { clientFor } from "./client/client-for";
import type { ConfigSource } from "./config/config-source";
import type { ProviderConfig } from "./config/provider-config";
import { resolveProviderConfig } from "./config/resolve-provider-config";

/**
 * The provider's per-process state: the configuration handed to `configure()` and the
 * client it selects. Pulumi's dynamic-provider host calls `configure()` once per serialized
 * provider before any other method, with the stack's configuration.
 */
let current: { config: ProviderConfig; client: TableApi } | undefined;

/** Resolves and validates the configuration now, so that a bad one fails before any request. */
export function configureSession(source: ConfigSource, env: NodeJS.ProcessEnv = process.env): ProviderConfig {
  const config = resolveProviderConfig(source, env);
  current = { config, client: clientFor(config) };
  return config;
}

/** Uses this client for what follows: for tests that call provider methods directly. */
export function useClient(client: TableApi, config?: ProviderConfig): void {
  current = { config: config ?? ({ instanceUrl: client.instanceUrl } as ProviderConfig), client };
}

/** The client for the configured instance. Throws when `configure()` has not run. */
export function sessionClient(): TableApi {
  if (!current) {
    throw new Error(
      "The ServiceNow provider is not configured: set `servicenow:instanceUrl` and credentials in the stack " +
        "configuration (or SERVICENOW_INSTANCE_URL and the matching environment variables).",
    );
  }
  return current.client;
}

/** The resolved configuration, for checks that depend on it (for example the instance URL). */
export function sessionConfig(): ProviderConfig | undefined {
  return current?.config;
}
