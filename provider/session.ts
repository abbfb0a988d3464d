import type { TableApi } from "./client/table-api";
import { clientFor } from "./client/client-for";
import type { ConfigSource } from "./config/config-source";
import type { ProviderConfig } from "./config/provider-config";
import { resolveProviderConfig } from "./config/resolve-provider-config";

/**
 * The provider's per-process state: the client that the configuration handed to
 * `configure()` selects. Pulumi's dynamic-provider host calls `configure()` once per
 * serialized provider before any other method, with the stack's configuration.
 */
let current: TableApi | undefined;

/** Resolves and validates the configuration now, so that a bad one fails before any request. */
export function configureSession(source: ConfigSource, env: NodeJS.ProcessEnv = process.env): ProviderConfig {
  const config = resolveProviderConfig(source, env);
  current = clientFor(config);
  return config;
}

/** Uses this client for what follows: for tests that call provider methods directly. */
export function useClient(client: TableApi): void {
  current = client;
}

/** The client for the configured instance. Throws when `configure()` has not run. */
export function sessionClient(): TableApi {
  if (!current) {
    throw new Error(
      "The ServiceNow provider is not configured: set `servicenow:instanceUrl` and credentials in the stack " +
        "configuration (or SERVICENOW_INSTANCE_URL and the matching environment variables).",
    );
  }
  return current;
}
