import * as nodeModule from "node:module";
import type * as provider from "@pulumi/pulumi/provider";
import { packageVersion, shippedSchema } from "../schema/shipped-schema";
import { serveGuarded } from "./guarded-server";

/**
 * `pulumi-resource-servicenow`: the provider plugin, for Pulumi YAML, `pulumi import` and any
 * language with a generated SDK. The Pulumi CLI starts it directly (no language host) and
 * talks gRPC to the port it prints.
 *
 * Pulumi starts the plugin on every command (Pulumi YAML with `packages:` once more, only for
 * the schema), so it starts light: GetSchema is answered from the shipped schema file, and the
 * configuration (./configure-plugin.ts) and the lifecycle (./plugin-provider.ts: the kinds and
 * their schemas) are loaded by the first call that needs them.
 */
export async function runPlugin(argv: readonly string[] = process.argv): Promise<void> {
  const version = packageVersion();
  await serveGuarded(lightProvider(version), argv.slice(2), {
    onConfigure: (request) => (require("./configure-plugin") as typeof import("./configure-plugin")).configurePlugin(request),
  });
  keepCompiledCode();
}

/**
 * Writes what V8 compiled so far to Node's compile cache, when the executable enabled it: Pulumi
 * stops a plugin with a signal (SIGINT to its process group, SIGKILL 5 s later), and a Node
 * process ended by a signal never makes its own write at exit, so the next command would
 * compile the same modules again.
 */
function keepCompiledCode(): void {
  nodeModule.flushCompileCache?.();
}

export function lightProvider(version: string): provider.Provider {
  let loaded: provider.Provider | undefined;
  const resources = (): Required<provider.Provider> => {
    if (!loaded) {
      loaded = (require("./plugin-provider") as typeof import("./plugin-provider")).pluginProvider(version);
      keepCompiledCode();
    }
    return loaded as Required<provider.Provider>;
  };
  return {
    version,
    getSchema: async () => shippedSchema(),
    check: (...args) => resources().check(...args),
    diff: (...args) => resources().diff(...args),
    create: (...args) => resources().create(...args),
    read: (...args) => resources().read(...args),
    update: (...args) => resources().update(...args),
    delete: (...args) => resources().delete(...args),
  };
}
