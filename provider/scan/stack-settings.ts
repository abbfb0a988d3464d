import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import type { ConfigSource } from "../config/config-source";
import { configKeys } from "../config/config-keys";

/**
 * Where a stack's `servicenow:*` settings come from, as the provider reads them: the stack's
 * configuration (`pulumi config --show-secrets --json`, when the project in `dir` has that
 * stack), then the environment (`SERVICENOW_*`, `SN_*`), resolved by the provider's own
 * resolveProviderConfig. `dir` is the project the scan runs in, never the `--out` folder
 * (issue 18: a new folder has no stacks, so its settings were always missing). Values are kept
 * in memory only.
 */
export interface StackSettings {
  readonly source: ConfigSource;
  /** Whether the stack exists in the project (its config was read). */
  readonly fromStack: boolean;
  /** Where the settings were looked for, for messages: a file, or why there was none. */
  readonly lookedIn: string;
  /** The stack's own `servicenow:*` entries, to carry into a stack file of another project. */
  readonly signIn: readonly SignInSetting[];
}

export interface SignInSetting {
  readonly key: string;
  readonly value: string;
  readonly secret: boolean;
}

const secretKeys = new Set(Object.values(configKeys).filter((setting) => setting.secret).map((setting) => setting.key));

export function stackSettings(stack: string, dir: string): StackSettings {
  const none = (lookedIn: string): StackSettings => ({ source: { get: () => undefined }, fromStack: false, lookedIn, signIn: [] });
  if (!fs.existsSync(path.join(dir, "Pulumi.yaml"))) return none(`${dir} (no Pulumi.yaml there, so no stack settings)`);
  const read = spawnSync("pulumi", ["config", "--json", "--show-secrets", "--stack", stack, "--non-interactive"], {
    cwd: dir,
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (read.error) throw new Error(`could not run \`pulumi config\` in ${dir} (${read.error.message}): install the Pulumi CLI, or scan from environment variables outside a Pulumi project.`);
  if (read.status !== 0) {
    if (/no stack named/i.test(read.stderr)) return none(`${dir} (the project there has no stack ${stack})`);
    throw new Error(`\`pulumi config --stack ${stack}\` failed in ${dir} (exit ${read.status}): ${read.stderr.trim()}`);
  }
  const values = JSON.parse(read.stdout) as Record<string, { value?: string; secret?: boolean }>;
  const signIn = Object.entries(values)
    .filter(([key, entry]) => key.startsWith("servicenow:") && entry.value !== undefined)
    // A setting the provider treats as secret stays one even where it was set in plain text.
    .map(([key, entry]) => ({ key, value: entry.value!, secret: entry.secret === true || secretKeys.has(key) }));
  return { source: { get: (key) => values[key]?.value }, fromStack: true, lookedIn: path.join(dir, `Pulumi.${stack}.yaml`), signIn };
}

/** The project name in `dir/Pulumi.yaml`, if there is one. */
export function projectName(dir: string): string | undefined {
  const file = path.join(dir, "Pulumi.yaml");
  if (!fs.existsSync(file)) return undefined;
  const match = /^name:\s*["']?([^"'\s#]+)/m.exec(fs.readFileSync(file, "utf8"));
  return match?.[1];
}
