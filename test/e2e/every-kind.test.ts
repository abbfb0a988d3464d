import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { useEmulatedStack } from "./emulated-stack";
import { snapshot } from "../lifecycle/snapshot";
import { PulumiProject, repoRoot, type CommandResult } from "./pulumi-project";

const secrets = {
  "e2e:basicPassword": "e2e-basic-password-7f3a",
  "e2e:apiKey": "e2e-api-key-91bd",
  "e2e:providerSecret": "e2e-provider-secret-c0de",
  "e2e:userPassword": "e2e-user-password-55aa",
  "e2e:sumtotalSecret": "e2e-sumtotal-secret-0b1e",
  "e2e:qualtricsToken": "e2e-qualtrics-token-77ce",
  "e2e:qualtricsSecret": "e2e-qualtrics-secret-a11f",
  "e2e:oktaToken": "e2e-okta-token-3d3d",
  "e2e:oktaClientSecret": "e2e-okta-client-secret-9e9e",
  "e2e:toolSecret": "e2e-tool-client-secret-5150",
  "e2e:plainKey": "e2e-plain-text-key-6060",
  "e2e:restApiKeyToken": "now_e2e-rest-api-key-token-0123456789ab",
};

const program = fs.readFileSync(path.join(repoRoot, "test", "e2e", "programs", "every-kind.ts"), "utf8");

/**
 * The main job through the real engine (CLI, language host, dynamic-provider host loading our
 * serialized shim) against the emulator, with one resource of every kind in one stack.
 */
describe("real Pulumi CLI: every resource kind", function () {
  this.timeout(600_000);
  const stack = useEmulatedStack((emulator) =>
    PulumiProject.create({
      program,
      config: { "servicenow:instanceUrl": emulator.url, "servicenow:username": emulator.admin.username },
      secrets: { "servicenow:password": emulator.admin.password, ...secrets },
    }),
  );
  const keep = (result: CommandResult) => stack.keep(result);

  it("up creates every resource; preview and preview --refresh then show no changes", async () => {
    const { project } = stack;
    const up = keep(await project.up());
    assert.match(up.output, /\+ 19 created/, up.output);
    const outputs = await project.outputs();
    assert.match(String(outputs.sumTotal), /^[0-9a-f]{32}$/);
    assert.match(String(outputs.finishSignInUrl), /oauth_2_0_credentials\.do\?sys_id=[0-9a-f]{32}$/);

    const preview = keep(await project.preview("--expect-no-changes"));
    assert.equal(preview.code, 0, preview.output);
    const refreshed = keep(await project.preview("--refresh", "--expect-no-changes"));
    assert.equal(refreshed.code, 0, refreshed.output);
    const refresh = keep(await project.run(["refresh", "--expect-no-changes", "--yes", "--non-interactive", "--skip-preview"]));
    assert.equal(refresh.code, 0, `no kind reports a change on refresh right after up (generated values, defaults, normalised values):\n${refresh.output}`);
  });

  it("names each drifted input in --diff, secrets as [secret], and what no input shows in driftedOnInstance", async () => {
    const { emulator, project } = stack;
    const outputs = await project.outputs();
    const connection = emulator.records("http_connection", `sys_id=${outputs.sumTotal}`)[0]!;
    emulator.update("http_connection", connection.sys_id!, { connection_url: "https://evil.example.com" });
    const entity = emulator.records("oauth_entity", "name=Qualtrics OAuth")[0]!;
    emulator.update("oauth_entity", entity.sys_id!, { client_secret: "rewritten-in-the-ui" });
    emulator.remove("sys_properties", String(outputs.property));
    const scope = emulator.records("oauth_entity_scope", "oauth_entity_scope=write")[0]!;
    emulator.remove("oauth_entity_scope", scope.sys_id!);

    const drift = keep(await project.preview("--refresh"));
    const lines = drift.stdout.trimEnd().split("\n");
    console.log(`      preview --refresh --diff after four changes in the UI: ${lines.length} lines`);
    assert.ok(lines.length <= 70, `a drift report a person reads in ten seconds, not ${lines.length} lines:\n${drift.stdout}`);
    assert.match(drift.stdout, /~ connectionUrl\s*: "https:\/\/evil\.example\.com" => "https:\/\/acme\.sumtotal\.host"/);
    assert.match(drift.stdout, /~ oauthClientSecret\s*: \[secret\] => \[secret\]/);
    assert.match(drift.stdout, /\+ .*SystemProperty: \(create\)/);
    assert.match(drift.stdout, /- driftedOnInstance: \[\s*-\s+\[0\]: "scope:write \(record missing\)"/);
    assert.doesNotMatch(drift.stdout, /fingerprint|sha256:|__servicenow|records\s*:/);

    keep(await project.up("--refresh"));
    const clean = keep(await project.preview("--refresh", "--expect-no-changes"));
    assert.equal(clean.code, 0, clean.output);
  });

  it("catches changes made behind Pulumi's back with preview --refresh, and up --refresh repairs them", async () => {
    const { emulator, project } = stack;
    const outputs = await project.outputs();
    const property = String(outputs.property);
    emulator.update("sys_properties", property, { value: "changed in the UI" });
    const connection = emulator.records("http_connection", `sys_id=${outputs.sumTotal}`)[0]!;
    emulator.update("http_connection", connection.sys_id!, { connection_url: "https://evil.example.com" });
    const oktaCredential = emulator.records("api_key_credentials", "name=Okta API key")[0]!;
    emulator.update("api_key_credentials", oktaCredential.sys_id!, { api_key: "SSWS rotated-in-the-ui" });

    const drift = keep(await project.preview("--refresh", "--expect-no-changes"));
    assert.notEqual(drift.code, 0, "drift fails --expect-no-changes");
    assert.match(drift.output, /servicenow:SystemProperty.*property/);
    assert.match(drift.output, /servicenow:SumTotalConnection.*sumtotal/);
    assert.match(drift.output, /servicenow:OktaApiKeyCredential.*okta-key/);

    keep(await project.up("--refresh"));
    assert.equal(emulator.records("sys_properties", `sys_id=${property}`)[0]!.value, "3");
    assert.equal(emulator.records("http_connection", `sys_id=${connection.sys_id}`)[0]!.connection_url, "https://acme.sumtotal.host");
    assert.equal(emulator.revealSecret("api_key_credentials", oktaCredential.sys_id!, "api_key"), `SSWS ${secrets["e2e:oktaToken"]}`);
    const clean = keep(await project.preview("--refresh", "--expect-no-changes"));
    assert.equal(clean.code, 0, clean.output);
  });

  it("recreates a record deleted behind Pulumi's back", async () => {
    const { emulator, project } = stack;
    const outputs = await project.outputs();
    emulator.remove("sys_properties", String(outputs.property));
    keep(await project.up("--refresh"));
    const recreated = emulator.records("sys_properties", "name=x_e2e.settings.level");
    assert.equal(recreated.length, 1);
    assert.equal(recreated[0]!.value, "3");
  });

  it("changes an input in place, without replacement", async () => {
    const { emulator, project } = stack;
    await project.must(["config", "set", "e2e:level", "5"]);
    await project.must(["config", "set", "e2e:suffix", "--", "-2"]);
    const preview = keep(await project.preview());
    assert.match(preview.output, /~ 2 to update/, preview.output);
    assert.doesNotMatch(preview.output, /to replace/);
    keep(await project.up());
    assert.equal(emulator.records("sys_properties", "name=x_e2e.settings.level")[0]!.value, "5");
    assert.equal(emulator.records("http_connection", "name=E2E generic")[0]!.connection_url, "https://generic-2.example.com");
  });

  it("keeps every secret out of the exported state and out of everything the CLI printed, --debug included", async () => {
    const { project } = stack;
    keep(await project.must(["preview", "--refresh", "--debug", "--non-interactive"]));
    const state = await project.exportedState();
    stack.assertNoPlaintext(secrets, state, JSON.stringify(await project.outputs()));
    assert.match(state, /"ciphertext": "v1:/);
  });

  it("destroy leaves the instance as it was, with the spoke's shipped property given back", async () => {
    const { emulator, project } = stack;
    keep(await project.destroy());
    assert.deepEqual(snapshot(emulator), stack.initial);
  });
});
