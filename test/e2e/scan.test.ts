import * as assert from "node:assert/strict";
import { execFile, execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { start, type RunningEmulator } from "../../emulator";
import { assertCliInstalled, localPulumiEnv } from "../../scripts/local-pulumi";
import { configureByHand, demoDev, demoProd, type HandSecrets } from "../helpers/configure-by-hand";
import { PulumiProject, repoRoot } from "./pulumi-project";

/**
 * The migration path of README.md, "Migrating an instance configured by hand": two instances
 * (dev and prod) configured by hand through the Table API, a project whose stacks sign in to
 * them, `pulumi-servicenow-spokes scan --stack dev --stack prod`, the printed secrets set, the
 * program compiled, then `pulumi up` adopting everything with no POST at all, a clean
 * `pulumi preview --refresh --expect-no-changes`, and destroy giving the properties back.
 */

const passphrase = "e2e-passphrase";
const bin = path.join(repoRoot, "node_modules", "pulumi-servicenow-spokes", "dist", "provider", "scan", "cli.js");

/** What each printed secret key stands for in the hand configuration (Okta's form takes the token without `SSWS `). */
const secretOf: Record<string, string> = {
  sumtotalOauthClientSecret: "sumtotal OAuth Client Secret",
  qualtricsOauthClientSecret: "qualtrics OAuth Client Secret",
  qualtricsXApiToken: "qualtrics X-API-TOKEN",
  oktaKeyApiKey: "okta API token",
  workdayPassword: "workday Password",
  clientWorkboardClientSecret: "WorkBoard Client Secret",
  userSvcWorkboardPassword: "svc.workboard Password",
};

interface Scan {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function run(file: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Scan> {
  return new Promise((resolve) => {
    execFile(file, [...args], { cwd, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }));
  });
}

/** `pulumi config set --secret --stack <stack> <key>` lines, as printed. */
function printedSecrets(stdout: string): { stack: string; key: string }[] {
  return [...stdout.matchAll(/^ {2}pulumi config set --secret --stack (\S+) (\S+) {4,}# /gm)].map((match) => ({ stack: match[1]!, key: match[2]! }));
}

describe("real Pulumi CLI: pulumi-servicenow-spokes scan brings hand-made configuration under management", function () {
  this.timeout(900_000);
  const instances: Record<string, RunningEmulator> = {};
  const typed: Record<string, HandSecrets> = {};
  let dir = "";
  let env: NodeJS.ProcessEnv = {};
  let scan: Scan | undefined;
  const printed: string[] = [];

  before(async () => {
    for (const [stack, setup] of [["dev", demoDev], ["prod", demoProd]] as const) {
      instances[stack] = await start({ quiet: true });
      typed[stack] = await configureByHand(instances[stack]!, setup, stack);
    }
    // The user's project before the scan: a Pulumi.yaml, and one stack per instance that signs in to it.
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "snow-scan-"));
    fs.mkdirSync(path.join(dir, "state"));
    fs.symlinkSync(path.join(repoRoot, "node_modules"), path.join(dir, "node_modules"), "dir");
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: spokes\nruntime: nodejs\n");
    env = localPulumiEnv(path.join(dir, "state"), passphrase);
    for (const stack of ["dev", "prod"]) {
      const emulator = instances[stack]!;
      const pulumi = (args: string[]) => execFileSync("pulumi", args, { cwd: dir, env, stdio: "pipe" });
      pulumi(["stack", "init", stack, "--non-interactive"]);
      pulumi(["config", "set-all", "--stack", stack, "--plaintext", `servicenow:instanceUrl=${emulator.url}`, "--plaintext", `servicenow:username=${emulator.admin.username}`, "--secret", `servicenow:password=${emulator.admin.password}`]);
    }
  });
  after(async () => {
    if (dir !== "") fs.rmSync(dir, { recursive: true, force: true });
    for (const emulator of Object.values(instances)) await emulator.stop();
  });

  it("writes one program and a stack file per instance, prints one secret line per secret and what differs, and reads nothing but GETs", async () => {
    for (const emulator of Object.values(instances)) emulator.resetStats();
    scan = await run(process.execPath, [bin, "scan", "--stack", "dev", "--stack", "prod", "--include", "oauth-clients,users"], dir, env);
    printed.push(scan.stdout, scan.stderr);
    assert.equal(scan.code, 0, scan.stderr + scan.stdout);
    for (const emulator of Object.values(instances)) assert.deepEqual(Object.keys(emulator.stats().byMethod), ["GET"]);

    for (const file of ["index.ts", "package.json", "tsconfig.json", "Pulumi.dev.yaml", "Pulumi.prod.yaml"]) assert.ok(fs.existsSync(path.join(dir, file)), file);
    const dev = fs.readFileSync(path.join(dir, "Pulumi.dev.yaml"), "utf8");
    const prod = fs.readFileSync(path.join(dir, "Pulumi.prod.yaml"), "utf8");
    // The stacks' own settings are kept; the scanned values are added as config.
    assert.match(dev, /^encryptionsalt: /m);
    assert.match(dev, /servicenow:password:\n {4}secure: /);
    assert.match(dev, / {2}spokes:sumtotal:\n {4}connectionUrl: "https:\/\/acme-dev\.sumtotal\.host"/);
    assert.match(prod, / {2}spokes:sumtotal:\n {4}connectionUrl: "https:\/\/acme\.sumtotal\.host"/);
    assert.match(dev, /directoryId: "POOL_dev1a2B3c"/);
    assert.match(dev, / {2}spokes:workday:/);
    assert.doesNotMatch(prod, /spokes:workday:/);

    const secrets = printedSecrets(scan.stdout);
    assert.deepEqual(secrets.filter((line) => line.stack === "dev").map((line) => line.key).sort(), Object.keys(secretOf).sort());
    assert.deepEqual(secrets.filter((line) => line.stack === "prod").map((line) => line.key).sort(), ["oktaKeyApiKey", "qualtricsOauthClientSecret", "qualtricsXApiToken", "sumtotalOauthClientSecret"]);
    assert.match(scan.stdout, /SumTotalConnection sumtotal +connectionUrl +https:\/\/acme-dev\.sumtotal\.host +https:\/\/acme\.sumtotal\.host/);
    assert.match(scan.stdout, /SpokeConnection workday +\(resource\) +present +\(absent\)/);
    assert.match(scan.stdout, /no kind covers sys_connection: written as a TableRecord/);

    const program = fs.readFileSync(path.join(dir, "index.ts"), "utf8");
    for (const kind of ["SumTotalConnection", "QualtricsConnection", "OktaApiKeyCredential", "OktaConnection", "SpokeConnection", "TableRecord", "OAuthExternalClient", "IntegrationUser"]) {
      assert.match(program, new RegExp(`new snow\\.${kind}\\(`), kind);
    }
    assert.equal((program.match(/new snow\./g) ?? []).length, (program.match(/adopt: true }\)/g) ?? []).length);
    // The program compiles as the user's would.
    execFileSync(path.join(repoRoot, "node_modules", ".bin", "tsc"), ["--noEmit", "-p", dir], { stdio: "pipe" });
    assertNoSecret([...printed, program, dev, prod].join("\n"));
  });

  for (const stack of ["dev", "prod"]) {
    it(`${stack}: after the printed secrets are set, \`pulumi up\` adopts everything with no POST, preview --refresh --expect-no-changes is clean, destroy gives the properties back`, async () => {
      assert.ok(scan, "the scan ran");
      const emulator = instances[stack]!;
      const secrets = Object.fromEntries(printedSecrets(scan.stdout).filter((line) => line.stack === stack).map((line) => [line.key, typed[stack]![secretOf[line.key]!]!]));
      const project = await PulumiProject.create({
        fromDirectory: dir,
        stack,
        config: { "servicenow:instanceUrl": emulator.url, "servicenow:username": emulator.admin.username },
        secrets: { "servicenow:password": emulator.admin.password, ...Object.fromEntries(Object.entries(secrets).map(([key, value]) => [`spokes:${key}`, value])) },
      });
      try {
        const before = countRecords(emulator);
        emulator.resetStats();
        printed.push((await project.up()).output);
        const stats = emulator.stats();
        assert.equal(stats.byMethod.POST ?? 0, 0, `POSTs during up: ${JSON.stringify(stats.byTable)}`);
        assert.equal(stats.byMethod.DELETE ?? 0, 0);
        assert.deepEqual(countRecords(emulator), before, "no record made or removed");

        const preview = await project.preview("--refresh", "--expect-no-changes");
        printed.push(preview.output);
        assert.equal(preview.code, 0, preview.output);

        printed.push((await project.destroy()).output);
        const property = (name: string) => emulator.records("sys_properties", `name=${name}`)[0]?.value;
        assert.equal(property("sn_qualtrics_spoke.qualtrics_directory"), stack === "dev" ? "POOL_dev1a2B3c" : "POOL_prod9z8Y7x");
        if (stack === "dev") {
          assert.equal(property("x_acme_integrations.sync.batch_size"), "100");
          assert.equal(property("x_acme_integrations.sync.enabled"), "true");
        }
        // Adopted connections are managed: destroy removes them, as it would have removed what it created.
        assert.equal(emulator.records("http_connection", "name=SumTotal").length, 0);
        assert.equal(emulator.records("sys_properties", "nameSTARTSWITHpulumi.restore.").length, 0);
        assertNoSecret([...printed, await project.exportedState()].join("\n"));
      } finally {
        project.dispose();
      }
    });
  }

  function assertNoSecret(text: string): void {
    for (const [stack, secrets] of Object.entries(typed)) {
      for (const [field, value] of Object.entries(secrets)) assert.ok(!text.includes(value), `${stack} ${field} appears in plaintext`);
      assert.ok(!text.includes(instances[stack]!.admin.password), `${stack} admin password appears in plaintext`);
    }
  }
});

/** Records of the tables a spoke configuration lives in, by table. */
function countRecords(emulator: RunningEmulator): Record<string, number> {
  const tables = ["sys_alias", "http_connection", "sys_connection", "discovery_credentials", "oauth_entity", "oauth_entity_profile", "oauth_entity_scope", "oauth_entity_profile_scope", "sys_variable_value", "sys_properties", "sys_user", "sys_user_has_role"];
  return Object.fromEntries(tables.map((table) => [table, emulator.records(table).length]));
}

/**
 * Issue 18, as a new user trips on it: the package installed in their project from a tarball
 * (it is not on the npm registry), the scan run in that project with `--out` a new folder. The
 * stacks' settings are read from the project the scan runs in, the new folder becomes a project
 * of its own that signs in the same way, and its package.json names the tarball, so `npm install`
 * there works offline. The registry's other packages come from a hard-linked copy of this
 * repository's node_modules (no registry is reachable here), and peer dependencies are not
 * resolved against the registry (`--legacy-peer-deps`) for the same reason.
 */
describe("real Pulumi CLI: scan in a project that installed the package from a tarball, --out a new folder", function () {
  this.timeout(600_000);
  let emulator: RunningEmulator;
  let root = "";
  let project = "";
  let env: NodeJS.ProcessEnv = {};
  const tarball = () => path.join(root, "pack", "pulumi-servicenow-spokes-0.1.0.tgz");
  const scanBin = () => path.join(project, "node_modules", "pulumi-servicenow-spokes", "dist", "provider", "scan", "cli.js");

  before(async () => {
    assertCliInstalled();
    emulator = await start({ quiet: true });
    await configureByHand(emulator, demoDev, "out");
    root = fs.mkdtempSync(path.join(os.tmpdir(), "snow-scan-out-"));
    fs.mkdirSync(path.join(root, "pack"));
    execFileSync("npm", ["pack", "--ignore-scripts", "--pack-destination", path.join(root, "pack")], { cwd: repoRoot, stdio: "pipe" });
    project = path.join(root, "acme");
    fs.mkdirSync(project);
    fs.writeFileSync(path.join(project, "Pulumi.yaml"), "name: acme\nruntime: nodejs\n");
    fs.writeFileSync(path.join(project, "package.json"), JSON.stringify({ name: "acme", private: true }));
    npmInstallOffline(project, [path.relative(project, tarball())]);
    env = withoutSignInVariables(localPulumiEnv(path.join(root, "state"), passphrase));
    fs.mkdirSync(path.join(root, "state"));
    const pulumi = (args: string[]) => execFileSync("pulumi", args, { cwd: project, env, stdio: "pipe" });
    pulumi(["stack", "init", "dev", "--non-interactive"]);
    pulumi(["config", "set-all", "--stack", "dev", "--plaintext", `servicenow:instanceUrl=${emulator.url}`, "--plaintext", `servicenow:username=${emulator.admin.username}`, "--secret", `servicenow:password=${emulator.admin.password}`]);
    pulumi(["stack", "init", "staging", "--non-interactive"]);
    // A password set in plain text by mistake: still a secret to the scan.
    pulumi(["stack", "init", "plain", "--non-interactive"]);
    pulumi(["config", "set-all", "--stack", "plain", "--plaintext", `servicenow:instanceUrl=${emulator.url}`, "--plaintext", `servicenow:username=${emulator.admin.username}`, "--plaintext", `servicenow:password=${emulator.admin.password}`]);
  });
  after(async () => {
    if (root !== "") fs.rmSync(root, { recursive: true, force: true });
    await emulator?.stop();
  });

  it("reads the stack's settings from the project it runs in, writes a project that signs in the same way and takes the package from the tarball; npm install there works offline", async () => {
    const scan = await run(process.execPath, [scanBin(), "scan", "--stack", "dev", "--out", "../generated"], project, env);
    assert.equal(scan.code, 0, scan.stderr + scan.stdout);
    assert.match(scan.stdout, new RegExp(`Scanning dev: ${emulator.url} \\(settings from ${project}/Pulumi\\.dev\\.yaml, then the environment\\)`));
    const generated = path.join(root, "generated");
    const stackFile = fs.readFileSync(path.join(generated, "Pulumi.dev.yaml"), "utf8");
    assert.match(stackFile, new RegExp(`servicenow:instanceUrl: "${emulator.url}"`));
    assert.match(stackFile, /servicenow:username: "admin"/);
    assert.doesNotMatch(stackFile, /servicenow:password/);
    assert.match(stackFile, / {2}generated:sumtotal:\n {4}connectionUrl: "https:\/\/acme-dev\.sumtotal\.host"/);
    assert.match(scan.stdout, /^ {2}pulumi stack init dev --cwd "\.\.\/generated"$/m);
    assert.match(scan.stdout, /^ {2}pulumi config set --secret --stack dev --cwd "\.\.\/generated" servicenow:password +# sign-in, as in stack dev of /m);
    assert.match(scan.stdout, /package\.json takes pulumi-servicenow-spokes from file:\.\.\/pack\/pulumi-servicenow-spokes-0\.1\.0\.tgz, where the running one was installed from/);
    const manifest = JSON.parse(fs.readFileSync(path.join(generated, "package.json"), "utf8")) as { name: string; dependencies: Record<string, string> };
    assert.equal(manifest.name, "generated");
    assert.equal(manifest.dependencies["pulumi-servicenow-spokes"], "file:../pack/pulumi-servicenow-spokes-0.1.0.tgz");

    npmInstallOffline(generated, []);
    const lock = JSON.parse(fs.readFileSync(path.join(generated, "package-lock.json"), "utf8")) as { packages: Record<string, { resolved?: string; version?: string }> };
    assert.deepEqual(lock.packages["node_modules/pulumi-servicenow-spokes"]?.resolved, "file:../pack/pulumi-servicenow-spokes-0.1.0.tgz");
    // The program compiles against the package npm installed from the tarball.
    execFileSync(path.join(generated, "node_modules", ".bin", "tsc"), ["--noEmit", "-p", generated], { stdio: "pipe" });
    assert.ok(!`${scan.stdout}${scan.stderr}${stackFile}`.includes(emulator.admin.password), "the admin password appears in plaintext");
  });

  it("a stack without settings: the error names the file it looked in", async () => {
    const scan = await run(process.execPath, [scanBin(), "scan", "--stack", "staging", "--out", "../staging"], project, env);
    assert.equal(scan.code, 2, scan.stdout);
    assert.match(scan.stderr, /stack staging: Invalid ServiceNow provider configuration:\n- `servicenow:instanceUrl` is not set\..*\nLooked in \S*\/acme\/Pulumi\.staging\.yaml, then the environment\. Run the `pulumi config set` commands above with `--stack staging` in \S*\/acme\.\n/s);
  });

  it("a sign-in setting the provider treats as secret is never copied into the new project, even when set in plain text", async () => {
    const scan = await run(process.execPath, [scanBin(), "scan", "--stack", "plain", "--out", "../plain"], project, env);
    assert.equal(scan.code, 0, scan.stderr + scan.stdout);
    const stackFile = fs.readFileSync(path.join(root, "plain", "Pulumi.plain.yaml"), "utf8");
    assert.match(stackFile, /servicenow:username: "admin"/);
    assert.ok(!stackFile.includes(emulator.admin.password) && !scan.stdout.includes(emulator.admin.password), "the admin password was copied");
    assert.match(scan.stdout, /pulumi config set --secret --stack plain --cwd "\.\.\/plain" servicenow:password/);
  });

  it("refuses a second project of the same name, whose stacks would be the first one's", async () => {
    const scan = await run(process.execPath, [scanBin(), "scan", "--stack", "dev", "--out", "../again", "--project", "acme"], project, env);
    assert.equal(scan.code, 2, scan.stdout);
    assert.match(scan.stderr, /again would be a second project named acme beside the one in \S*\/acme, sharing its stacks: name the new project with --project <name>\./);
    assert.ok(!fs.existsSync(path.join(root, "again")), "nothing is written when the scan cannot run");
  });

  it("run outside the project: the error says where it looked and that settings come from the folder it runs in, not --out", async () => {
    const scan = await run(process.execPath, [scanBin(), "scan", "--stack", "dev", "--out", "acme-out"], root, env);
    assert.equal(scan.code, 2, scan.stdout);
    assert.match(scan.stderr, /Looked in .* \(no Pulumi\.yaml there, so no stack settings\), then the environment\. The scan reads each stack's servicenow:\* settings from the Pulumi project in the folder it runs in, not from --out/);
  });
});

/** Environment without SERVICENOW_* / SN_* variables, so only the stacks' settings can sign in. */
function withoutSignInVariables(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !/^(SERVICENOW|SN)_/.test(name)));
}

/**
 * `npm install --offline` in `dir`, with the registry's packages already there: a hard-linked
 * copy of this repository's node_modules, less this package and npm's record of that tree.
 */
function npmInstallOffline(dir: string, packages: readonly string[]): void {
  execFileSync("cp", ["-al", path.join(repoRoot, "node_modules"), path.join(dir, "node_modules")]);
  for (const own of ["pulumi-servicenow-spokes", ".package-lock.json"]) fs.rmSync(path.join(dir, "node_modules", own), { recursive: true, force: true });
  execFileSync("npm", ["install", "--offline", "--legacy-peer-deps", "--no-audit", "--no-fund", ...packages], { cwd: dir, stdio: "pipe" });
}
