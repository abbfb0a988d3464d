import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { PulumiProject } from "./pulumi-project";
import { TwoInstances } from "./two-instances";
import { pluginFolder } from "./yaml-program";

/**
 * The same two instances from a TypeScript program through the plugin, without a generated
 * SDK: `pulumi.ProviderResource("servicenow", ...)` per instance and the resources by their
 * type tokens (`servicenow:index:SystemProperty`). Pulumi.yaml points at the plugin
 * (`plugins: providers:`). The stack has no `servicenow:*` config.
 */
const program = `import * as pulumi from "@pulumi/pulumi";
// The SDK's base classes are abstract; what a generated SDK would contain, in two lines.
class Provider extends pulumi.ProviderResource {
  constructor(name: string, args: pulumi.Inputs) { super("servicenow", name, args); }
}
class SystemProperty extends pulumi.CustomResource {
  constructor(name: string, args: pulumi.Inputs, opts: pulumi.CustomResourceOptions) { super("servicenow:index:SystemProperty", name, { ...args, sysId: undefined }, opts); }
}
const config = new pulumi.Config();
for (const name of ["dev", "prod"]) {
  const provider = new Provider(name, {
    instanceUrl: config.require(name + "Url"),
    username: "admin",
    password: config.requireSecret(name + "Password"),
  });
  new SystemProperty("level-" + name, { name: "x_acme.promotion.level", value: name + "-value" }, { provider });
}
`;

describe("TypeScript: two instances through the plugin's explicit providers (no generated SDK)", function () {
  this.timeout(5 * 60_000);
  let instances: TwoInstances;
  let project: PulumiProject;

  before(async () => {
    instances = await TwoInstances.start();
    project = await PulumiProject.create({ program, ...instances.stackSettings });
    fs.appendFileSync(path.join(project.dir, "Pulumi.yaml"), `plugins:\n  providers:\n    - name: servicenow\n      path: ${pluginFolder}\n`);
  });
  after(async () => {
    project?.dispose();
    await instances?.stop();
  });

  it("up writes each property to its provider's instance; the passwords stay secret; destroy removes both", async () => {
    instances.keep(await project.up());
    assert.deepEqual(instances.values("dev"), ["dev-value"]);
    assert.deepEqual(instances.values("prod"), ["prod-value"]);
    instances.keep(await project.must(["preview", "--non-interactive", "--refresh", "--expect-no-changes"]));
    await instances.assertPasswordsKeptSecret(project);
    instances.keep(await project.destroy());
    assert.deepEqual([...instances.values("dev"), ...instances.values("prod")], []);
  });
});
