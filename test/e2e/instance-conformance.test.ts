import * as assert from "node:assert/strict";
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { repoRoot } from "./pulumi-project";

/**
 * `npm run test:instance` stays runnable: without SERVICENOW_TEST_INSTANCE_URL it runs against
 * an emulator it starts, and must pass there and write its report.
 */
describe("npm run test:instance against the emulator", function () {
  this.timeout(600_000);

  it("probes, runs the conformance program through the real CLI, destroys it and writes the report", async () => {
    const env = { ...process.env };
    delete env.SERVICENOW_TEST_INSTANCE_URL;
    const result = await new Promise<{ code: number; output: string }>((resolve) =>
      execFile(process.execPath, [path.join(repoRoot, "dist", "scripts", "instance", "main.js")], { cwd: repoRoot, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, output: `${stdout}\n${stderr}` }),
      ),
    );
    assert.equal(result.code, 0, result.output);
    const report = JSON.parse(fs.readFileSync(path.join(repoRoot, "conformance-report", "report.json"), "utf8"));
    assert.equal(report.kind, "emulator");
    assert.deepEqual(report.activeSpokes, ["sumtotal", "qualtrics", "okta"]);
    assert.ok(report.probes.length >= 5 && report.probes.every((probe: { holds: boolean }) => probe.holds), JSON.stringify(report.probes));
    const tokenProbe = report.probes.find((probe: { check: string }) => probe.check.startsWith("a token set by the client"));
    assert.equal(tokenProbe?.outcome, "answered 200", "the REST API key probes ran and a client-set token signed in");
    assert.deepEqual(report.steps.map((step: { step: string; ok: boolean }) => [step.step, step.ok]), [
      ["pulumi up", true],
      ["pulumi preview --refresh --expect-no-changes", true],
      ["pulumi refresh --expect-no-changes", true],
      ["pulumi destroy", true],
    ]);
    assert.ok(Object.keys(report.formats).includes("oauth_entity"), "the report has the columns and formats of each table written");
    assert.match(fs.readFileSync(path.join(repoRoot, "conformance-report", "report.md"), "utf8"), /\| POST accepts a client-chosen sys_id/);
  });
});
