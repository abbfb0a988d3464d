import * as assert from "node:assert/strict";
import { execFile } from "node:child_process";
import * as path from "node:path";
import { repoRoot } from "./pulumi-project";

/** The README's first command, end to end: the root program on two emulated instances. */
describe("npm run demo", function () {
  this.timeout(600_000);

  it("walks through up, drift caught and repaired, and promotion, then ends cleanly", async () => {
    const result = await new Promise<{ code: number; output: string }>((resolve) => {
      execFile(process.execPath, [path.join(repoRoot, "dist", "scripts", "demo.js")], { cwd: repoRoot, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}\n${stderr}` }),
      );
    });
    assert.equal(result.code, 0, result.output);
    assert.match(result.output, /exit code [1-9]\d*: drift detected/);
    assert.match(result.output, /preview --refresh --expect-no-changes now exits 0/);
    assert.match(result.output, /Updating \(prod\)/);
    assert.match(result.output, /property {4}x_acme_integrations\.sync\.batch_size = 500/);
    assert.match(result.output, /Demo finished in \d+ s/);
    for (const secret of ["demo-sumtotal-client-secret", "demo-qualtrics-api-token", "demo-okta-api-token"]) assert.ok(!result.output.includes(secret));
  });
});
