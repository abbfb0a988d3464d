import * as assert from "node:assert/strict";
import { start, type RunningEmulator } from "../../emulator";
import { PulumiProject } from "./pulumi-project";

/**
 * Issue 18 D through the real CLI: on an instance that gives every POST a sys_id of its own,
 * `pulumi destroy` used to leave each `pulumi.restore.*` property behind (two for this
 * program: an adopted property and the Qualtrics directory property the spoke ships).
 */
describe("restore points on an instance that picks its own sys_ids, through the real CLI", function () {
  this.timeout(240_000);
  let emulator: RunningEmulator;
  let project: PulumiProject;
  const restorePoints = () => emulator.records("sys_properties", "nameSTARTSWITHpulumi.restore.");
  const valueOf = (name: string) => emulator.records("sys_properties", `name=${name}`)[0]?.value;

  before(async () => {
    emulator = await start({ quiet: true, ignoreClientSysIds: true });
    emulator.insert("sys_properties", { name: "x_e2e.restore.level", value: "by hand" });
    project = await PulumiProject.create({
      program: `
        import * as pulumi from "@pulumi/pulumi";
        import * as snow from "pulumi-servicenow-spokes";
        const config = new pulumi.Config();
        new snow.SystemProperty("level", { name: "x_e2e.restore.level", value: "by pulumi" });
        new snow.QualtricsConnection("qualtrics", {
          connectionUrl: "https://acme.qualtrics.com/API/v3",
          xApiToken: config.requireSecret("qualtricsApiToken"),
          oauthName: "Qualtrics OAuth",
          oauthClientId: "a1b2c3",
          oauthClientSecret: config.requireSecret("qualtricsClientSecret"),
          tokenUrl: "https://iad1.qualtrics.com/oauth2/token",
          directoryId: "POOL_1a2B3c",
        });
      `,
      config: { "servicenow:instanceUrl": emulator.url, "servicenow:username": emulator.admin.username },
      secrets: { "servicenow:password": emulator.admin.password, "e2e:qualtricsApiToken": "qualtrics-api-token-1", "e2e:qualtricsClientSecret": "qualtrics-secret-1" },
    });
  });
  after(async () => {
    project?.dispose();
    await emulator?.stop();
  });

  it("up keeps two restore points; destroy gives both values back and removes both", async () => {
    await project.up();
    assert.equal(restorePoints().length, 2);
    assert.equal(valueOf("sn_qualtrics_spoke.qualtrics_directory"), "POOL_1a2B3c");

    await project.destroy();
    assert.deepEqual(restorePoints(), []);
    assert.equal(valueOf("x_e2e.restore.level"), "by hand");
    assert.equal(valueOf("sn_qualtrics_spoke.qualtrics_directory"), "");
  });
});
