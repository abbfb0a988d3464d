import type { RunningEmulator } from "../../emulator";
import type { PulumiProject } from "../../test/e2e/pulumi-project";
import { yamlProject, type YamlLayout } from "../../test/e2e/yaml-program";
import { barePlugin, writeBarePlugin } from "./bare-plugin";
import type { BenchResource } from "./bench-resources";
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
