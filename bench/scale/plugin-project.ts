import * as fs from "node:fs";
import * as path from "node:path";
import type { RunningEmulator } from "../../emulator";
import type { PulumiProject } from "../../test/e2e/pulumi-project";
import { pluginFolder, yamlProject, type YamlLayout } from "../../test/e2e/yaml-program";
import { barePlugin, writeBarePlugin } from "./bare-plugin";
import { benchProject } from "./bench-project";
import type { BenchResource } from "./bench-resources";
import { classProgram } from "./programs";
import { oauthSignIn } from "./sign-in";
import { pluginProgram } from "./yaml-program";

/**
 * A throwaway Pulumi YAML project declaring `resources` through the provider plugin, found as a
 * user's project finds it (the installed package folder, in the `layout` of
 * test/e2e/yaml-program.ts), signed in as the dynamic benchmark projects are
 * (bench/scale/sign-in.ts). `env` is added to every command (e.g. the checkpoint-skipping
 * settings).
 */
export function pluginBenchProject(resources: readonly BenchResource[], emulator: RunningEmulator, layout: YamlLayout, env: Readonly<Record<string, string>> = {}): Promise<PulumiProject> {
  return yamlProject(pluginProgram(resources), { env, layout, ...oauthSignIn(emulator) });
}

/** The same resources through the bare plugin (bare-plugin.ts), in the pipeline layout: the plugin's floor. */
export async function barePluginBenchProject(resources: readonly BenchResource[], env: Readonly<Record<string, string>> = {}): Promise<PulumiProject> {
  const project = await yamlProject(pluginProgram(resources, barePlugin.name), { env, layout: "pipeline", plugin: barePlugin });
  writeBarePlugin(project.dir);
  return project;
}

/**
 * The same resources from a Node program through the plugin's classes
 * (`pulumi-servicenow-spokes/plugin`), with Pulumi.yaml naming the plugin as the README's
 * "Faster runs" does.
 */
export async function pluginClassesBenchProject(resources: readonly BenchResource[], emulator: RunningEmulator, env: Readonly<Record<string, string>> = {}): Promise<PulumiProject> {
  const project = await benchProject(classProgram(resources, "pulumi-servicenow-spokes/plugin"), emulator, env);
  fs.appendFileSync(path.join(project.dir, "Pulumi.yaml"), `plugins:\n  providers:\n    - name: servicenow\n      path: ${pluginFolder}\n`);
  return project;
}
