import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { repoRoot } from "../../scripts/local-pulumi";

// The provider module as users get it: from the package installed in node_modules (a real
// folder, as `npm install` makes it), never from the source tree. (Resolving the name from
// inside this repository would find the repository itself: Node's package self-reference.)
const packageDir = path.join(repoRoot, "node_modules", "pulumi-servicenow-spokes");
const installed = path.join(packageDir, "dist", "provider", "dynamic-provider.js");

// What Pulumi stores in every resource's state as `__provider`: the same call the SDK makes.
async function serializedProvider(): Promise<string> {
  const provider = require(installed);
  const serialized = await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true });
  return serialized.text;
}

function loadSerialized(text: string): Required<pulumi.dynamic.ResourceProvider> {
  // The dynamic-provider host loads the text the same way (require-from-string, then handler()).
  const requireFromString: (code: string) => { handler: () => Required<pulumi.dynamic.ResourceProvider> } = require("require-from-string");
  return requireFromString(text).handler();
}

describe("serialized provider", () => {
  it("is installed as a real folder under node_modules, not a link out of it", () => {
    assert.ok(!fs.lstatSync(packageDir).isSymbolicLink(), `${packageDir} is a symbolic link`);
    assert.ok(fs.existsSync(installed), `${installed} is missing: run npm run build`);
  });

  it("is one require of the package's provider module, at most 400 bytes, the same for every kind", async () => {
    const text = await serializedProvider();
    assert.ok(text.length <= 400, `serialized provider is ${text.length} bytes:\n${text}`);
    assert.match(text, /require\("pulumi-servicenow-spokes\/dynamic-provider"\)/);
    for (const implementationDetail of ["axios", "zod", "sys_properties", "Authorization", "SystemProperty"]) {
      assert.ok(!text.includes(implementationDetail), `serialized provider contains ${implementationDetail}`);
    }
  });

  it("holds no configuration value, even after the provider was configured with secrets", async () => {
    const secret = "s3cret-password-that-must-not-leak";
    const provider = loadSerialized(await serializedProvider());
    await provider.configure({
      config: {
        get: (key: string) => ({ "servicenow:instanceUrl": "http://127.0.0.1:9", "servicenow:username": "admin", "servicenow:password": secret })[key],
        require: () => "",
      },
    });
    assert.ok(!(await serializedProvider()).includes(secret));
  });

  it("loads back and dispatches on the `__kind` input", async () => {
    const provider = loadSerialized(await serializedProvider());
    const result = await provider.check({}, { __kind: "SystemProperty", name: "x.y.z", value: "1" });
    assert.deepEqual(result.failures ?? [], []);
    assert.equal(result.inputs.name, "x.y.z");
    assert.equal(result.inputs.__kind, "SystemProperty", "check keeps the kind for the calls that follow");

    const invalid = await provider.check({}, { __kind: "SystemProperty", name: "", value: "1" });
    assert.ok((invalid.failures ?? []).some((failure) => failure.property === "name"));
  });

  it("names an unknown or missing resource kind in its error", async () => {
    const provider = loadSerialized(await serializedProvider());
    await assert.rejects(provider.check({}, { __kind: "NoSuchKind" }), /NoSuchKind/);
    await assert.rejects(provider.check({}, {}), /__kind/);
  });
});
