import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { RunningEmulator } from "../../emulator";
import { assertYamlHostInstalled } from "../../scripts/local-pulumi";
import { PulumiProject, repoRoot, type ProjectOptions } from "./pulumi-project";

/** Where a YAML program finds the plugin: the package as installed (a real folder, as npm installs it). */
export const pluginFolder = path.join(repoRoot, "node_modules", "pulumi-servicenow-spokes");

/**
 * How a Pulumi YAML project finds a plugin and holds its program:
 * - `packages`: the plugin's folder under `packages:` and the program in Pulumi.yaml, as the
 *   README's quickstart and examples/yaml have it;
 * - `pipeline`: the plugin under `plugins: providers:` with its version, with which Pulumi YAML
 *   keeps the schema in a file beside the package folder and, after the first command, starts
 *   no plugin process of its own for it (with `packages:` it does on every command), and the program in Main.yaml, which Pulumi YAML reads
 *   first, so that the CLI's several reads of Pulumi.yaml per command stay small (README,
 *   "Large programs and pipelines").
 */
export type YamlLayout = "packages" | "pipeline";

/** A provider plugin as a YAML project names it: its package name, its folder and its version. */
export interface YamlPlugin {
  readonly name: string;
  readonly folder: string;
  readonly version: string;
}

/** This package's plugin, as installed. */
export const servicenowPlugin = (): YamlPlugin => ({
  name: "servicenow",
  folder: pluginFolder,
  version: (JSON.parse(fs.readFileSync(path.join(pluginFolder, "package.json"), "utf8")) as { version: string }).version,
});

export interface YamlProjectOptions extends Omit<ProjectOptions, "program" | "fromDirectory"> {
  /** The project's name (`e2e` unless told): the namespace of its own config keys. */
  readonly name?: string;
  readonly layout?: YamlLayout;
  /** The plugin the program uses (this package's unless told). */
  readonly plugin?: YamlPlugin;
}

/** A Pulumi YAML project with the given program body (resources, outputs, ...), using the plugin. */
export async function yamlProject(body: string, options: YamlProjectOptions = {}): Promise<PulumiProject> {
  assertYamlHostInstalled();
  const { name = "e2e", layout = "packages", plugin = servicenowPlugin(), ...projectOptions } = options;
  const header = `name: ${name}\nruntime: yaml\n`;
  const files: Record<string, string> =
    layout === "packages"
      ? { "Pulumi.yaml": `${header}packages:\n  ${plugin.name}: ${plugin.folder}\n${body}` }
      : { "Pulumi.yaml": `${header}plugins:\n  providers:\n    - name: ${plugin.name}\n      path: ${plugin.folder}\n      version: ${plugin.version}\n`, "Main.yaml": body };
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "snow-yaml-"));
  try {
    for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(folder, file), text);
    return await PulumiProject.create({ ...projectOptions, fromDirectory: folder });
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

/** Puts the resources of code that `pulumi import -o` generated into the project's Pulumi.yaml. */
export function addGeneratedResources(project: PulumiProject, generatedFile: string): string {
  const generated = fs.readFileSync(generatedFile, "utf8");
  const resources = generated.split(/^resources:\n/m)[1];
  if (resources === undefined) throw new Error(`no resources in the generated code:\n${generated}`);
  const file = path.join(project.dir, "Pulumi.yaml");
  const program = fs.readFileSync(file, "utf8");
  fs.writeFileSync(file, /^resources:\n/m.test(program) ? program.replace(/^resources:\n/m, `resources:\n${resources}`) : `${program}\nresources:\n${resources}`);
  return resources;
}

/** Sets a property that generated code has (a secret it left empty) to a value or expression. */
export function setProperty(project: PulumiProject, name: string, value: string): void {
  const file = path.join(project.dir, "Pulumi.yaml");
  const program = fs.readFileSync(file, "utf8");
  const pattern = new RegExp(`^(      ${name}): .*$`, "m");
  if (!pattern.test(program)) throw new Error(`no property ${name} in:\n${program}`);
  fs.writeFileSync(file, program.replace(pattern, `$1: ${value}`));
}

/** A change made behind Pulumi's back: a PATCH of the Table API, as a person in the UI would make it. */
export async function patchRecord(emulator: RunningEmulator, table: string, sysId: string, fields: Readonly<Record<string, string>>): Promise<void> {
  const response = await fetch(`${emulator.url}/api/now/table/${table}/${sysId}`, {
    method: "PATCH",
    headers: {
      authorization: `Basic ${Buffer.from(`${emulator.admin.username}:${emulator.admin.password}`).toString("base64")}`,
      "content-type": "application/json",
      accept: "application/json",
    },
    body: JSON.stringify(fields),
  });
  if (!response.ok) throw new Error(`PATCH ${table}/${sysId}: ${response.status} ${await response.text()}`);
}
