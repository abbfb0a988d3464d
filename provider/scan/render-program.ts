import type { InstallSource } from "./install-source";
import { secretConfigKey, secretsOf, type ProgramResource } from "./merge-stacks";

/**
 * The program: one `present(...)` per resource, reading the resource's values from this
 * stack's config (`Pulumi.<stack>.yaml`), its secrets with `config.requireSecret`, and
 * adopting what the instance has (`adopt: true`). Every non-secret value is config, on every
 * stack, identical or not: the program is the same for each instance, and what differs
 * between instances is only ever in the stack files.
 */

export const generatedHeader = "// Written by `pulumi-servicenow-spokes scan`";

export interface ProgramNotes {
  /** By stack: what the instance holds that the program does not manage. */
  readonly uncovered: ReadonlyMap<string, readonly string[]>;
}

export function renderProgram(resources: readonly ProgramResource[], stacks: readonly string[], notes: ProgramNotes): string {
  const referenced = new Set(resources.flatMap((resource) => [...resource.stacks.values()].flatMap((scanned) => Object.values(scanned.references))));
  const lines = [
    `${generatedHeader} from the stack(s) ${stacks.join(", ")}. Scan again to regenerate.`,
    "// Each resource's values are in Pulumi.<stack>.yaml under its key; a stack whose config has no",
    "// such key does not get it. Secrets cannot be read back from an instance: set them with",
    "// `pulumi config set --secret` (the scan printed one line per secret). `adopt: true` takes",
    "// over what the instance has: `pulumi up` creates nothing that is already there.",
    `import * as pulumi from "@pulumi/pulumi";`,
    `import * as snow from "pulumi-servicenow-spokes";`,
    "",
    "const config = new pulumi.Config();",
    "",
    "/** Makes the resource when this stack's config has its values. */",
    "function present<Args, Made>(key: string, make: (args: Args) => Made): Made | undefined {",
    "  const args = config.getObject<Args>(key);",
    "  return args === undefined ? undefined : make(args);",
    "}",
    "",
    "/** A resource another one refers to (both come from one connection, so both are on the stack). */",
    "function needs<Made>(made: Made | undefined, key: string): Made {",
    "  if (made === undefined) throw new Error(`this stack's config has no \\`${key}\\`, which another resource refers to`);",
    "  return made;",
    "}",
  ];
  for (const resource of resources) lines.push("", ...renderResource(resource, resources, referenced.has(resource.name)));
  const uncovered = [...notes.uncovered].filter(([, items]) => items.length > 0);
  if (uncovered.length > 0) {
    lines.push("", "// Left out of this program (no kind can adopt it):");
    for (const [stack, items] of uncovered) for (const item of items) lines.push(`//   ${stack}: ${item}`);
  }
  return `${lines.join("\n")}\n`;
}

function renderResource(resource: ProgramResource, all: readonly ProgramResource[], isReferenced: boolean): string[] {
  const scans = [...resource.stacks.entries()];
  const first = scans[0]![1];
  const lines = [`// ${first.describes} (${scans.map(([stack]) => stack).join(", ")})`];
  for (const [stack, scanned] of scans) for (const note of scanned.notes) lines.push(`// NOTE ${stack}: ${note}`);

  const secrets = secretsOf(resource);
  const references = first.references;
  // A map input with secrets and plain values (SpokeConnection's form) keeps its plain values in config.
  const mixed = new Set(secrets.filter((secret) => secret.key !== undefined && isMap(first.values[secret.input])).map((secret) => secret.input));
  const omitted = [...new Set([...secrets.map((secret) => secret.input).filter((input) => !mixed.has(input)), ...Object.keys(references), "adopt"])];
  const fields: string[] = ["...args"];
  const scalarSecrets = secrets.filter((secret) => secret.key === undefined);
  const mapSecrets = new Map<string, string[]>();
  for (const secret of secrets.filter((candidate) => candidate.key !== undefined)) {
    mapSecrets.set(secret.input, [...(mapSecrets.get(secret.input) ?? []), `${JSON.stringify(secret.key)}: config.requireSecret(${JSON.stringify(secretConfigKey(resource, secret))})`]);
  }
  for (const secret of scalarSecrets) fields.push(`${secret.input}: config.requireSecret(${JSON.stringify(secretConfigKey(resource, secret))})`);
  for (const [input, entries] of mapSecrets) fields.push(`${input}: { ${mixed.has(input) ? `...args.${input}, ` : ""}${entries.join(", ")} }`);
  for (const [input, target] of Object.entries(references)) {
    const targetKey = all.find((candidate) => candidate.name === target)?.configKey ?? target;
    fields.push(`${input}: needs(${targetKey}, ${JSON.stringify(targetKey)}).sysId`);
  }
  fields.push("adopt: true");

  const argsType = `Omit<snow.${resource.kind}Args, ${omitted.map((name) => JSON.stringify(name)).join(" | ")}>`;
  const made = `new snow.${resource.kind}(${JSON.stringify(resource.name)}, { ${fields.join(", ")} })`;
  const statement = `present(${JSON.stringify(resource.configKey)}, (args: ${argsType}) =>\n  ${made},\n);`;
  lines.push(isReferenced ? `const ${resource.configKey} = ${statement}` : statement);
  return lines;
}

/**
 * The project files around the program, written only where missing. The package comes from
 * where the running one was installed from (install-source.ts); from the registry, a `//` entry
 * (npm's comment convention) says to change it when the package comes from elsewhere.
 */
export function projectFiles(project: string, source: InstallSource): Record<string, string> {
  const comment = source.kind === "registry" ? { "//": `pulumi-servicenow-spokes: from the npm registry; if you install it from a tarball or git, put that source here (npm install <tarball or git URL>)` } : {};
  return {
    "Pulumi.yaml": `name: ${project}\ndescription: Integration Hub spoke configuration, brought under management by pulumi-servicenow-spokes scan\nruntime:\n  name: nodejs\n  options:\n    typescript: true\n`,
    "package.json": `${JSON.stringify(
      {
        ...comment,
        name: project,
        private: true,
        main: "index.ts",
        dependencies: { "@pulumi/pulumi": "^3.259.0", "pulumi-servicenow-spokes": source.spec },
        devDependencies: { "@types/node": "^24.0.0", "ts-node": "^10.9.2", typescript: "^5.9.3" },
      },
      null,
      2,
    )}\n`,
    "tsconfig.json": `${JSON.stringify({ compilerOptions: { strict: true, target: "ES2022", module: "commonjs", esModuleInterop: true, skipLibCheck: true } }, null, 2)}\n`,
  };
}

function isMap(value: unknown): boolean {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
