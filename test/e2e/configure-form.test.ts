import * as assert from "node:assert/strict";
import { useFreshStackPerTest, withImports, writesTo } from "./fresh-stack-per-test";

const sumTotal = (extra = "") => `export const sumtotal = new snow.SumTotalConnection("sumtotal", {
  connectionUrl: "https://acme.sumtotal.host",
  oauthEntityName: "SumTotal OAuth",
  oauthClientId: "servicenow",
  oauthClientSecret: pulumi.secret("sumtotal-secret-value"),${extra}
}).configureForm;`;

/** The four cases of an alias's Configure form, through the real CLI: each is told before any write. */
describe("real Pulumi CLI: the alias's Configure form", function () {
  this.timeout(300_000);
  const { setUp } = useFreshStackPerTest();
  const writes = writesTo;
  const upCommand = ["up", "--yes", "--non-interactive", "--skip-preview"];

  it("normal: up writes what the template says, configureForm names it, and a no-change preview is clean", async () => {
    const { emulator, project } = await setUp(sumTotal(), {});
    const up = await project.up();
    assert.equal(up.code, 0, up.output);
    assert.match(up.output, /template\s*: "SumTotal Spoke Template"/);
    assert.match(up.output, /"entity\.code_challenge_method"/);
    const entity = emulator.records("oauth_entity", "name=SumTotal OAuth")[0]!;
    assert.equal(entity.code_challenge_method, "S256");
    assert.equal(entity.oauth_api_script, "3e3a3a11c333210016194ffe5bba8f70");
    const preview = await project.run(["preview", "--refresh", "--expect-no-changes", "--non-interactive"]);
    assert.equal(preview.code, 0, preview.output);
    assert.ok(!`${up.output}${preview.output}`.includes("sumtotal-secret-value"));
  });

  it("none: SumTotal's required template missing fails up before any write, naming the alias and where to select it", async () => {
    const { emulator, project } = await setUp(sumTotal(), { aliasTemplates: { sumtotal: "none" } });
    const up = await project.run(upCommand);
    assert.notEqual(up.code, 0);
    assert.match(up.output, /The SumTotal setup page requires the SumTotal configuration template on the alias, and the alias has none selected/);
    assert.match(up.output, /set Configuration Template to the SumTotal template/);
    assert.equal(writes(emulator), 0);
  });

  it("post-process script: up warns, naming the template and that the Table API does not run it; the input acknowledges it", async () => {
    const { project } = await setUp(sumTotal(), { aliasTemplates: { sumtotal: "post-process-script" } });
    const up = await project.up();
    assert.equal(up.code, 0, up.output);
    assert.match(up.output, /warning: SumTotalConnection: the Connection & Credential template SumTotal Spoke Template \(sys_alias_templates [0-9a-f]{32}\) of the alias sn_sumtotal_spoke\.SumTotal has an On Create Script/);
    assert.match(up.output, /records written through the Table API never run it/);
    project.setProgram(withImports(sumTotal("\n  acknowledgeOnCreateScript: true,")));
    const acknowledged = await project.up();
    assert.equal(acknowledged.code, 0, acknowledged.output);
    assert.doesNotMatch(acknowledged.output, /On Create Script/);
  });

  it("uncovered mandatory field: up fails before any write naming the label; SpokeConnection's form configures it", async () => {
    const { emulator, project } = await setUp(sumTotal(), { aliasTemplates: { sumtotal: "extra-mandatory-field" } });
    const up = await project.run(upCommand);
    assert.notEqual(up.code, 0);
    assert.match(up.output, /mandatory fields that no input of this resource sets: "Tenant ID"/);
    assert.equal(writes(emulator), 0);
    project.setProgram(withImports(`export const sumtotal = new snow.SpokeConnection("sumtotal", {
  connectionAlias: "sn_sumtotal_spoke.SumTotal",
  form: {
    "Connection URL": "https://acme.sumtotal.host",
    "OAuth Entity Name": "SumTotal OAuth",
    "OAuth Client ID": "servicenow",
    "OAuth Client Secret": pulumi.secret("sumtotal-secret-value"),
    "OAuth Token URL": "https://acme.sumtotal.host/apisecurity/connect/token",
    "Tenant ID": "tenant-42",
  },
}).configureForm;`));
    const viaForm = await project.up();
    assert.equal(viaForm.code, 0, viaForm.output);
    assert.equal(emulator.records("sys_variable_value", "document=http_connection").length, 1);
    const preview = await project.run(["preview", "--refresh", "--expect-no-changes", "--non-interactive"]);
    assert.equal(preview.code, 0, preview.output);
    const state = await project.exportedState();
    assert.ok(!`${viaForm.output}${preview.output}${state}`.includes("sumtotal-secret-value"), "the form's secret is not in plaintext");
  });
});
