#!/usr/bin/env node
/**
 * `pulumi-servicenow-spokes scan [--stack dev] [--stack prod] [--out <dir>] [--include oauth-clients,users]`:
 * signs in to each stack's instance as the provider does (the `servicenow:*` config of the stack
 * in the project the scan runs in, else `SERVICENOW_*` / `SN_*` variables), reads its spoke
 * configuration, and writes one
 * program (index.ts, adopting everything) and one `Pulumi.<stack>.yaml` per stack. Prints the
 * `pulumi config set --secret` lines to run, what the program does not cover, and what differs
 * between the stacks. Exits 0 when written, 2 when it could not scan. Never prints a secret.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { clientFor, resetClientCache } from "../client/client-for";
import type { ProviderConfig } from "../config/provider-config";
import { isProviderConfigError } from "../config/provider-config-error";
import { resolveProviderConfig } from "../config/resolve-provider-config";
import { installSource } from "./install-source";
import { mapInstance } from "./map-resources";
import { differences, differencesTable, mergeStacks, secretConfigKey, secretsOf, type ProgramResource, type StackScan } from "./merge-stacks";
import { readInstance } from "./read-instance";
import { generatedHeader, projectFiles, renderProgram } from "./render-program";
import { mergeStackFile, type ConfigValue } from "./render-stack-config";
import { projectName, stackSettings, type SignInSetting, type StackSettings } from "./stack-settings";
import { UsageError } from "./usage-error";

const usage = `Usage: pulumi-servicenow-spokes scan [--stack <name>]... [--out <dir>] [--include oauth-clients,users] [--project <name>]

Reads the spoke configuration of each stack's instance and writes a Pulumi program that adopts it.
  --stack <name>   a stack (instance) to scan; repeat for dev and prod. Default: dev.
                   Signs in with the servicenow:* config of that stack of the project in the
                   current folder (Pulumi.<name>.yaml), else SERVICENOW_* variables.
  --out <dir>      the project folder to write (index.ts, Pulumi.<stack>.yaml, ...). Default: .
                   Another folder becomes a project of its own: its stack files get the
                   non-secret servicenow:* settings, and the secret ones are printed to set.
  --include <list> also oauth-clients (external OAuth clients) and/or users (web-service-only users).
  --project <name> the project name when <dir> has no Pulumi.yaml. Default: spokes, or the
                   folder's name when <dir> is not the current folder.
`;

const includable = ["oauth-clients", "users"] as const;

async function main(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: {
      stack: { type: "string", multiple: true },
      out: { type: "string" },
      include: { type: "string" },
      project: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    allowPositionals: true,
  });
  if (values.help || positionals[0] !== "scan" || positionals.length > 1) {
    (values.help ? process.stdout : process.stderr).write(usage);
    return values.help ? 0 : 2;
  }
  const include = (values.include ?? "").split(",").map((item) => item.trim()).filter((item) => item !== "");
  const unknown = include.filter((item) => !(includable as readonly string[]).includes(item));
  if (unknown.length > 0) throw new UsageError(`--include accepts ${includable.join(", ")}; got ${unknown.join(", ")}.`);
  const stacks = [...new Set(values.stack ?? ["dev"])];
  const out = path.resolve(values.out ?? ".");
  // Sign-in settings come from the project the scan runs in: --out is often a new folder, with no stacks yet.
  const settingsDir = process.cwd();
  const sameProject = out === path.resolve(settingsDir);
  const project = projectName(out) ?? values.project ?? (sameProject ? "spokes" : path.basename(out).replace(/[^A-Za-z0-9_.-]/g, "-"));
  if (!sameProject && project === projectName(settingsDir)) {
    // One backend holds one project's stacks by name: a second folder of that name would share them.
    throw new UsageError(
      projectName(out) === undefined
        ? `${out} would be a second project named ${project} beside the one in ${settingsDir}, sharing its stacks: name the new project with --project <name>.`
        : `${out} holds the project ${project}, as ${settingsDir} does: run the scan in ${out} itself, or --out a folder of another project.`,
    );
  }
  assertProgramIsOurs(path.join(out, "index.ts"));

  const scans: (StackScan & { instanceUrl: string; fromStack: boolean; signIn: readonly SignInSetting[] })[] = [];
  for (const stack of stacks) {
    const settings = stackSettings(stack, settingsDir);
    const config = signInConfig(stack, settings, settingsDir);
    const same = scans.find((scan) => scan.instanceUrl === config.instanceUrl);
    if (same) throw new UsageError(`the stacks ${same.stack} and ${stack} both sign in to ${config.instanceUrl}: give each stack its own \`servicenow:instanceUrl\` (pulumi config set servicenow:instanceUrl <url> --stack ${stack}).`);
    process.stdout.write(`Scanning ${stack}: ${config.instanceUrl} (settings from ${settings.fromStack ? `${settings.lookedIn}, then the environment` : "the environment"})\n`);
    const instance = await readInstance(clientFor(config), { oauthClients: include.includes("oauth-clients"), users: include.includes("users") });
    // A stack of another folder's project is not a stack of the written project: it starts from its sign-in settings.
    scans.push({ stack, result: mapInstance(instance), instanceUrl: config.instanceUrl, fromStack: settings.fromStack && sameProject, signIn: sameProject ? [] : settings.signIn });
  }
  const resources = mergeStacks(scans);
  fs.mkdirSync(out, { recursive: true });

  const written: string[] = [];
  const write = (file: string, text: string): void => {
    fs.writeFileSync(path.join(out, file), text);
    written.push(file);
  };
  write("index.ts", renderProgram(resources, stacks, { uncovered: new Map(scans.map((scan) => [scan.stack, scan.result.uncovered])) }));
  const source = installSource(path.join(__dirname, "..", "..", ".."), out);
  for (const [file, text] of Object.entries(projectFiles(project, source))) if (!fs.existsSync(path.join(out, file))) write(file, text);
  for (const scan of scans) {
    const entries = new Map<string, ConfigValue>();
    for (const setting of scan.signIn.filter((candidate) => !candidate.secret)) entries.set(setting.key, setting.value);
    if (!scan.fromStack) entries.set("servicenow:instanceUrl", scan.instanceUrl);
    for (const resource of resources) {
      const scanned = resource.stacks.get(scan.stack);
      if (scanned) entries.set(`${project}:${resource.configKey}`, scanned.values as ConfigValue);
    }
    const file = `Pulumi.${scan.stack}.yaml`;
    const existing = fs.existsSync(path.join(out, file)) ? fs.readFileSync(path.join(out, file), "utf8") : undefined;
    write(file, mergeStackFile(existing, entries));
  }

  const say = (text = ""): boolean => process.stdout.write(`${text}\n`);
  say();
  for (const scan of scans) say(`${scan.stack}: ${scan.result.resources.length} resource(s) to adopt.`);
  say(`Wrote ${written.join(", ")} in ${out}.`);
  if (written.includes("package.json")) {
    say(source.kind === "registry"
      ? `package.json asks for pulumi-servicenow-spokes@${source.spec} from the npm registry (${source.why}); if you install it from a tarball or git, put that there instead.`
      : `package.json takes pulumi-servicenow-spokes from ${source.spec}, where the running one was installed from (${source.from}).`);
  }
  const notes = scans.flatMap((scan) => scan.result.resources.flatMap((resource) => resource.notes.map((note) => `  ${scan.stack}: ${resource.kind} ${resource.name}: ${note}`)));
  if (notes.length > 0) say(`\nRead these before \`pulumi up\` (also NOTE comments in index.ts):\n${notes.join("\n")}`);
  const uncovered = scans.flatMap((scan) => scan.result.uncovered.map((item) => `  ${scan.stack}: ${item}`));
  if (uncovered.length > 0) say(`\nLeft out of the program (no kind can adopt it):\n${uncovered.join("\n")}`);
  say(`\n${secretLines(resources, scans, out)}`);
  if (stacks.length > 1) {
    const rows = differences(resources, stacks);
    say(rows.length === 0 ? `\nThe stacks ${stacks.join(" and ")} hold the same configuration.` : `\nWhat differs between ${stacks.join(" and ")} (secrets cannot be compared):\n\n${differencesTable(rows, stacks)}`);
  }
  say(`\nThen: npm install, and \`pulumi up --stack <stack>\` adopts everything (nothing that is there is created); \`pulumi preview --refresh --expect-no-changes\` is clean right after.`);
  return 0;
}

/** One `pulumi config set --secret` per secret and stack; pulumi asks for the value, so it is never on a command line. */
function secretLines(resources: readonly ProgramResource[], scans: readonly { stack: string; fromStack: boolean; signIn: readonly SignInSetting[] }[], out: string): string {
  const cwd = path.resolve(out) === process.cwd() ? "" : ` --cwd ${JSON.stringify(path.relative(process.cwd(), out) || ".")}`;
  const lines: [string, string][] = [];
  for (const scan of scans) {
    if (!scan.fromStack) lines.push([`pulumi stack init ${scan.stack}${cwd}`, ""]);
    for (const setting of scan.signIn.filter((candidate) => candidate.secret)) {
      lines.push([`pulumi config set --secret --stack ${scan.stack}${cwd} ${setting.key}`, `sign-in, as in stack ${scan.stack} of ${process.cwd()}`]);
    }
    for (const resource of resources) {
      if (!resource.stacks.has(scan.stack)) continue;
      for (const secret of secretsOf(resource)) {
        lines.push([`pulumi config set --secret --stack ${scan.stack}${cwd} ${secretConfigKey(resource, secret)}`, `${resource.kind} ${resource.name}: ${secret.label}`]);
      }
    }
  }
  const count = lines.filter(([command]) => command.includes("--secret")).length;
  if (count === 0) return "No secrets to set.";
  const width = Math.max(...lines.map(([command]) => command.length));
  const shown = lines.map(([command, what]) => (what === "" ? `  ${command}` : `  ${command.padEnd(width)}    # ${what}`));
  return `Secrets cannot be read back from an instance. Set each one (${count}; pulumi asks for the value):\n${shown.join("\n")}`;
}

/** A program someone wrote is never overwritten: only an empty one, or one a scan wrote. */
function assertProgramIsOurs(file: string): void {
  if (!fs.existsSync(file)) return;
  const text = fs.readFileSync(file, "utf8");
  if (text.trim() !== "" && !text.startsWith(generatedHeader)) {
    throw new UsageError(`${file} exists and was not written by a scan: scan into another folder (--out), or move it away.`);
  }
}

/** The provider's settings for one stack; a missing or invalid setting names the file the scan looked in. */
function signInConfig(stack: string, settings: StackSettings, dir: string): ProviderConfig {
  try {
    return resolveProviderConfig(settings.source, process.env);
  } catch (error) {
    if (!isProviderConfigError(error)) throw error;
    const where = settings.fromStack
      ? ` Run the \`pulumi config set\` commands above with \`--stack ${stack}\` in ${dir}.`
      : ` The scan reads each stack's servicenow:* settings from the Pulumi project in the folder it runs in, not from --out: run it in your project's folder, or set SERVICENOW_* variables.`;
    throw new UsageError(`stack ${stack}: ${error.message}\nLooked in ${settings.lookedIn}, then the environment.${where}`);
  }
}

main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    process.stderr.write(`pulumi-servicenow-spokes scan: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  })
  .finally(() => resetClientCache());
