import * as assert from "node:assert/strict";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { theBlock } from "./code-blocks";
import { requireCommand, run } from "./run-command";

// What docs/languages.md says was checked: `npm run sdk`'s SDKs, and the guide's programs.
const root = join(__dirname, "..", "..", "..");
const guide = readFileSync(join(root, "docs", "languages.md"), "utf8");
const version = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string }).version;
const schema = JSON.parse(readFileSync(join(root, "provider", "schema", "schema.json"), "utf8")) as { resources: Record<string, unknown> };
const tokens = Object.keys(schema.resources);
/** The Pulumi release the CLI is built from, which the Go SDK requires (scripts/sdk-gen.sh). */
const cliPulumi = `v${(JSON.parse(readFileSync(join(root, "node_modules", "pulumi", "package.json"), "utf8")) as { version: string }).version}`;

function filesUnder(folder: string, extension: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: "utf8" })
    .map((name) => join(folder, name))
    .filter((path) => path.endsWith(extension) && statSync(path).isFile());
}

function textOf(folder: string, extension: string): string {
  return filesUnder(folder, extension).map((path) => readFileSync(path, "utf8")).join("\n");
}

describe("SDKs for other languages (npm run sdk, docs/languages.md)", function () {
  // Cold: building sdk-gen and sdk/v3 takes several minutes; warm, seconds.
  this.timeout(15 * 60_000);
  let out: string;

  before(async () => {
    requireCommand("go", "build scripts/go/sdk-gen and the generated Go SDK");
    out = mkdtempSync(join(tmpdir(), "servicenow-sdks-"));
    await run("bash", [join(root, "scripts", "sdk-gen.sh"), out], root);
  });

  after(() => {
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it("writes every resource of the schema into each language's SDK, at the plugin's version", () => {
    const markers: Record<string, [string, (token: string) => string]> = {
      go: [".go", (token) => `ctx.RegisterResource("${token}"`],
      python: [".py", (token) => `@pulumi.type_token("${token}")`],
      dotnet: [".cs", (token) => `[SpokesResourceType("${token}")]`],
      nodejs: [".ts", (token) => `__pulumiType = '${token}'`],
    };
    assert.ok(tokens.length >= 17, `the schema has ${tokens.length} resources`);
    for (const [language, [extension, marker]] of Object.entries(markers)) {
      const text = textOf(join(out, language), extension);
      for (const token of tokens) assert.ok(text.includes(marker(token)), `${language} SDK lacks ${token}`);
    }
    const plugin = { resource: true, name: "servicenow", version };
    for (const file of ["go/servicenow/pulumi-plugin.json", "python/pulumi_servicenow_spokes/pulumi-plugin.json", "dotnet/pulumi-plugin.json"]) {
      assert.deepEqual(JSON.parse(readFileSync(join(out, file), "utf8")), plugin, file);
    }
    assert.deepEqual((JSON.parse(readFileSync(join(out, "nodejs", "package.json"), "utf8")) as { pulumi: unknown }).pulumi, plugin);
    assert.match(readFileSync(join(out, "python", "pyproject.toml"), "utf8"), new RegExp(`^\\s*version = "${version}"$`, "m"));
    assert.equal(readFileSync(join(out, "dotnet", "version.txt"), "utf8").trim(), version);
  });

  it("Go: the SDK builds and vets, and the guide's program runs under Pulumi's mocks", async () => {
    const sdk = join(out, "go");
    assert.match(readFileSync(join(sdk, "go.mod"), "utf8"), /^module pulumi-servicenow-spokes\/sdk\/go$/m);
    assert.match(readFileSync(join(sdk, "go.mod"), "utf8"), new RegExp(`^require github\\.com/pulumi/pulumi/sdk/v3 ${cliPulumi}$`, "m"));
    await run("go", ["mod", "tidy"], sdk);
    await run("go", ["build", "./..."], sdk);
    await run("go", ["vet", "./..."], sdk);

    const program = join(out, "program-go");
    mkdirSync(program);
    const goMod = theBlock(guide, "the Go program's go.mod", (block) => block.code.startsWith("module "));
    writeFileSync(join(program, "go.mod"), goMod.replace("=> ../pulumi-servicenow-spokes/sdk/go", "=> ../go"));
    writeFileSync(join(program, "main.go"), theBlock(guide, "the Go program", (block) => block.language === "go"));
    copyFileSync(join(root, "test", "sdk", "go-program", "program_test.go"), join(program, "program_test.go"));
    await run("go", ["mod", "tidy"], program);
    await run("go", ["vet", "./..."], program);
    const tested = await run("go", ["test", "-count=1", "-v", "./..."], program, { SERVICENOW_PLUGIN_VERSION: version });
    assert.match(tested, /--- PASS: TestTheDocumentedProgram/);
  });

  it("Node.js: the SDK type-checks against this package's @pulumi/pulumi", async () => {
    const sdk = join(out, "nodejs");
    symlinkSync(join(root, "node_modules"), join(sdk, "node_modules"), "dir");
    await run(process.execPath, [join(root, "node_modules", "typescript", "bin", "tsc"), "-p", sdk, "--noEmit"], sdk);
  });

  it("Python: every file compiles, and the guide's program names only what the SDK declares", async () => {
    requireCommand("python3", "compile the generated Python SDK");
    const sdk = join(out, "python");
    await run("python3", ["-m", "compileall", "-q", sdk], sdk);
    const example = theBlock(guide, "the Python program", (block) => block.language === "python");
    writeFileSync(join(out, "program.py"), example);
    await run("python3", ["-m", "py_compile", join(out, "program.py")], out);

    const files = filesUnder(join(sdk, "pulumi_servicenow_spokes"), ".py").map((path) => readFileSync(path, "utf8"));
    const used = [...example.matchAll(/servicenow\.(\w+)\(([^)]*(?:\([^)]*\)[^)]*)*)\)/g)];
    assert.deepEqual(used.map((call) => call[1]), ["SumTotalConnection", "SystemProperty"]);
    for (const [, className, args] of used) {
      const file = files.find((text) => text.includes(`class ${className}(pulumi.CustomResource):`));
      assert.ok(file, `no class ${className}`);
      for (const [, keyword] of args!.matchAll(/(\w+)=/g)) assert.match(file, new RegExp(`^\\s+${keyword}: `, "m"), `${className}(${keyword}=...)`);
    }
    for (const [, output] of example.matchAll(/(?<![.\w])sumtotal\.(\w+)/g)) assert.ok(files.some((text) => text.includes(`def ${output}(self)`)), `sumtotal.${output}`);
  });

  it(".NET: the project carries the version and icon, and the guide's program names only what the SDK declares", () => {
    const sdk = join(out, "dotnet");
    const project = readFileSync(join(sdk, "ServiceNow.Spokes.csproj"), "utf8");
    assert.match(project, new RegExp(`<Version>${version}</Version>`));
    assert.match(project, /<PackageReference Include="Pulumi" Version="[^"]+" \/>/);
    assert.deepEqual([...readFileSync(join(sdk, "logo.png")).subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47], "logo.png is a PNG");

    const example = theBlock(guide, "the C# program", (block) => block.language === "csharp");
    assert.match(example, /^using ServiceNow\.Spokes;$/m);
    assert.match(textOf(sdk, ".cs"), /^namespace ServiceNow\.Spokes$/m);
    const used = [...example.matchAll(/new (\w+)Args\s*\{([^}]*)\}/g)];
    assert.deepEqual(used.map((call) => call[1]), ["SumTotalConnection", "SystemProperty"]);
    for (const [, className, members] of used) {
      const file = readFileSync(join(sdk, `${className}.cs`), "utf8");
      assert.match(file, new RegExp(`public partial class ${className} : global::Pulumi\\.CustomResource`));
      assert.match(file, new RegExp(`public sealed class ${className}Args : global::Pulumi\\.ResourceArgs`));
      for (const [, member] of members!.matchAll(/(\w+)\s*=/g)) assert.match(file, new RegExp(`public Input<\\w+>\\??\\s+${member}\\b`), `${className}Args.${member}`);
    }
    for (const [, output] of example.matchAll(/(?<![.\w])sumtotal\.(\w+)/g)) {
      assert.match(readFileSync(join(sdk, "SumTotalConnection.cs"), "utf8"), new RegExp(`public Output<\\w+> ${output} \\{`), `sumtotal.${output}`);
    }
  });
});
