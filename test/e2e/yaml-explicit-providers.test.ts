import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { start, type RunningEmulator } from "../../emulator";
import type { CommandResult, PulumiProject } from "./pulumi-project";
import { yamlProject } from "./yaml-program";

/**
 * Two instances in one Pulumi YAML program, through explicit provider resources
 * (`pulumi:providers:servicenow`) whose properties say the instance and its credentials. The
 * stack has no `servicenow:*` config at all: each resource reaches its own instance only if the
 * plugin is configured from its provider resource's properties (the Configure request, which
 * the SDK's server ignores and the plugin reads: provider/plugin/guarded-server.ts).
 */
describe("Pulumi YAML: two instances in one program through explicit provider resources", function () {
  this.timeout(5 * 60_000);
  let dev: RunningEmulator;
  let prod: RunningEmulator;
  let project: PulumiProject;
  const printed: string[] = [];
  const keep = (result: CommandResult) => (printed.push(result.output), result);

  before(async () => {
    [dev, prod] = await Promise.all([start({ quiet: true }), start({ quiet: true })]);
    const body = `config:
  devUrl: { type: string }
  prodUrl: { type: string }
  devPassword: { type: string, secret: true }
  prodPassword: { type: string, secret: true }
resources:
  dev:
    type: pulumi:providers:servicenow
    properties:
      instanceUrl: \${devUrl}
      username: admin
      password: \${devPassword}
  prod:
    type: pulumi:providers:servicenow
    properties:
      instanceUrl: \${prodUrl}
      username: admin
      password: \${prodPassword}
  level-dev:
    type: servicenow:index:SystemProperty
    properties:
      name: x_acme.promotion.level
      value: dev-value
    options:
      provider: \${dev}
  level-prod:
    type: servicenow:index:SystemProperty
    properties:
      name: x_acme.promotion.level
      value: prod-value
    options:
      provider: \${prod}
`;
    project = await yamlProject(body, {
      config: { "e2e:devUrl": dev.url, "e2e:prodUrl": prod.url },
      secrets: { "e2e:devPassword": dev.admin.password, "e2e:prodPassword": prod.admin.password },
    });
  });
  after(async () => {
    project?.dispose();
    await Promise.all([dev?.stop(), prod?.stop()]);
  });

  it("up writes each resource to its provider's instance, with that instance's credentials", async () => {
    keep(await project.up());
    assert.deepEqual(dev.records("sys_properties", "name=x_acme.promotion.level").map((record) => record.value), ["dev-value"]);
    assert.deepEqual(prod.records("sys_properties", "name=x_acme.promotion.level").map((record) => record.value), ["prod-value"]);
    keep(await project.must(["preview", "--non-interactive", "--refresh", "--expect-no-changes"]));
  });

  it("a provider's changed settings (a timeout) replace nothing", async () => {
    const file = path.join(project.dir, "Pulumi.yaml");
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace("      password: ${prodPassword}\n", "      password: ${prodPassword}\n      timeoutSeconds: \"30\"\n"));
    const preview = keep(await project.preview());
    assert.equal(preview.code, 0, preview.output);
    assert.doesNotMatch(preview.output, /replace/i, preview.output);
    keep(await project.up());
    assert.deepEqual(prod.records("sys_properties", "name=x_acme.promotion.level").map((record) => record.value), ["prod-value"]);
    keep(await project.must(["preview", "--non-interactive", "--refresh", "--expect-no-changes"]));
  });

  it("keeps both instances' passwords secret in the state and out of what the CLI printed", async () => {
    const state = await project.exportedState();
    for (const password of [dev.admin.password, prod.admin.password]) {
      assert.ok(!state.includes(password), "a password is in the state in plaintext");
      assert.ok(!printed.join("\n").includes(password), "a password was printed");
    }
    const providers = (JSON.parse(state) as { deployment: { resources: { type: string; inputs?: Record<string, unknown> }[] } }).deployment.resources.filter((resource) => resource.type === "pulumi:providers:servicenow");
    assert.equal(providers.length, 2);
    for (const provider of providers) assert.ok(JSON.stringify(provider.inputs?.password ?? "").includes("ciphertext"), "each provider's password is stored encrypted");
  });

  it("destroy removes each instance's property", async () => {
    keep(await project.destroy());
    assert.equal(dev.records("sys_properties", "name=x_acme.promotion.level").length, 0);
    assert.equal(prod.records("sys_properties", "name=x_acme.promotion.level").length, 0);
  });
});
