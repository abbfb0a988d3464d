import * as assert from "node:assert/strict";
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { start, type RunningEmulator } from "../../emulator";
import { assertCliInstalled, localPulumiEnv, repoRoot } from "../../scripts/local-pulumi";

/**
 * The README's "Using it from your own program", walked line by line as a user would: an
 * empty folder, the packed tarball installed with npm, the README's program, stack config,
 * `pulumi up` against the emulator, then no change on a refresh, then destroy. Only the
 * placeholders are filled in (the emulator's URL and credentials), and `--yes
 * --non-interactive` added where pulumi would ask. Then the same stack switched to the plugin,
 * with the two changes "Faster runs" gives. Also: the package installs from a git URL.
 */
const readme = fs.readFileSync(path.join(repoRoot, "README.md"), "utf8");

function block(language: string, after: string): string {
  const from = readme.indexOf(after);
  assert.ok(from >= 0, `README has no "${after}"`);
  const start = readme.indexOf("```" + language + "\n", from);
  return readme.slice(start + language.length + 4, readme.indexOf("```", start + 3));
}

function shell(command: string, cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile("bash", ["-c", command], { cwd, env, maxBuffer: 64 * 1024 * 1024, timeout: 10 * 60_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, output: `${stdout}\n${stderr}` }),
    );
  });
}

async function must(command: string, cwd: string, env: NodeJS.ProcessEnv): Promise<string> {
  const result = await shell(command, cwd, env);
  assert.equal(result.code, 0, `\`${command}\` failed:\n${result.output}`);
  return result.output;
}

describe("the README's user path, through npm and the real CLI", function () {
  this.timeout(900_000);
  let emulator: RunningEmulator;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "snow-user-"));
  const env = localPulumiEnv(path.join(work, "state"), "user-passphrase");
  const project = path.join(work, "project");

  before(async () => {
    assertCliInstalled();
    fs.mkdirSync(path.join(work, "state"));
    emulator = await start({ quiet: true });
  });
  after(async () => {
    await emulator.stop();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it("an empty folder, npm install of the packed tarball, the README's program: up, no change on refresh, destroy", async () => {
    const packed = JSON.parse(await must(`npm pack --json --ignore-scripts --pack-destination ${JSON.stringify(work)} 2>/dev/null`, repoRoot, env));
    fs.mkdirSync(project);
    fs.copyFileSync(path.join(work, packed[0].filename), path.join(project, packed[0].filename));

    const fill: [string, string][] = [
      ["https://dev12345.service-now.com", emulator.url],
      ["svc.pulumi", emulator.admin.username],
      ["<password>", emulator.admin.password],
      ["<the SumTotal OAuth client secret>", "user-path-sumtotal-secret"],
    ];
    for (const line of block("sh", "## Using it from your own program").split("\n").filter((l) => l.trim() !== "")) {
      if (line.startsWith("# index.ts")) {
        fs.writeFileSync(path.join(project, "index.ts"), block("ts", "# pulumi-servicenow-spokes"));
        continue;
      }
      let command = fill.reduce((text, [placeholder, value]) => text.split(placeholder).join(value), line);
      if (/^pulumi (up|destroy)\b/.test(command)) command += " --yes --non-interactive --skip-preview";
      if (command.startsWith("npm install")) command += " --no-audit --no-fund --prefer-offline";
      await must(command, project, env);
    }
    assert.ok(!fs.lstatSync(path.join(project, "node_modules", "pulumi-servicenow-spokes")).isSymbolicLink(), "npm installed a real folder");
    assert.equal(emulator.records("http_connection", "name=SumTotal").length, 1, "pulumi up made the SumTotal connection");

    const clean = await shell("pulumi preview --refresh --expect-no-changes --non-interactive", project, env);
    assert.equal(clean.code, 0, clean.output);
    assert.doesNotMatch(clean.output, /Warning/, "no warning a user would have to read");
    await must("pulumi destroy --yes --non-interactive --skip-preview", project, env);
    assert.equal(emulator.records("http_connection", "name=SumTotal").length, 0);
  });

  it("the same stack switched to the plugin with the README's new import and Pulumi.yaml: no change, the same records; refresh, destroy", async () => {
    await must("pulumi up --yes --non-interactive --skip-preview", project, env);
    const made = emulator.records("http_connection", "name=SumTotal").map((record) => record.sys_id);
    assert.equal(made.length, 1, "the dynamic classes made the SumTotal connection again");
    const importLine = block("ts", "### Faster runs").trim();
    const program = fs.readFileSync(path.join(project, "index.ts"), "utf8");
    assert.match(program, /^import \* as snow from "pulumi-servicenow-spokes";$/m, "the program the first walk ran");
    fs.writeFileSync(path.join(project, "index.ts"), program.replace(/^import \* as snow from "pulumi-servicenow-spokes";$/m, importLine));
    fs.writeFileSync(path.join(project, "Pulumi.yaml"), block("yaml", "### Faster runs"));
    // The switch itself changes nothing: each plugin resource is an alias of its dynamic one.
    const switched = await shell("pulumi preview --expect-no-changes --non-interactive", project, env);
    assert.equal(switched.code, 0, switched.output);
    await must("pulumi up --yes --non-interactive --skip-preview", project, env);
    assert.deepEqual(emulator.records("http_connection", "name=SumTotal").map((record) => record.sys_id), made, "the same connection, not made again");
    const state = await must("pulumi stack export", project, env);
    assert.ok(!state.includes("user-path-sumtotal-secret"), "the client secret is in the state in plaintext");
    const types = (JSON.parse(state) as { deployment: { resources: { type: string }[] } }).deployment.resources.map((resource) => resource.type);
    assert.ok(types.includes("servicenow:index:SumTotalConnection"), `the plugin's resource type: ${types.join(", ")}`);
    assert.ok(!types.some((type) => type.startsWith("pulumi-nodejs:dynamic")), "no dynamic resource left");
    const clean = await shell("pulumi preview --refresh --expect-no-changes --non-interactive", project, env);
    assert.equal(clean.code, 0, clean.output);
    assert.doesNotMatch(clean.output, /Warning/, "no warning a user would have to read");
    assert.ok(!`${switched.output}${clean.output}`.includes("user-path-sumtotal-secret"), "the secret stays out of the output");
    await must("pulumi destroy --yes --non-interactive --skip-preview", project, env);
    assert.equal(emulator.records("http_connection", "name=SumTotal").length, 0);
  });

  it("installs from a git URL: npm builds dist/ on install (prepare)", async () => {
    const clone = path.join(work, "clone");
    await must(`git clone --quiet ${JSON.stringify(repoRoot)} ${JSON.stringify(clone)}`, work, env);
    const project = path.join(work, "from-git");
    fs.mkdirSync(project);
    await must(`npm install --no-audit --no-fund --prefer-offline ${JSON.stringify(`git+file://${clone}`)}`, project, env);
    const installed = path.join(project, "node_modules", "pulumi-servicenow-spokes");
    assert.ok(fs.existsSync(path.join(installed, "dist", "provider", "index.js")), "the package from git has its build");
    const loaded = await must(`node -e 'console.log(Object.keys(require("pulumi-servicenow-spokes")).includes("SumTotalConnection"))'`, project, env);
    assert.match(loaded, /true/);
  });
});
