import { packageSchema, packageVersion } from "../schema/package-schema";
import { configurePlugin } from "./configure-plugin";
import { serveGuarded } from "./guarded-server";
import { pluginProvider } from "./plugin-provider";

/**
 * `pulumi-resource-servicenow`: the provider plugin, for Pulumi YAML, `pulumi import` and any
 * language with a generated SDK. The Pulumi CLI starts it directly (no language host) and
 * talks gRPC to the port it prints.
 */
export function runPlugin(argv: readonly string[] = process.argv): Promise<void> {
  const version = packageVersion();
  let schema: string | undefined;
  const provider = pluginProvider(version, () => (schema ??= JSON.stringify(packageSchema(version))));
  return serveGuarded(provider, argv.slice(2), { onConfigure: (request) => configurePlugin(request) });
}
