import * as fs from "node:fs";
import * as path from "node:path";
import type { YamlPlugin } from "../../test/e2e/yaml-program";

/**
 * The cheapest possible provider plugin, `bare`: the SDK's own server (`main` from
 * @pulumi/pulumi/provider, as ours), a schema with one resource (`bare:index:SystemProperty`,
 * our SystemProperty's two inputs), no request, no validation. Beside the plugin it is what
 * Pulumi and a Node plugin cost on the same program: the plugin's floor, as programs.ts's bare
 * dynamic provider is the dynamic provider's. Started the way ours is (compile cache on, and
 * written once serving).
 */
const barePluginSource = `#!/usr/bin/env node
"use strict";
require("node:module").enableCompileCache?.();
const { main } = require("@pulumi/pulumi/provider");
const text = { type: "string" };
const schema = JSON.stringify({
  name: "bare",
  version: "1.0.0",
  resources: { "bare:index:SystemProperty": { inputProperties: { name: text, value: text }, requiredInputs: ["name"], properties: { name: text, value: text } } },
});
let next = 0;
main({
  version: "1.0.0",
  getSchema: async () => schema,
  check: async (urn, olds, news) => ({ inputs: news }),
  diff: async () => ({ changes: false }),
  create: async (urn, inputs) => ({ id: process.pid + "-" + next++, outs: inputs }),
  read: async (id, urn, props) => ({ id, props }),
  update: async (id, urn, olds, news) => ({ outs: news }),
  delete: async () => {},
}, process.argv.slice(2)).then(() => require("node:module").flushCompileCache?.());
`;

/** The bare plugin as a YAML project names it: a folder of the project (relative paths are the project's). */
export const barePlugin: YamlPlugin = { name: "bare", folder: "bare-plugin", version: "1.0.0" };

/** Writes the bare plugin into a project's folder; it finds @pulumi/pulumi in the project's node_modules. */
export function writeBarePlugin(projectDir: string): void {
  const folder = path.join(projectDir, barePlugin.folder);
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, `pulumi-resource-${barePlugin.name}`), barePluginSource, { mode: 0o755 });
}
