import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import type { PulumiProject } from "./pulumi-project";
import { TwoInstances } from "./two-instances";
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
  let instances: TwoInstances;
  let project: PulumiProject;

  before(async () => {
    instances = await TwoInstances.start();
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
    project = await yamlProject(body, instances.stackSettings);
  });
  after(async () => {
    project?.dispose();
    await instances?.stop();
  });

  it("up writes each resource to its provider's instance, with that instance's credentials", async () => {
    instances.keep(await project.up());
    assert.deepEqual(instances.values("dev"), ["dev-value"]);
    assert.deepEqual(instances.values("prod"), ["prod-value"]);
    instances.keep(await project.must(["preview", "--non-interactive", "--refresh", "--expect-no-changes"]));
  });

  it("a provider's changed settings (a timeout) replace nothing", async () => {
    const file = path.join(project.dir, "Pulumi.yaml");
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace("      password: ${prodPassword}\n", "      password: ${prodPassword}\n      timeoutSeconds: \"30\"\n"));
    const preview = instances.keep(await project.preview());
    assert.equal(preview.code, 0, preview.output);
    assert.doesNotMatch(preview.output, /replace/i, preview.output);
    instances.keep(await project.up());
    assert.deepEqual(instances.values("prod"), ["prod-value"]);
    instances.keep(await project.must(["preview", "--non-interactive", "--refresh", "--expect-no-changes"]));
  });

  it("keeps both instances' passwords secret in the state and out of what the CLI printed", async () => {
    const state = await instances.assertPasswordsKeptSecret(project);
    const providers = (JSON.parse(state) as { deployment: { resources: { type: string; inputs?: Record<string, unknown> }[] } }).deployment.resources.filter((resource) => resource.type === "pulumi:providers:servicenow");
    assert.equal(providers.length, 2);
    for (const provider of providers) assert.ok(JSON.stringify(provider.inputs?.password ?? "").includes("ciphertext"), "each provider's password is stored encrypted");
  });

  it("destroy removes each instance's property", async () => {
    instances.keep(await project.destroy());
    assert.deepEqual(instances.values("dev"), []);
    assert.deepEqual(instances.values("prod"), []);
  });
});
