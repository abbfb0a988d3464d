import { createHash } from "node:crypto";
import type { ProviderConfig } from "../config/provider-config";
import { ServiceNowClient } from "./servicenow-client";
import type { TableApi } from "./table-api";

/**
 * One shared client per instance, credentials and limits per process: one token, one pool of
 * keep-alive connections, one concurrency bound. The cache key holds a SHA-256 of the
 * credentials, never the credentials.
 */
const clients = new Map<string, ServiceNowClient>();

export function clientCacheKey(config: ProviderConfig): string {
  const credentials = createHash("sha256").update(JSON.stringify(config.auth)).digest("hex");
  return [config.instanceUrl, config.auth.mode, credentials, config.timeoutMs, config.maxConcurrency, config.maxRetries].join("|");
}

export function clientFor(config: ProviderConfig): TableApi {
  const key = clientCacheKey(config);
  let client = clients.get(key);
  if (!client) {
    client = new ServiceNowClient(config);
    clients.set(key, client);
  }
  return client;
}

/** Forgets every shared client and closes its idle connections (tests; credential rotation). */
export function resetClientCache(): void {
  for (const client of clients.values()) client.close();
  clients.clear();
}
