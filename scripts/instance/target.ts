import { start, type RunningEmulator } from "../../emulator";
import { clientFor } from "../../provider/client/client-for";
import type { TableApi } from "../../provider/client/table-api";
import { resolveProviderConfig } from "../../provider/config/resolve-provider-config";

/**
 * The instance under test: `SERVICENOW_TEST_INSTANCE_URL` with the sign-in the provider reads
 * from the environment (SERVICENOW_USERNAME / SERVICENOW_PASSWORD, or OAuth, API key, bearer:
 * see docs/configuration.md), or, when unset, an emulator started here, so the same command
 * runs in CI and from a fresh clone.
 */
export interface Target {
  readonly url: string;
  readonly kind: "instance" | "emulator";
  /** SERVICENOW_* variables for `pulumi` runs against it. */
  readonly env: Readonly<Record<string, string>>;
  readonly api: TableApi;
  stop(): Promise<void>;
}

export async function resolveTarget(env: NodeJS.ProcessEnv = process.env): Promise<Target> {
  const url = env.SERVICENOW_TEST_INSTANCE_URL;
  if (url === undefined || url === "") return emulatorTarget(await start({ quiet: true }), "emulator");
  const variables: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) if (name.startsWith("SERVICENOW_") && name !== "SERVICENOW_TEST_INSTANCE_URL" && value) variables[name] = value;
  variables.SERVICENOW_INSTANCE_URL = url;
  const config = resolveProviderConfig({ get: () => undefined }, variables);
  return { url: config.instanceUrl, kind: "instance", env: variables, api: clientFor(config), stop: async () => undefined };
}

/** An emulator as a target: the reference the instance is compared with, or the instance itself in CI. */
export function emulatorTarget(emulator: RunningEmulator, kind: Target["kind"]): Target {
  const env = { SERVICENOW_INSTANCE_URL: emulator.url, SERVICENOW_USERNAME: emulator.admin.username, SERVICENOW_PASSWORD: emulator.admin.password };
  return { url: emulator.url, kind, env, api: clientFor(resolveProviderConfig({ get: () => undefined }, env)), stop: () => emulator.stop() };
}
