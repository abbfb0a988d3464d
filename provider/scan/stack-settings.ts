import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import type { ConfigSource } from "../config/config-source";

/**
 * Where a stack's `servicenow:*` settings come from, as the provider reads them: the stack's
 * configuration (`pulumi config --show-secrets --json`, when the project in `dir` has that
 * stack), then the environment (`SERVICENOW_*`, `SN_*`), resolved by the provider's own
 * resolveProviderConfig. Values are kept in memory only.
 */
export interface StackSettings {
  readonly source: ConfigSource;
  /** Whether the stack exists in the project (its config was read). */
  readonly fromStack: boolean;
}

export function stackSettings(stack: string, dir: string): StackSettings {
  if (!fs.existsSync(path.join(dir, "Pulumi.yaml"))) return { source: { get: () => undefined }, fromStack: false };
  const read = spawnSync("pulumi", ["config", "--json", "--show-secrets", "--stack", stack, "--non-interactive"], {
    cwd: dir,
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (read.error) throw new Error(`could not run \`pulumi config\` in ${dir} (${read.error.message}): install the Pulumi CLI, or scan from environment variables outside a Pulumi project.`);
  if (read.status !== 0) {
    if (/no stack named/i.test(read.stderr)) return { source: { get: () => undefined }, fromStack: false };
    throw new Error(`\`pulumi config --stack ${stack}\` failed in ${dir} (exit ${read.status}): ${read.stderr.trim()}`);
  }
  const values = JSON.parse(read.stdout) as Record<string, { value?: string }>;
  return { source: { get: (key) => values[key]?.value }, fromStack: true };
}

/** The project name in `dir/Pulumi.yaml`, if there is one. */
export function projectName(dir: string): string | undefined {
  const file = path.join(dir, "Pulumi.yaml");
  if (!fs.existsSync(file)) return undefined;
  const match = /^name:\s*["']?([^"'\s#]+)/m.exec(fs.readFileSync(file, "utf8"));
  return match?.[1];
}
