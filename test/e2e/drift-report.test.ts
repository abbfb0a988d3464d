import * as assert from "node:assert/strict";
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { useEmulatedStack } from "./emulated-stack";
import { PulumiProject, repoRoot } from "./pulumi-project";

const program = `import * as pulumi from "@pulumi/pulumi";
import * as snow from "pulumi-servicenow-spokes";
const config = new pulumi.Config();
new snow.SumTotalConnection("sumtotal", { connectionUrl: "https://acme.sumtotal.host", oauthEntityName: "SumTotal OAuth", oauthClientId: "sumtotal-client", oauthClientSecret: config.requireSecret("sumtotalSecret") });
new snow.SystemProperty("level", { name: "x_acme.level", value: "3" });
`;
const secret = "drift-report-secret-4f4f";

/** The package's bin, as installed: `servicenow-drift-report` runs `pulumi` from the PATH. */
function driftReport(project: PulumiProject, env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const bin = path.join(repoRoot, "node_modules", "pulumi-servicenow-spokes", "dist", "provider", "drift-report", "cli.js");
  return new Promise((resolve) => {
    execFile(process.execPath, [bin], { cwd: project.dir, env: { ...project.env, ...env } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

describe("real Pulumi CLI: servicenow-drift-report for pipelines", function () {
  this.timeout(600_000);
  const stack = useEmulatedStack((emulator) =>
    PulumiProject.create({
      program,
      config: { "servicenow:instanceUrl": emulator.url, "servicenow:username": emulator.admin.username },
      secrets: { "servicenow:password": emulator.admin.password, "e2e:sumtotalSecret": secret },
    }),
  );

  it("exits 0 and says so when the instance matches the program", async () => {
    await stack.project.up();
    const report = await driftReport(stack.project);
    assert.equal(report.code, 0, report.stderr);
    assert.match(report.stdout, /No drift/);
  });

  it("lists exactly the drifted fields (secrets only as changed), writes the step summary and exits 1", async () => {
    const { emulator, project } = stack;
    const connection = emulator.records("http_connection", "name=SumTotal")[0]!;
    emulator.update("http_connection", connection.sys_id!, { connection_url: "https://evil.example.com" });
    emulator.update("oauth_entity", emulator.records("oauth_entity", "name=SumTotal OAuth")[0]!.sys_id!, { client_secret: "rewritten-in-the-ui" });
    emulator.remove("sys_properties", emulator.records("sys_properties", "name=x_acme.level")[0]!.sys_id!);
    const summary = path.join(project.dir, "summary.md");

    const report = await driftReport(project, { GITHUB_STEP_SUMMARY: summary });
    assert.equal(report.code, 1, report.stderr);
    const rows = report.stdout.split("\n").filter((line) => line.startsWith("test "));
    assert.deepEqual(rows.map((line) => line.split(/\s{2,}/).slice(1)), [
      ["SumTotalConnection sumtotal", "connectionUrl", "https://evil.example.com", "https://acme.sumtotal.host"],
      ["SumTotalConnection sumtotal", "oauthClientSecret", "changed", "(secret)"],
      ["SystemProperty level", "(resource)", "deleted", "exists"],
    ]);
    const markdown = fs.readFileSync(summary, "utf8");
    assert.match(markdown, /\| test \| SumTotalConnection sumtotal \| connectionUrl \| https:\/\/evil\.example\.com \| https:\/\/acme\.sumtotal\.host \|/);
    assert.ok(!report.stdout.includes(secret) && !markdown.includes(secret) && !report.stdout.includes("rewritten-in-the-ui"));
  });

  it("exits 2 with pulumi's message when the preview cannot run", async () => {
    const report = await driftReport(stack.project, { PULUMI_CONFIG_PASSPHRASE: "wrong passphrase" });
    assert.equal(report.code, 2);
    assert.match(report.stderr, /pulumi preview --refresh --json .* failed/);
  });
});
