import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { PulumiProject } from "./pulumi-project";
import { TwoInstances } from "./two-instances";
import { pluginFolder } from "./yaml-program";

/**
 * The same two instances from a TypeScript program through the plugin, with the package's
 * own classes for it (`pulumi-servicenow-spokes/plugin`): a `Provider` per instance, and the
 * resources on them. Pulumi.yaml points at the plugin (`plugins: providers:`), as the README
 * says. The stack has no `servicenow:*` config. A credential's password, given as a plain
 * string, must still be stored encrypted.
 */
const program = `import * as pulumi from "@pulumi/pulumi";
import * as snow from "pulumi-servicenow-spokes/plugin";

const config = new pulumi.Config();
function configure(name: string) {
  const provider = new snow.Provider(name, {
    instanceUrl: config.require(name + "Url"),
    username: "admin",
    password: config.requireSecret(name + "Password"),
  });
  const level = new snow.SystemProperty("level-" + name, { name: "x_acme.promotion.level", value: name + "-value" }, { provider });
  const credential = new snow.BasicAuthCredential("tool-" + name, { name: "Tool " + name, userName: "svc", password: "plain-text-tool-password" }, { provider });
  return { level, credential };
}
configure("dev");
const prod = configure("prod");
export const levelSysId = prod.level.sysId;
export const levelValue = prod.level.value;
export const credentialPassword = prod.credential.password;
`;

describe("TypeScript: two instances through the plugin's explicit providers (pulumi-servicenow-spokes/plugin)", function () {
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

  it("up writes each property to its provider's instance, with typed outputs; the passwords stay secret; destroy removes both", async () => {
    instances.keep(await project.up());
    assert.deepEqual(instances.values("dev"), ["dev-value"]);
    assert.deepEqual(instances.values("prod"), ["prod-value"]);
    assert.equal(instances.prod.records("basic_auth_credentials", "name=Tool prod").length, 1);
    instances.keep(await project.must(["preview", "--non-interactive", "--refresh", "--expect-no-changes"]));
    const outputs = await project.outputs();
    assert.equal(outputs.levelValue, "prod-value");
    assert.equal(outputs.levelSysId, instances.prod.records("sys_properties", "name=x_acme.promotion.level")[0]!.sys_id);
    assert.equal(outputs.credentialPassword, "[secret]", "a secret input given in plain text is a secret output");
    const state = await instances.assertPasswordsKeptSecret(project);
    assert.ok(!state.includes("plain-text-tool-password"), "the credential's password is in the state in plaintext");
    instances.keep(await project.destroy());
    assert.deepEqual([...instances.values("dev"), ...instances.values("prod")], []);
  });
});
