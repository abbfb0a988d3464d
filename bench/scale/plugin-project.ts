import type { RunningEmulator } from "../../emulator";
import type { PulumiProject } from "../../test/e2e/pulumi-project";
import { yamlProject } from "../../test/e2e/yaml-program";
import type { BenchResource } from "./bench-resources";
import { oauthSignIn } from "./sign-in";
import { pluginProgram } from "./yaml-program";

/**
 * A throwaway Pulumi YAML project declaring `resources` through the provider plugin, found as a
 * user's project finds it (`packages: servicenow: <the installed package folder>`, as
 * test/e2e/yaml-program.ts and examples/yaml do), signed in as the dynamic benchmark projects
 * are (bench/scale/sign-in.ts). `env` is added to every command (e.g. the checkpoint-skipping
 * settings).
 */
export function pluginBenchProject(resources: readonly BenchResource[], emulator: RunningEmulator, env: Readonly<Record<string, string>> = {}): Promise<PulumiProject> {
  return yamlProject(pluginProgram(resources), { env, ...oauthSignIn(emulator) });
}
