import * as assert from "node:assert/strict";
import { clientFor } from "../../provider/client/client-for";
import { resolveProviderConfig } from "../../provider/config/resolve-provider-config";
import { mapInstance, type ScannedResource, type ScanResult } from "../../provider/scan/map-resources";
import { differences, differencesTable, mergeStacks, secretConfigKey } from "../../provider/scan/merge-stacks";
import { readInstance } from "../../provider/scan/read-instance";
import { generatedHeader, renderProgram } from "../../provider/scan/render-program";
import { mergeStackFile, type ConfigValue } from "../../provider/scan/render-stack-config";
import { configureByHand, demoDev } from "../helpers/configure-by-hand";
import { useEmulator } from "../helpers/emulator";
import { checkAndCreate, connectProvider } from "../helpers/provider-session";

function apiOf(sn: { url: string; instance: { admin: { username: string; password: string } } }) {
  return clientFor(resolveProviderConfig({ get: () => undefined }, { SERVICENOW_INSTANCE_URL: sn.url, SERVICENOW_USERNAME: sn.instance.admin.username, SERVICENOW_PASSWORD: sn.instance.admin.password }));
}

const byName = (result: ScanResult, name: string): ScannedResource => {
  const found = result.resources.find((resource) => resource.name === name);
  assert.ok(found, `no resource ${name} in ${result.resources.map((resource) => resource.name).join(", ")}`);
  return found;
};

describe("scan: an instance configured by hand, mapped to resources", () => {
  const sn = useEmulator();
  let result: ScanResult;
  before(async () => {
    await configureByHand(sn.instance, demoDev, "unit");
    result = mapInstance(await readInstance(apiOf(sn), { oauthClients: true, users: true }));
  });

  it("picks each spoke's preset, with the inputs the instance has and no default the kind computes", () => {
    assert.deepEqual(
      result.resources.map((resource) => `${resource.kind} ${resource.name}`),
      [
        "OktaApiKeyCredential okta-key",
        "OktaConnection okta",
        "QualtricsConnection qualtrics",
        "SumTotalConnection sumtotal",
        "SpokeConnection workday",
        "TableRecord sys-connection-workday-legacy",
        "OAuthExternalClient client-workboard",
        "IntegrationUser user-svc-workboard",
      ],
    );
    // oauthTokenUrl is the form's default (derived from the connection URL), connectionName the alias's: both left out.
    assert.deepEqual(byName(result, "sumtotal").values, { connectionUrl: "https://acme-dev.sumtotal.host", oauthEntityName: "SumTotal OAuth", oauthClientId: "servicenow-dev" });
    assert.deepEqual(byName(result, "qualtrics").values, {
      connectionUrl: "https://acmedev.qualtrics.com/API/v3",
      oauthName: "Qualtrics OAuth",
      oauthClientId: "servicenow-dev",
      tokenUrl: "https://iad1.qualtrics.com/oauth2/token",
      directoryId: "POOL_dev1a2B3c",
    });
    assert.deepEqual(byName(result, "okta").references, { credentialSysId: "okta-key" });
    assert.deepEqual(byName(result, "workday").values, {
      connectionAlias: "x_acme_integrations.Workday",
      connectionUrl: "https://wd2-impl-services1.workday.com",
      credentialType: "basic",
      credentialName: "Workday integration",
      userName: "svc_servicenow",
      properties: { "x_acme_integrations.sync.batch_size": "100", "x_acme_integrations.sync.enabled": "true" },
    });
    assert.deepEqual(byName(result, "user-svc-workboard").values, { userName: "svc.workboard", firstName: "WorkBoard", lastName: "Integration", roles: ["itil"] });
  });

  it("names each secret after its form field and never reads one", () => {
    assert.deepEqual(byName(result, "qualtrics").secrets, [
      { input: "oauthClientSecret", label: "OAuth client secret" },
      { input: "xApiToken", label: "X-API-TOKEN" },
    ]);
    const text = JSON.stringify(result);
    assert.doesNotMatch(text, /hand-typed/);
  });

  it("adopts exactly what is there (no note), except the connection no kind covers, which becomes a TableRecord and says so", () => {
    for (const resource of result.resources.filter((candidate) => candidate.kind !== "TableRecord")) assert.deepEqual(resource.notes, [], resource.name);
    assert.match(byName(result, "sys-connection-workday-legacy").notes[0]!, /no kind covers sys_connection/);
  });
});

describe("scan: a hand configuration a preset cannot adopt as it is", () => {
  const sn = useEmulator({ spokes: ["sumtotal"] });

  it("falls back to SpokeConnection when the credential is not named after the entity, as the SumTotal form names it", async () => {
    const api = apiOf(sn);
    const entity = sn.instance.insert("oauth_entity", { name: "SumTotal OAuth", type: "oauth_provider", client_id: "c", client_secret: "s", default_grant_type: "client_credentials", token_url: "https://acme.sumtotal.host/apisecurity/connect/token" });
    const profile = sn.instance.records("oauth_entity_profile", `oauth_entity=${entity.sys_id}`)[0]!;
    const scope = sn.instance.insert("oauth_entity_scope", { oauth_entity: entity.sys_id!, name: "allapis", oauth_entity_scope: "allapis" });
    sn.instance.insert("oauth_entity_profile_scope", { oauth_entity_profile: profile.sys_id!, oauth_entity_scope: scope.sys_id! });
    const credential = sn.instance.insert("oauth_2_0_credentials", { name: "SumTotal prod credential", oauth_entity_profile: profile.sys_id!, active: "true" });
    const alias = sn.instance.records("sys_alias", "id=sn_sumtotal_spoke.SumTotal")[0]!;
    sn.instance.insert("http_connection", { name: "SumTotal", connection_alias: alias.sys_id!, connection_url: "https://acme.sumtotal.host", credential: credential.sys_id!, active: "true" });

    const scanned = mapInstance(await readInstance(api, { oauthClients: false, users: false }));
    const resource = byName(scanned, "sumtotal");
    assert.equal(resource.kind, "SpokeConnection");
    assert.deepEqual(resource.notes, []);
    assert.equal(resource.values.credentialName, "SumTotal prod credential");
    assert.deepEqual(resource.values.scopes, ["allapis"]);
  });

  it("says what adoption would change when no kind matches exactly", async () => {
    const entity = sn.instance.records("oauth_entity", "name=SumTotal OAuth")[0]!;
    sn.instance.update("oauth_entity", entity.sys_id!, { default_grant_type: "password" });
    const scanned = mapInstance(await readInstance(apiOf(sn), { oauthClients: false, users: false }));
    assert.match(byName(scanned, "sumtotal").notes.join("\n"), /would change oauth_entity\.default_grant_type of "SumTotal OAuth" from "password" to "client_credentials"/);
  });
});

describe("scan: an Okta org on a custom domain", () => {
  const sn = useEmulator({ spokes: ["okta"] });

  it("keeps the preset and names the domain in customDomain, the input the host check asks for", async () => {
    const key = sn.instance.insert("api_key_credentials", { name: "Okta API key", api_key: "SSWS token-0123456789", active: "true" });
    const alias = sn.instance.records("sys_alias", "id=sn_okta_spoke.Okta")[0]!;
    sn.instance.insert("http_connection", { name: "Okta", connection_alias: alias.sys_id!, connection_url: "https://login.acme.com", credential: key.sys_id!, active: "true" });
    const okta = byName(mapInstance(await readInstance(apiOf(sn), { oauthClients: false, users: false })), "okta");
    assert.equal(okta.kind, "OktaConnection");
    assert.equal(okta.values.connectionUrl, "https://login.acme.com");
    assert.equal(okta.values.customDomain, "login.acme.com");
  });
});

describe("scan: what the provider made reads back as the inputs that made it", () => {
  const sn = useEmulator({ spokes: ["okta"] });

  it("OktaOAuthConnection (authorization code, the form's default URLs, scopes)", async () => {
    connectProvider(sn.instance);
    const inputs = { connectionUrl: "https://acme.okta.com", clientId: "0oa1b2c3d4e5f6g7h8", clientSecret: "okta-client-secret-1", scopes: ["okta.groups.read", "okta.users.read"] };
    await checkAndCreate("OktaOAuthConnection", inputs);
    const okta = byName(mapInstance(await readInstance(apiOf(sn), { oauthClients: false, users: false })), "okta");
    assert.equal(okta.kind, "OktaOAuthConnection");
    const { clientSecret: _secret, ...plain } = inputs;
    assert.deepEqual(okta.values, plain);
    assert.deepEqual(okta.secrets.map((secret) => secret.input), ["clientSecret"]);
    assert.deepEqual(okta.notes, []);
  });

  it("HttpConnection, when the credential is of a type no spoke resource writes", async () => {
    connectProvider(sn.instance);
    await checkAndCreate("ConnectionAlias", { aliasId: "x_acme.Legacy", name: "Legacy" });
    const ssh = sn.instance.insert("discovery_credentials", { name: "Legacy SSH", active: "true" });
    await checkAndCreate("HttpConnection", { connectionAlias: "x_acme.Legacy", connectionName: "Legacy", connectionUrl: "https://legacy.acme.com", credentialSysId: ssh.sys_id! });
    const legacy = mapInstance(await readInstance(apiOf(sn), { oauthClients: false, users: false })).resources.find((resource) => resource.values.connectionName === "Legacy");
    assert.ok(legacy, "no resource for the Legacy connection");
    assert.equal(legacy.kind, "HttpConnection");
    assert.equal(legacy.values.connectionAlias, "x_acme.Legacy");
    assert.equal(legacy.values.connectionUrl, "https://legacy.acme.com");
  });
});

describe("scan: one program for several stacks", () => {
  const resource = (name: string, values: Record<string, unknown>): ScannedResource => ({
    kind: "SumTotalConnection",
    name,
    values,
    secrets: [{ input: "oauthClientSecret", label: "OAuth client secret" }],
    references: {},
    describes: `connection on ${name}`,
    notes: [],
  });
  const dev: ScanResult = { resources: [resource("sumtotal", { connectionUrl: "https://acme-dev.sumtotal.host", oauthClientId: "dev" })], uncovered: [] };
  const prod: ScanResult = {
    resources: [resource("sumtotal", { connectionUrl: "https://acme.sumtotal.host", oauthClientId: "dev" }), { ...resource("extra", {}), kind: "SystemProperty", secrets: [] }],
    uncovered: [],
  };
  const merged = mergeStacks([
    { stack: "dev", result: dev },
    { stack: "prod", result: prod },
  ]);

  it("is one resource per kind and name, present on the stacks that have it, with secrets named after the form field", () => {
    assert.deepEqual(merged.map((entry) => [entry.name, [...entry.stacks.keys()]]), [["sumtotal", ["dev", "prod"]], ["extra", ["prod"]]]);
    assert.equal(secretConfigKey(merged[0]!, { input: "oauthClientSecret" }), "sumtotalOauthClientSecret");
    assert.equal(secretConfigKey(merged[0]!, { input: "attributes", key: "x_api_token" }), "sumtotalXApiToken");
  });

  it("lists only what differs, and a resource one stack lacks", () => {
    const table = differencesTable(differences(merged, ["dev", "prod"]), ["dev", "prod"]);
    assert.equal(
      table,
      [
        "resource                     input          dev                             prod",
        "SumTotalConnection sumtotal  connectionUrl  https://acme-dev.sumtotal.host  https://acme.sumtotal.host",
        "SystemProperty extra         (resource)     (absent)                        present",
      ].join("\n"),
    );
  });

  it("renders a program that reads values from config and secrets with requireSecret, adopting everything", () => {
    const program = renderProgram(merged, ["dev", "prod"], { uncovered: new Map([["dev", ["a jdbc_connection"]]]) });
    assert.ok(program.startsWith(generatedHeader));
    assert.match(program, /present\("sumtotal", \(args: Omit<snow\.SumTotalConnectionArgs, "oauthClientSecret" \| "adopt">\) =>\n {2}new snow\.SumTotalConnection\("sumtotal", \{ \.\.\.args, oauthClientSecret: config\.requireSecret\("sumtotalOauthClientSecret"\), adopt: true \}\),\n\);/);
    assert.match(program, /\/\/ {3}dev: a jdbc_connection/);
  });
});

describe("scan: Pulumi.<stack>.yaml", () => {
  it("is written fresh with each value as JSON, which YAML reads unchanged", () => {
    const text = mergeStackFile(undefined, new Map<string, ConfigValue>([["spokes:okta", { connectionUrl: "https://acme.okta.com", active: false, scopes: ["a"], properties: { "x.y": "1" } }]]));
    assert.equal(text, 'config:\n  spokes:okta:\n    connectionUrl: "https://acme.okta.com"\n    active: false\n    scopes: ["a"]\n    properties:\n      x.y: "1"\n');
  });

  it("keeps the salt, the servicenow settings and secrets of an existing file, and replaces only the scanned keys", () => {
    const existing = [
      "encryptionsalt: v1:abc",
      "config:",
      "  servicenow:instanceUrl: https://dev.service-now.com",
      "  servicenow:password:",
      "    secure: v1:xyz",
      "  spokes:okta:",
      "    connectionUrl: https://old.okta.com",
      "  spokes:other: kept",
      "",
    ].join("\n");
    const merged = mergeStackFile(existing, new Map([["spokes:okta", { connectionUrl: "https://acme.okta.com" }]]));
    assert.equal(
      merged,
      [
        "encryptionsalt: v1:abc",
        "config:",
        "  servicenow:instanceUrl: https://dev.service-now.com",
        "  servicenow:password:",
        "    secure: v1:xyz",
        "  spokes:other: kept",
        "  spokes:okta:",
        '    connectionUrl: "https://acme.okta.com"',
        "",
      ].join("\n"),
    );
  });
});
