import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { start, type RunningEmulator } from "../../emulator";
import { PulumiProject, type CommandResult } from "./pulumi-project";
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
  let dev: RunningEmulator;
  let prod: RunningEmulator;
  let project: PulumiProject;
  const printed: string[] = [];
  const keep = (result: CommandResult) => (printed.push(result.output), result);

  before(async () => {
    [dev, prod] = await Promise.all([start({ quiet: true }), start({ quiet: true })]);
    project = await PulumiProject.create({
      program,
      config: { "e2e:devUrl": dev.url, "e2e:prodUrl": prod.url },
      secrets: { "e2e:devPassword": dev.admin.password, "e2e:prodPassword": prod.admin.password },
    });
    fs.appendFileSync(path.join(project.dir, "Pulumi.yaml"), `plugins:\n  providers:\n    - name: servicenow\n      path: ${pluginFolder}\n`);
  });
  after(async () => {
    project?.dispose();
    await Promise.all([dev?.stop(), prod?.stop()]);
  });

  it("up writes each property to its provider's instance; the passwords stay secret; destroy removes both", async () => {
    keep(await project.up());
    assert.deepEqual(dev.records("sys_properties", "name=x_acme.promotion.level").map((record) => record.value), ["dev-value"]);
    assert.deepEqual(prod.records("sys_properties", "name=x_acme.promotion.level").map((record) => record.value), ["prod-value"]);
    keep(await project.must(["preview", "--non-interactive", "--refresh", "--expect-no-changes"]));
    const state = await project.exportedState();
    for (const password of [dev.admin.password, prod.admin.password]) {
      assert.ok(!state.includes(password), "a password is in the state in plaintext");
      assert.ok(!printed.join("\n").includes(password), "a password was printed");
    }
    keep(await project.destroy());
    assert.equal(dev.records("sys_properties", "name=x_acme.promotion.level").length + prod.records("sys_properties", "name=x_acme.promotion.level").length, 0);
  });
});
