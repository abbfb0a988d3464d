import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { providerShim } from "../../provider/shim";

// What Pulumi stores in every resource's state as `__provider`: the same call the SDK makes.
async function serializedShim(kind: string): Promise<string> {
  const provider = providerShim(kind);
  const serialized = await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true });
  return serialized.text;
}

function loadSerialized(text: string): pulumi.dynamic.ResourceProvider {
  // The dynamic-provider host loads the text the same way (require-from-string, then handler()).
  const requireFromString: (code: string) => { handler: () => pulumi.dynamic.ResourceProvider } =
    require("require-from-string");
  return requireFromString(text).handler();
}

describe("serialized provider shim", () => {
  it("is at most 2.5 KB and carries only the kind, no implementation code", async () => {
    const text = await serializedShim("SystemProperty");
    assert.ok(text.length <= 2560, `serialized provider is ${text.length} bytes`);
    assert.match(text, /"SystemProperty"/);
    assert.match(text, /require\("pulumi-servicenow-spokes\/runtime"\)/);
    for (const implementationDetail of ["axios", "zod", "sys_properties", "Authorization"]) {
      assert.ok(!text.includes(implementationDetail), `serialized provider contains ${implementationDetail}`);
    }
  });

  it("holds no configuration value, even after the provider was configured with secrets", async () => {
    const secret = "s3cret-password-that-must-not-leak";
    const provider = loadSerialized(await serializedShim("SystemProperty"));
    await provider.configure!({
      config: {
        get: (key: string) =>
          ({ "servicenow:instanceUrl": "http://127.0.0.1:9", "servicenow:username": "admin", "servicenow:password": secret })[
            key
          ],
        require: () => "",
      },
    });
    const again = await serializedShim("SystemProperty");
    assert.ok(!again.includes(secret));
  });

  it("loads back and delegates to the implementation through the package's runtime export", async () => {
    const provider = loadSerialized(await serializedShim("SystemProperty"));
    const result = await provider.check!({}, { name: "x.y.z", value: "1" });
    assert.deepEqual(result.failures ?? [], []);
    assert.equal(result.inputs.name, "x.y.z");

    const invalid = await provider.check!({}, { name: "", value: "1" });
    assert.ok((invalid.failures ?? []).some((failure) => failure.property === "name"));
  });

  it("names an unknown resource kind in its error", async () => {
    const provider = loadSerialized(await serializedShim("NoSuchKind"));
    await assert.rejects(provider.check!({}, {}), /NoSuchKind/);
  });
});
