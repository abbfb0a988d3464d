import * as assert from "node:assert/strict";
import * as path from "node:path";
import { snapshot } from "../lifecycle/snapshot";
import { connectProvider, lifecycle } from "../helpers/provider-session";
import { useEmulatedStack } from "./emulated-stack";
import { PulumiProject, repoRoot } from "./pulumi-project";
import { addGeneratedResources, patchRecord, setProperty, yamlProject } from "./yaml-program";
import { assertYamlHostInstalled } from "../../scripts/local-pulumi";

/**
 * examples/yaml run as a user runs it: Pulumi YAML, the provider plugin from the installed
 * package, the real CLI, one stack (the example's `dev`, pointed at an emulator) shared by the
 * cases in order: up, no-change previews, drift caught and repaired, import into a second
 * project, destroy; and no planted secret in any state or anything the CLI printed.
 */

const secrets = {
  "yaml:sumtotalClientSecret": "yaml-sumtotal-Secret-1f2e",
  "yaml:qualtricsClientSecret": "yaml-qualtrics-Secret-3d4c",
  "yaml:qualtricsApiToken": "yaml-qualtrics-Token-5b6a",
  "yaml:oktaApiToken": "yaml-okta-Token-7980",
  "yaml:toolClientSecret": "yaml-tool-client-Secret-a1b2c3",
  "yaml:toolUserPassword": "yaml-user-Password-d4e5!",
  "yaml:webhookSecret": "yaml-webhook-Secret-f6a7",
};
const legacySecret = "yaml-legacy-Secret-0c9d";

describe("examples/yaml through the real Pulumi CLI: Pulumi YAML and the provider plugin", function () {
  this.timeout(5 * 60_000);
  const states: string[] = [];
  const stack = useEmulatedStack(async (emulator) => {
    assertYamlHostInstalled();
    return PulumiProject.create({
      fromDirectory: path.join(repoRoot, "examples", "yaml"),
      stack: "dev",
      config: { "servicenow:instanceUrl": emulator.url, "servicenow:username": emulator.admin.username },
      secrets: { "servicenow:password": emulator.admin.password, ...secrets },
    });
  });
  let imported: PulumiProject | undefined;
  after(() => imported?.dispose());

  it("up makes the records of the three spokes, the tool's client and user, and the properties", async () => {
    const { emulator, project } = stack;
    stack.keep(await project.up());
    const one = (table: string, query: string) => {
      const found = emulator.records(table, query);
      assert.equal(found.length, 1, `${table} ${query}`);
      return found[0]!;
    };
    assert.equal(one("http_connection", "name=SumTotal").connection_url, "https://acme-test.sumtotal.host");
    assert.equal(one("oauth_entity", "name=SumTotal OAuth").client_id, "servicenow-dev");
    assert.equal(one("http_connection", "name=Qualtrics").connection_url, "https://acme.qualtrics.com/API/v3");
    assert.equal(one("sys_properties", "name=sn_qualtrics_spoke.qualtrics_directory").value, "POOL_dev1");
    assert.equal(one("api_key_credentials", "name=Okta API key").name, "Okta API key");
    assert.equal(one("http_connection", "name=Okta").credential, one("api_key_credentials", "name=Okta API key").sys_id);
    assert.equal(one("oauth_entity", "name=WorkBoard").type, "client");
    assert.equal(one("sys_user", "user_name=svc.workboard").web_service_access_only, "true");
    assert.equal(one("sys_properties", "name=x_acme_integrations.batch.size").value, "50");
    assert.equal(one("sys_properties", "name=x_acme_integrations.webhook.secret").type, "password2");
    const outputs = await project.outputs();
    assert.equal(outputs.sumtotalConnectionSysId, one("http_connection", "name=SumTotal").sys_id);
    assert.match(String(outputs.toolClientId), /^[0-9a-f]{32}$/, "the generated client id is an output");
    assert.equal(outputs.toolTokenUrl, `${emulator.url}/oauth_token.do`);
  });

  it("preview and preview --refresh then show no changes", async () => {
    const { project } = stack;
    stack.keep(await project.must(["preview", "--non-interactive", "--expect-no-changes"]));
    stack.keep(await project.must(["preview", "--non-interactive", "--refresh", "--expect-no-changes"]));
  });

  it("a change made behind Pulumi's back shows in preview --refresh and up --refresh repairs it", async () => {
    const { emulator, project } = stack;
    const property = emulator.records("sys_properties", "name=x_acme_integrations.batch.size")[0]!;
    const connection = emulator.records("http_connection", "name=SumTotal")[0]!;
    await patchRecord(emulator, "sys_properties", property.sys_id!, { value: "999" });
    await patchRecord(emulator, "http_connection", connection.sys_id!, { connection_url: "https://evil.example.com" });
    const drift = stack.keep(await project.preview("--refresh", "--expect-no-changes"));
    assert.notEqual(drift.code, 0, "--expect-no-changes fails on drift");
    assert.match(drift.output, /~ value\s*: "50" => "999"/, "refresh shows what the instance has");
    assert.match(drift.output, /~ value\s*: "999" => "50"/, "and the update that puts it back");
    assert.match(drift.output, /~ connectionUrl\s*: "https:\/\/evil\.example\.com" => "https:\/\/acme-test\.sumtotal\.host"/);
    assert.match(drift.output, /~ 2 to update/);
    assert.doesNotMatch(drift.output, /__owner/, "the provider's bookkeeping is not shown as a change");
    stack.keep(await project.up("--refresh"));
    assert.equal(emulator.records("sys_properties", "name=x_acme_integrations.batch.size")[0]!.value, "50");
    assert.equal(emulator.records("http_connection", "name=SumTotal")[0]!.connection_url, "https://acme-test.sumtotal.host");
    stack.keep(await project.must(["preview", "--non-interactive", "--refresh", "--expect-no-changes"]));
  });

  it("pulumi import brings existing records under a second program: generated code, then a clean preview --refresh", async () => {
    const { emulator } = stack;
    // Records made outside any Pulumi program: a property and a SumTotal connection (its
    // OAuth provider, credential and connection), as another tool would leave them.
    connectProvider(emulator);
    const property = await lifecycle("SystemProperty").create({ name: "x_legacy.sync.level", value: "3", description: "made by hand" });
    const spoke = await lifecycle("SumTotalConnection").create({
      connectionUrl: "https://legacy.sumtotal.host",
      oauthEntityName: "Legacy SumTotal OAuth",
      oauthClientId: "legacy-client",
      oauthClientSecret: legacySecret,
      connectionName: "Legacy SumTotal",
      active: true,
      verifyCredentials: false,
      acknowledgeOnCreateScript: false,
    });

    imported = await yamlProject("config:\n  legacyClientSecret:\n    type: string\n    secret: true\n", {
      config: { "servicenow:instanceUrl": emulator.url, "servicenow:username": emulator.admin.username },
      secrets: { "servicenow:password": emulator.admin.password, "e2e:legacyClientSecret": legacySecret },
    });
    const generated = path.join(imported.dir, "generated.yaml");
    stack.keep(await imported.must(["import", "servicenow:index:SystemProperty", "level", property.id, "--yes", "--non-interactive", "-o", generated]));
    const propertyCode = addGeneratedResources(imported, generated);
    assert.match(propertyCode, /name: x_legacy\.sync\.level/);
    assert.match(propertyCode, /value: '3'/);
    stack.keep(await imported.must(["preview", "--non-interactive", "--refresh", "--expect-no-changes"]));

    // A multi-record resource by its primary record, the connection.
    stack.keep(await imported.must(["import", "servicenow:index:SumTotalConnection", "legacy", spoke.id, "--yes", "--non-interactive", "-o", generated]));
    const spokeCode = addGeneratedResources(imported, generated);
    assert.match(spokeCode, /connectionUrl: https:\/\/legacy\.sumtotal\.host/);
    assert.match(spokeCode, /oauthClientId: legacy-client/);
    assert.match(spokeCode, /connectionName: Legacy SumTotal/);
    // The instance never returns a secret: the generated code has an empty one (which check
    // refuses), the user sets it, and the first up writes it; nothing else changes.
    assert.match(spokeCode, /oauthClientSecret: ""\n/);
    const unset = stack.keep(await imported.preview("--refresh"));
    assert.notEqual(unset.code, 0);
    assert.match(unset.output, /`oauthClientSecret` must not be empty/);
    setProperty(imported, "oauthClientSecret", "${legacyClientSecret}");
    const first = stack.keep(await imported.preview("--refresh"));
    assert.equal(first.code, 0, first.output);
    assert.match(first.output, /servicenow:index:SumTotalConnection::legacy\]\n\s+\+ oauthClientSecret\s*: \[secret\]\nResources:\n\s+~ 1 to update\n\s+2 unchanged/, "the first up writes the secret, and only that");
    stack.keep(await imported.up("--refresh"));
    stack.keep(await imported.must(["preview", "--non-interactive", "--refresh", "--expect-no-changes"]));
    states.push(await imported.exportedState());
    assert.equal(emulator.records("http_connection", "name=Legacy SumTotal").length, 1, "imported, not duplicated");
  });

  it("keeps every secret out of the state and of what the CLI printed", async () => {
    states.push(await stack.project.exportedState());
    stack.assertNoPlaintext({ ...secrets, legacy: legacySecret }, ...states);
  });

  it("destroy removes what the programs made and imported, and leaves the instance as it was", async () => {
    const { emulator, project } = stack;
    stack.keep(await project.destroy());
    if (imported) {
      stack.keep(await imported.must(["state", "unprotect", "--all", "--yes", "--non-interactive"]));
      stack.keep(await imported.destroy());
    }
    // Imported records count as adopted: a SystemProperty is given back its value and kept (as
    // an adopted property always is); the other kinds' records are deleted.
    const kept = emulator.records("sys_properties", "name=x_legacy.sync.level");
    assert.deepEqual(kept.map((record) => record.value), ["3"]);
    const after = snapshot(emulator);
    after.sys_properties = after.sys_properties!.filter((record) => record.name !== "x_legacy.sync.level");
    assert.deepEqual(after, stack.initial);
  });
});
