import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/**
 * How this repository runs the real `pulumi` CLI for the demo and the tests: the pinned CLI
 * from node_modules, a local file backend, the passphrase secrets provider, no update check
 * and no plugin downloads, so that nothing waits on the internet.
 */

/** The repository root (this file runs from dist/scripts). */
export const repoRoot = path.resolve(__dirname, "../..");

export const pulumiLauncher = path.join(repoRoot, "node_modules", ".bin", "pulumi");
const cliVersion: string = require(path.join(repoRoot, "node_modules", "pulumi", "package.json")).version;

export function localPulumiEnv(stateDir: string, passphrase: string, extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PATH: `${path.join(repoRoot, "node_modules", ".bin")}${path.delimiter}${process.env.PATH ?? ""}`,
    PULUMI_BACKEND_URL: `file://${stateDir}`,
    PULUMI_CONFIG_PASSPHRASE: passphrase,
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK: "true",
    ...extra,
  };
}

/** A missing CLI fails loudly: nothing here skips. */
export function assertCliInstalled(): void {
  const home = process.env.PULUMI_HOME ?? path.join(os.homedir(), ".pulumi");
  const cli = path.join(home, "versions", cliVersion, "bin", "pulumi");
  if (!fs.existsSync(cli)) {
    throw new Error(
      `The Pulumi CLI v${cliVersion} is not installed at ${cli}. Run \`npm run pulumi:install\` ` +
        "(builds it from Go modules) or `npx pulumi version` (downloads it), then run again.",
    );
  }
}

/** Pulumi YAML programs also need the YAML language host beside the CLI: fails loudly when it is not there. */
export function assertYamlHostInstalled(): void {
  assertCliInstalled();
  const home = process.env.PULUMI_HOME ?? path.join(os.homedir(), ".pulumi");
  const host = path.join(home, "versions", cliVersion, "bin", "pulumi-language-yaml");
  if (!fs.existsSync(host)) {
    throw new Error(`The Pulumi YAML language host is not installed at ${host}. Run \`npm run pulumi:install\` (builds it from Go modules), then run again.`);
  }
}
