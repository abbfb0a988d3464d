import * as assert from "node:assert/strict";
import { start, type EmulatorOptions, type RunningEmulator } from "../../emulator";
import { PulumiProject } from "./pulumi-project";

const header = `import * as pulumi from "@pulumi/pulumi";\nimport * as snow from "pulumi-servicenow-spokes";\n`;
const sumTotal = (extra = "") => `export const sumtotal = new snow.SumTotalConnection("sumtotal", {
  connectionUrl: "https://acme.sumtotal.host",
  oauthEntityName: "SumTotal OAuth",
  oauthClientId: "servicenow",
  oauthClientSecret: pulumi.secret("sumtotal-secret-value"),${extra}
}).configureForm;`;

/** The four cases of an alias's Configure form, through the real CLI: each is told before any write. */
describe("real Pulumi CLI: the alias's Configure form", function () {
  this.timeout(300_000);
  let emulator: RunningEmulator | undefined;
  let project: PulumiProject | undefined;

  afterEach(async () => {
    project?.dispose();
    await emulator?.stop();
    project = undefined;
    emulator = undefined;
  });

  async function setUp(program: string, options: EmulatorOptions) {
    emulator = await start({ quiet: true, ...options });
    project = await PulumiProject.create({
      program: header + program,
      config: { "servicenow:instanceUrl": emulator.url, "servicenow:username": emulator.admin.username },
      secrets: { "servicenow:password": emulator.admin.password },
    });
    emulator.resetStats();
    return { emulator, project };
  }

  const writes = (e: RunningEmulator): number => ["POST", "PATCH", "PUT", "DELETE"].reduce((sum, method) => sum + (e.stats().byMethod[method] ?? 0), 0);

  it("post-process script: up warns, naming the template and that the Table API does not run it; the input acknowledges it", async () => {
    const { project } = await setUp(sumTotal(), { aliasTemplates: { sumtotal: "post-process-script" } });
    const up = await project.up();
    console.log(up.output);
    assert.equal(up.code, 0, up.output);
    assert.match(up.output, /SumTotal Spoke Template/);
  });
});
