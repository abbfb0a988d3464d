import * as assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { configurePlugin } from "../../provider/plugin/configure-plugin";
import { ownerOfUrn } from "../../provider/plugin/owner";
import { configSourceOf, pulumiConfigOf } from "../../provider/plugin/plugin-config";
import { pluginProvider } from "../../provider/plugin/plugin-provider";
import { kindNameOfUrn } from "../../provider/plugin/resource-token";
import { asSecret, isSecret, secretKeysOf, unwrapped, withSecrets } from "../../provider/plugin/secret-values";
import { unknownValue } from "../../provider/lifecycle/values";
import { packageSchema } from "../../provider/schema/package-schema";
import { sessionClient } from "../../provider/session";
import { repoRoot } from "../../scripts/local-pulumi";
import { useEmulator } from "../helpers/emulator";

const urn = (type: string, name = "a") => `urn:pulumi:dev::app::${type}::${name}`;
const outputValue = (value?: unknown, secret = false) => ({ "4dabf18193072939515e22adb298388d": "d0e6a833031e9bbcd3f4e8bde6ca49a4", ...(value === undefined ? {} : { value }), secret });

describe("plugin: resource types", () => {
  it("reads the kind from the URN's type token, under a parent type too", () => {
    assert.equal(kindNameOfUrn(urn("servicenow:index:SumTotalConnection")), "SumTotalConnection");
    assert.equal(kindNameOfUrn(urn("my:index:Component$servicenow:index:SystemProperty")), "SystemProperty");
  });
  it("refuses a type of another package, naming it", () => {
    assert.throws(() => kindNameOfUrn(urn("aws:s3:Bucket")), /does not serve the resource type "aws:s3:Bucket"/);
  });
  it("names the owner of a resource's records after its URN", () => {
    assert.match(ownerOfUrn(urn("servicenow:index:SystemProperty")), /^[0-9a-f]{24}$/);
    assert.notEqual(ownerOfUrn(urn("servicenow:index:SystemProperty", "a")), ownerOfUrn(urn("servicenow:index:SystemProperty", "b")));
  });
});

describe("plugin: secret envelopes", () => {
  it("unwraps secrets and output values at any depth; an output value without a value is unknown", () => {
    assert.deepEqual(unwrapped({ a: asSecret("s"), b: { c: [asSecret("t")] }, d: outputValue("v", true), e: outputValue() }), { a: "s", b: { c: ["t"] }, d: "v", e: unknownValue });
  });
  it("finds the keys that came in secret, wholly or in part", () => {
    assert.deepEqual(secretKeysOf({ a: asSecret("s"), b: { c: asSecret("t") }, d: "plain", e: outputValue("v", true), f: outputValue("w") }), ["a", "b", "e"]);
  });
  it("wraps the named keys once, and leaves absent ones absent", () => {
    const wrapped = withSecrets({ a: "s", b: asSecret("t"), c: "plain" }, ["a", "b", "missing"])!;
    assert.ok(isSecret(wrapped.a) && isSecret(wrapped.b));
    assert.deepEqual(unwrapped(wrapped.b), "t", "not wrapped twice");
    assert.equal(wrapped.c, "plain");
    assert.ok(!("missing" in wrapped));
  });
});

describe("plugin: start", () => {
  // The installed package, as Pulumi runs it: a fresh Node process, the package's own files.
  const installedMain = path.join(repoRoot, "node_modules", "pulumi-servicenow-spokes", "dist", "provider", "plugin", "main.js");
  const inFreshProcess = (calls: string): { schema: unknown; loaded: string[] } => {
    const script = `const provider = require(${JSON.stringify(installedMain)}).lightProvider("test");
      (async () => { const out = { schema: JSON.parse(await provider.getSchema({})) }; ${calls}
        console.log(JSON.stringify({ ...out, loaded: Object.keys(require.cache) })); })().catch((e) => { console.error(e); process.exit(1); });`;
    return JSON.parse(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" })) as { schema: unknown; loaded: string[] };
  };
  const loadedAny = (loaded: string[], pattern: RegExp) => loaded.filter((file) => pattern.test(file.split(path.sep).join("/")));

  it("answers GetSchema with the schema generated from the kinds, shipped in the package, without loading kinds, zod or axios", () => {
    const { schema, loaded } = inFreshProcess("");
    assert.deepEqual(schema, packageSchema());
    assert.deepEqual(loadedAny(loaded, /\/dist\/provider\/(registry|kinds\/|lifecycle\/|session)|\/node_modules\/(zod|axios)\//), []);
  });
  it("keeps its compiled code in Node's compile cache though Pulumi ends it with a signal (SIGINT)", async () => {
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), "plugin-compile-cache-"));
    const plugin = spawn(path.join(repoRoot, "node_modules", "pulumi-servicenow-spokes", "pulumi-resource-servicenow"), [], { env: { ...process.env, NODE_COMPILE_CACHE: cache } });
    const exited = new Promise((resolve) => plugin.on("exit", resolve));
    try {
      const port = await new Promise<string>((resolve, reject) => {
        plugin.stdout.once("data", (chunk: Buffer) => resolve(chunk.toString().trim()));
        plugin.once("error", reject);
      });
      assert.match(port, /^\d+$/, "the plugin prints its port");
      // Node writes each entry to a temporary name and renames it: count only finished entries, by name, without a stat that races the rename.
      const cached = () => fs.readdirSync(cache, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile() && /^[0-9a-f]+$/.test(entry.name)).length;
      // The plugin writes the cache once serving; Node itself would write it only at a normal exit.
      for (const deadline = Date.now() + 10_000; cached() <= 10 && Date.now() < deadline; ) await new Promise((resolve) => setTimeout(resolve, 50));
      await new Promise((resolve) => setTimeout(resolve, 200)); // let a write in progress finish
      plugin.kill("SIGINT"); // as Pulumi stops a plugin: a Node process ended by a signal writes nothing at exit
      await exited;
      assert.ok(cached() > 10, `compiled modules kept in the cache: ${cached()}`);
    } finally {
      if (plugin.exitCode === null && plugin.signalCode === null) plugin.kill("SIGKILL"); // a failed assertion must not leave the plugin keeping mocha alive
      await exited;
      fs.rmSync(cache, { recursive: true, force: true });
    }
  });
  it("loads the lifecycle with the first resource call, and still no HTTP client for a call that sends no request", () => {
    const { loaded } = inFreshProcess(`out.check = await provider.check("urn:pulumi:dev::app::servicenow:index:SystemProperty::p", {}, { name: "x_demo.flag", value: "on" });`);
    assert.ok(loadedAny(loaded, /\/dist\/provider\/registry\.js$/).length === 1, "the kinds are loaded by check");
    assert.deepEqual(loadedAny(loaded, /\/node_modules\/axios\//), []);
  });
});

describe("plugin: configuration", () => {
  it("reads bare names and full keys, first layer first; non-strings as JSON", () => {
    const source = configSourceOf({ instanceUrl: "https://a.service-now.com" }, { "servicenow:instanceUrl": "https://b.service-now.com", "servicenow:maxRetries": 3 });
    assert.equal(source.get("servicenow:instanceUrl"), "https://a.service-now.com");
    assert.equal(source.get("servicenow:maxRetries"), "3");
    assert.equal(source.get("servicenow:username"), undefined);
  });
  it("reports PULUMI_CONFIG that is not JSON without its content", () => {
    assert.throws(() => pulumiConfigOf({ PULUMI_CONFIG: "{password: hunter2-secret" }), (error: Error) => /not JSON/.test(error.message) && !error.message.includes("hunter2"));
    assert.deepEqual(pulumiConfigOf({}), {});
  });
  it("the default provider takes PULUMI_CONFIG; an explicit provider only its own properties, then the environment", () => {
    const env = { PULUMI_CONFIG: JSON.stringify({ instanceUrl: "https://stack.service-now.com", username: "admin", password: "stack-password" }) };
    configurePlugin({ urn: "", name: "default_0_1_0", variables: {}, args: {} }, env);
    assert.equal(sessionClient().instanceUrl, "https://stack.service-now.com");
    configurePlugin({ urn: "", name: "prod", variables: {}, args: { instanceUrl: "https://prod.service-now.com", username: "admin", password: asSecret("prod-password") } }, env);
    assert.equal(sessionClient().instanceUrl, "https://prod.service-now.com");
    assert.throws(
      () => configurePlugin({ urn: "", name: "prod", variables: {}, args: { username: "admin", password: "p" } }, env),
      /`servicenow:instanceUrl` is not set/,
      "an explicit provider never takes the stack's instance",
    );
    configurePlugin({ urn: "", name: "prod", variables: {}, args: { username: "admin", password: "p" } }, { ...env, SERVICENOW_INSTANCE_URL: "https://env.service-now.com" });
    assert.equal(sessionClient().instanceUrl, "https://env.service-now.com");
  });
});

describe("plugin: resource methods over the lifecycle", () => {
  const sn = useEmulator();
  const type = (kind: string) => urn(`servicenow:index:${kind}`, "r");

  it("create, read, update, delete through the kind the URN names; secrets in as envelopes, out as envelopes", async () => {
    const emulator = sn.instance;
    configurePlugin({ urn: "", name: "default", variables: {}, args: { instanceUrl: emulator.url, username: emulator.admin.username, password: asSecret(emulator.admin.password) } }, {});
    const provider = pluginProvider("0.0.0");
    const news = { name: "Plugin basic", userName: "svc", password: asSecret("plugin-password-1") };
    const checked = await provider.check!(type("BasicAuthCredential"), {}, news);
    assert.deepEqual(checked.failures, []);
    assert.ok(isSecret(checked.inputs.password), "check keeps the secret input secret");
    const created = await provider.create!(type("BasicAuthCredential"), checked.inputs);
    assert.ok(isSecret(created.outs.password), "the output of a secret input is a secret");
    assert.ok(!JSON.stringify(created.outs).includes("__kind"), "no hidden kind input");
    assert.equal(emulator.records("basic_auth_credentials", "name=Plugin basic").length, 1);
    const read = await provider.read!(created.id, type("BasicAuthCredential"), created.outs);
    assert.ok(isSecret(read.props.password) && isSecret(read.inputs.password));
    assert.ok(!Object.keys(read.inputs).some((key) => key.startsWith("__")), "no bookkeeping in the inputs");
    const diff = await provider.diff!(created.id, type("BasicAuthCredential"), read.props, checked.inputs);
    assert.equal(diff.changes, false);
    const updated = await provider.update!(created.id, type("BasicAuthCredential"), read.props, { ...checked.inputs, userName: "svc2" });
    assert.equal(emulator.records("basic_auth_credentials", "name=Plugin basic")[0]!.user_name, "svc2");
    await provider.delete!(created.id, type("BasicAuthCredential"), updated.outs);
    assert.equal(emulator.records("basic_auth_credentials", "name=Plugin basic").length, 0);
  });

  it("an input that came in secret stays secret though the kind does not declare it (a password2 property's value)", async () => {
    const emulator = sn.instance;
    configurePlugin({ urn: "", name: "default", variables: {}, args: { instanceUrl: emulator.url, username: emulator.admin.username, password: emulator.admin.password } }, {});
    const provider = pluginProvider("0.0.0");
    const checked = await provider.check!(type("SystemProperty"), {}, { name: "x_acme.plugin.secret", value: asSecret("webhook-secret-1"), type: "password2" });
    assert.ok(isSecret(checked.inputs.value));
    const created = await provider.create!(type("SystemProperty"), checked.inputs);
    assert.ok(isSecret(created.outs.value));
    await provider.delete!(created.id, type("SystemProperty"), created.outs);
  });

  it("a number or boolean for a text input is its text (Pulumi YAML gives `value: 50` so)", async () => {
    const provider = pluginProvider("0.0.0");
    const checked = await provider.check!(type("SystemProperty"), {}, { name: "x_acme.plugin.size", value: 50 });
    assert.deepEqual(checked.failures, []);
    assert.equal(checked.inputs.value, "50");
  });
});
