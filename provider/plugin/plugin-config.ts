import type { ConfigSource } from "../config/config-source";
import { packageName } from "./resource-token";

type Settings = Readonly<Record<string, unknown>>;

/**
 * Where the plugin's settings come from, as a ConfigSource for the one config resolution
 * (../config/resolve-provider-config.ts, which adds the SERVICENOW_* and SN_* environment):
 * layers of settings, first wins. A layer holds either bare names (`instanceUrl`, as
 * PULUMI_CONFIG and a provider resource's properties have them) or full keys
 * (`servicenow:instanceUrl`, as Configure's variables have them).
 */
export function configSourceOf(...layers: readonly Settings[]): ConfigSource {
  return {
    get(key: string): string | undefined {
      const name = key.startsWith(`${packageName}:`) ? key.slice(packageName.length + 1) : key;
      for (const layer of layers) {
        const value = layer[name] ?? layer[`${packageName}:${name}`];
        if (value === undefined || value === null) continue;
        return typeof value === "string" ? value : JSON.stringify(value);
      }
      return undefined;
    },
  };
}

/**
 * The stack configuration the engine hands every plugin in PULUMI_CONFIG: the package's own
 * namespace (`servicenow:*`), decrypted, prefix stripped. A value that does not parse is
 * reported without its content (it holds secrets).
 */
export function pulumiConfigOf(env: NodeJS.ProcessEnv): Settings {
  const raw = env.PULUMI_CONFIG;
  if (raw === undefined || raw.trim() === "") return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    return parsed !== null && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Settings) : {};
  } catch {
    throw new Error("The PULUMI_CONFIG environment variable the Pulumi engine set is not JSON; its content is not shown (it may hold secrets).");
  }
}
