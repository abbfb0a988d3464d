import * as assert from "node:assert/strict";
import { start, type RunningEmulator } from "../../emulator";
import { PulumiProject } from "./pulumi-project";

// The real engine end to end with one resource of ours: the CLI, the language host, the
// dynamic-provider host loading our serialized shim, and the emulator on loopback.
describe("real Pulumi CLI smoke test", function () {
  this.timeout(180_000);
  let emulator: RunningEmulator;
  let project: PulumiProject;

  before(async () => {
    emulator = await start({ quiet: true });
    project = await PulumiProject.create({
      program: `
        import * as snow from "pulumi-servicenow-spokes";
        const property = new snow.SystemProperty("greeting", { name: "x_e2e.smoke.greeting", value: "hello" });
        export const sysId = property.sysId;
      `,
      config: { "servicenow:instanceUrl": emulator.url, "servicenow:username": emulator.admin.username },
      secrets: { "servicenow:password": emulator.admin.password },
    });
  });

  after(async () => {
    project?.dispose();
    await emulator?.stop();
  });

  it("runs up, preview with no changes, and destroy through the real engine", async () => {
    const up = await project.up();
    assert.match(up.output, /\+ 2 created/);
    const { sysId } = await project.outputs();
    assert.match(String(sysId), /^[0-9a-f]{32}$/);
    console.log(`      real engine: pulumi up created sys_properties/${sysId} on ${emulator.url}`);

    const preview = await project.preview("--expect-no-changes");
    assert.equal(preview.code, 0, preview.output);
    assert.match(preview.output, /2 unchanged/);

    await project.destroy();
    const gone = await fetch(`${emulator.url}/api/now/table/sys_properties/${sysId}`, {
      headers: { authorization: `Basic ${Buffer.from(`${emulator.admin.username}:${emulator.admin.password}`).toString("base64")}` },
    });
    assert.equal(gone.status, 404);
  });
});
