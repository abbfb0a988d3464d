import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { start, type RunningEmulator } from "../../emulator";
import { assertYamlHostInstalled } from "../../scripts/local-pulumi";
import { PulumiProject, repoRoot } from "./pulumi-project";
import { servicenowPlugin } from "./yaml-program";

/**
 * The README's "Pulumi YAML" quickstart: its Pulumi.yaml, as written there, run with the stack
 * config its commands set, against the emulator. The package comes from the repository's
 * node_modules (installed as npm installs it), where `./node_modules/...` of the README points.
 */
const readme = fs.readFileSync(path.join(repoRoot, "README.md"), "utf8");
const section = readme.slice(readme.indexOf("## Pulumi YAML\n"), readme.indexOf("\n## ", readme.indexOf("## Pulumi YAML\n") + 5));
const program = /cat > Pulumi\.yaml <<'YAML'\n([^]*?)\nYAML\n/.exec(section)?.[1];
/** "Large programs and pipelines": the Pulumi.yaml of the layout that moves the program to Main.yaml. */
const pipeline = section.slice(section.indexOf("### Large programs and pipelines"));
const pipelineProjectFile = /```yaml\n([^]*?)```/.exec(pipeline)?.[1];

/** A project of the README's files, signed in to the emulator as its commands say. */
async function readmeProject(emulator: RunningEmulator, files: Readonly<Record<string, string>>): Promise<PulumiProject> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "readme-yaml-"));
  try {
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(folder, name), `${text}\n`);
    return await PulumiProject.create({
      fromDirectory: folder,
      stack: "dev",
      config: { "servicenow:instanceUrl": emulator.url, "servicenow:username": emulator.admin.username },
      secrets: { "servicenow:password": emulator.admin.password, "spokes-yaml:sumtotalClientSecret": "readme-yaml-Secret-77" },
    });
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * Runs `up` and counts the plugin processes it started: a preload (through NODE_OPTIONS, which
 * only observes) records each Node process's script, and the plugin's is its executable. A
 * preview runs first: with a version under `plugins:`, Pulumi YAML keeps the schema in a file
 * beside the package folder from the first command after an install on, and starts no plugin of
 * its own for it afterwards.
 */
async function upCountingPluginProcesses(project: PulumiProject): Promise<{ output: string; pluginProcesses: number }> {
  await project.must(["preview", "--non-interactive"]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plugin-starts-"));
  const record = path.join(dir, "started");
  fs.writeFileSync(path.join(dir, "record.js"), `require("node:fs").appendFileSync(${JSON.stringify(record)}, (process.argv[1] ?? "") + "\\n");\n`);
  project.env.NODE_OPTIONS = `--require ${path.join(dir, "record.js")}`;
  try {
    const up = await project.up();
    const started = fs.existsSync(record) ? fs.readFileSync(record, "utf8").split("\n") : [];
    return { output: up.output, pluginProcesses: started.filter((script) => script.endsWith("pulumi-resource-servicenow")).length };
  } finally {
    delete project.env.NODE_OPTIONS;
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Up (starting the plugin `pluginProcesses` times), then the connection is there and named by the
 * output, a refresh shows no change, the secret stays out, destroy removes it.
 */
async function upRefreshDestroy(emulator: RunningEmulator, project: PulumiProject, pluginProcesses: number): Promise<void> {
  const up = await upCountingPluginProcesses(project);
  assert.equal(up.pluginProcesses, pluginProcesses, "plugin processes that pulumi up started");
  const connection = emulator.records("http_connection", "name=SumTotal");
  assert.equal(connection.length, 1);
  assert.equal((await project.outputs()).connectionSysId, connection[0]!.sys_id);
  await project.must(["preview", "--non-interactive", "--refresh", "--expect-no-changes"]);
  assert.ok(!`${up.output}${await project.exportedState()}`.includes("readme-yaml-Secret-77"), "the secret stays secret");
  await project.destroy();
  assert.equal(emulator.records("http_connection", "name=SumTotal").length, 0);
}

describe("the README's Pulumi YAML quickstart, through the real CLI", function () {
  this.timeout(5 * 60_000);
  let emulator: RunningEmulator;
  before(async () => {
    assert.ok(program, "the README's Pulumi YAML section has its Pulumi.yaml");
    assertYamlHostInstalled();
    emulator = await start({ quiet: true });
  });
  after(async () => {
    await emulator?.stop();
  });

  it("pulumi up makes the SumTotal records, the output names the connection, and a refresh shows no change", async () => {
    const project = await readmeProject(emulator, { "Pulumi.yaml": program! });
    try {
      // With packages:, Pulumi YAML starts a plugin of its own for the schema, and the engine another.
      await upRefreshDestroy(emulator, project, 2);
    } finally {
      project.dispose();
    }
  });

  it("the same program in the layout for large programs (Main.yaml, the plugin under plugins: with the package's version), with one plugin process", async () => {
    assert.ok(pipelineProjectFile, "the README's pipeline layout has its Pulumi.yaml");
    assert.match(pipelineProjectFile, new RegExp(`version: ${servicenowPlugin().version.replace(/\./g, "\\.")}\\b`), "the README names the package's version");
    const body = program!.slice(program!.indexOf("config:"));
    const project = await readmeProject(emulator, { "Pulumi.yaml": pipelineProjectFile, "Main.yaml": body });
    try {
      await upRefreshDestroy(emulator, project, 1);
    } finally {
      project.dispose();
    }
  });
});
