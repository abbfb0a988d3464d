import * as fs from "node:fs";
import * as path from "node:path";
import type { RunningEmulator } from "../../emulator";
import { assertYamlHostInstalled } from "../../scripts/local-pulumi";
import { PulumiProject, repoRoot, type ProjectOptions } from "./pulumi-project";

/** Where a YAML program finds the plugin: the package as installed (a real folder, as npm installs it). */
export const pluginFolder = path.join(repoRoot, "node_modules", "pulumi-servicenow-spokes");

/** A Pulumi YAML project with the given program body (resources, outputs, ...), using the plugin. */
export async function yamlProject(body: string, options: Omit<ProjectOptions, "program" | "fromDirectory"> = {}): Promise<PulumiProject> {
  assertYamlHostInstalled();
  const project = await PulumiProject.create({ ...options, program: "// unused: a Pulumi YAML project\n" });
  for (const file of ["index.ts", "package.json", "tsconfig.json"]) fs.rmSync(path.join(project.dir, file), { force: true });
  fs.writeFileSync(path.join(project.dir, "Pulumi.yaml"), `name: e2e\nruntime: yaml\npackages:\n  servicenow: ${pluginFolder}\n${body}`);
  return project;
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
