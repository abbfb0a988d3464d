import * as assert from "node:assert/strict";
import { execFile, execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { start, type RunningEmulator } from "../../emulator";
import { localPulumiEnv } from "../../scripts/local-pulumi";
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
