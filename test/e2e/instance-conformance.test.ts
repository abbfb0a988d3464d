import * as assert from "node:assert/strict";
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { clientFor } from "../../provider/client/client-for";
import type { TableApi } from "../../provider/client/table-api";
import { resolveProviderConfig } from "../../provider/config/resolve-provider-config";
import { runProbes, type ProbeResult } from "../../scripts/instance/probes";
import { scriptKind, type AliasTemplate } from "../../scripts/instance/probes/alias-templates";
import { configureByHand, demoDev } from "../helpers/configure-by-hand";
import { useEmulator } from "../helpers/emulator";
import { repoRoot } from "./pulumi-project";

/**
 * `npm run test:instance` stays runnable: without SERVICENOW_TEST_INSTANCE_URL it runs against
 * an emulator it starts, and must pass there and write its report.
 */
describe("npm run test:instance against the emulator", function () {
  this.timeout(600_000);

  it("probes, runs the conformance program through the real CLI, destroys it and writes the report", async () => {
    const env = { ...process.env };
    delete env.SERVICENOW_TEST_INSTANCE_URL;
    const result = await new Promise<{ code: number; output: string }>((resolve) =>
      execFile(process.execPath, [path.join(repoRoot, "dist", "scripts", "instance", "main.js")], { cwd: repoRoot, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, output: `${stdout}\n${stderr}` }),
      ),
    );
    assert.equal(result.code, 0, result.output);
    const report = JSON.parse(fs.readFileSync(path.join(repoRoot, "conformance-report", "report.json"), "utf8"));
    assert.equal(report.kind, "emulator");
    assert.deepEqual(report.activeSpokes, ["sumtotal", "qualtrics", "okta"]);
    assert.deepEqual(
      report.probes.filter((probe: ProbeResult) => !probe.id.startsWith("api-key-")).map((probe: ProbeResult) => [probe.id, probe.holds]),
      ["client-sys-id", "sys-id-reuse", "password2-read-back", "unknown-column", "unknown-column-asked", "property-value-size", "attribute-definitions", "attribute-storage", "alias-templates", "oauth-entity-type", "identity-type"].map((id) => [id, true]),
      JSON.stringify(report.probes),
    );
    const probe = (id: string): ProbeResult => report.probes.find((candidate: ProbeResult) => candidate.id === id);
    assert.equal((probe("client-sys-id").details as { sent: string; returned: string }).returned, (probe("client-sys-id").details as { sent: string }).sent);
    // The emulator has no sys_choice or sys_db_object: recorded, not failed.
    assert.equal((probe("oauth-entity-type").details as { choices: unknown }).choices, "table not available");
    assert.equal((probe("attribute-storage").details as { tablesExtendingVarDictionary: unknown }).tablesExtendingVarDictionary, "sys_db_object: table not available");
    assert.ok(
      (probe("attribute-storage").details as { aliasAttributeDefinitions: { alias: string; element: string }[] }).aliasAttributeDefinitions.some((row) => row.alias === "sn_qualtrics_spoke.Qualtrics" && row.element === "x_api_token"),
    );
    // With or without templates on the emulator's aliases, each one found is read and described.
    for (const template of probe("alias-templates").details as AliasTemplate[]) assert.ok(template.missing === undefined && template.postProcessScript !== undefined, JSON.stringify(template));
    assert.ok(!("section" in probe("alias-templates")), "report.json holds the data, report.md the sections");
    assert.ok(report.probes.every((probe: { holds: boolean }) => probe.holds), JSON.stringify(report.probes));
    assert.equal(probe("api-key-client-token").outcome, "answered 200", "the REST API key probes ran and a client-set token signed in");
    assert.deepEqual(report.steps.map((step: { step: string; ok: boolean }) => [step.step, step.ok]), [
      ["pulumi up", true],
      ["pulumi preview --refresh --expect-no-changes", true],
      ["pulumi refresh --expect-no-changes", true],
      ["pulumi destroy", true],
    ]);
    assert.ok(Object.keys(report.formats).includes("oauth_entity"), "the report has the columns and formats of each table written");
    const markdown = fs.readFileSync(path.join(repoRoot, "conformance-report", "report.md"), "utf8");
    assert.match(markdown, /\| POST accepts a client-chosen sys_id/);
    assert.match(markdown, /\n## each alias's Connection & Credential template/);
    assert.match(markdown, /\n## the stored values of oauth_entity\.type[^\n]*\n\n```json\n/);
    assert.match(markdown, /\n## where connection attribute definitions and values are stored/);
  });
});

describe("test:instance probes on an instance configured by hand, with Connection & Credential templates", () => {
  const sn = useEmulator();
  let api: TableApi;
  let typed: Record<string, string> = {};
  const shipped = { schemaDefault: "shipped-default-secret-1", password: "template-password-2", apiKey: "template-api-key-3", attribute: "template-attribute-4", token: "template-token-5" };
  const template = (postProcess: string) => ({
    name: "OAuth Client Credentials (probe)",
    dynamic_data_schema: JSON.stringify({
      connection_fields: [{ name: "connection.connection_url", label: "Connection URL", type: "text", mandatory: true }],
      credential_fields: [
        { name: "credential.oauth_entity.client_id", label: "Client ID", type: "text" },
        { name: "credential.oauth_entity.client_secret", label: "Client Secret", type: "password", defaultValue: shipped.schemaDefault },
      ],
      additional_fields: [{ name: "connection.extended_attributes.x_token", label: "Token", type: "password" }],
    }),
    default_data_template: JSON.stringify({
      connection: { table: "http_connection", connection_url: "https://example.com", extended_attributes: { x_token: shipped.attribute } },
      credential: { table: "oauth_2_0_credentials", password: shipped.password, api_key: shipped.apiKey, oauth_entity: { type: "consumer", client_id: "", client_secret: "" }, jwt_provider: { refresh_token: shipped.token } },
    }),
    post_process_script: postProcess,
  });

  before(async () => {
    typed = await configureByHand(sn.instance, demoDev, "probe");
    api = clientFor(resolveProviderConfig({ get: () => undefined }, { SERVICENOW_INSTANCE_URL: sn.url, SERVICENOW_USERNAME: sn.instance.admin.username, SERVICENOW_PASSWORD: sn.instance.admin.password }));
    // The emulator's spokes may ship templates of their own: these tests look at the two they add.
    const stub = await api.create("sys_alias_templates", template("(function(connectionInfo, credentialInfo, additionalInfo) {\n  // Add your code here\n  /* nothing else */\n})(connectionInfo, credentialInfo, additionalInfo);"));
    const custom = await api.create("sys_alias_templates", template("(function(c) {\n  gs.info('made ' + c.name);\n})(connectionInfo);"));
    const aliasOf = async (id: string) => (await api.list("sys_alias", `id=${id}`))[0]!.sys_id!;
    await api.update("sys_alias", await aliasOf("sn_sumtotal_spoke.SumTotal"), { configuration_template: stub.sys_id! });
    await api.update("sys_alias", await aliasOf("sn_okta_spoke.Okta"), { configuration_template: custom.sys_id! });
    added = [stub.sys_id!, custom.sys_id!];
  });
  let added: string[] = [];

  const templatesOf = (results: ProbeResult[]) => results.find((result) => result.id === "alias-templates")!;
  const addedOf = (results: ProbeResult[]) => (templatesOf(results).details as AliasTemplate[]).filter((found) => added.includes(found.template));

  it("reads each alias's template dot-walked, blanks every secret, and tells a default post-process stub from code", async () => {
    const results = await runProbes(api, "pulumi-conf-probe1");
    assert.ok(results.every((result) => result.holds), JSON.stringify(results.filter((result) => !result.holds)));
    const templates = addedOf(results);
    assert.deepEqual(templates.map((found) => [found.alias, found.readVia, found.postProcessScript]), [
      ["sn_okta_spoke.Okta", "dot-walk", "custom code"],
      ["sn_sumtotal_spoke.SumTotal", "dot-walk", "default stub"],
    ]);
    const data = templates[0]!.defaultDataTemplate as { connection: { connection_url: string; extended_attributes: Record<string, string> }; credential: Record<string, unknown> & { oauth_entity: Record<string, string> } };
    assert.equal(data.connection.connection_url, "https://example.com");
    assert.deepEqual(data.connection.extended_attributes, { x_token: "(blanked)" });
    assert.equal(data.credential.password, "(blanked)");
    assert.equal(data.credential.api_key, "(blanked)");
    assert.deepEqual(data.credential.jwt_provider, { refresh_token: "(blanked)" });
    assert.deepEqual(data.credential.oauth_entity, { type: "consumer", client_id: "", client_secret: "" }, "empty secrets stay empty");
    assert.match(JSON.stringify(templates[0]!.dynamicDataSchema), /"label":"Client Secret","type":"password","defaultValue":"\(blanked\)"/);
    assert.match(templatesOf(results).section!.join("\n"), /### sn_sumtotal_spoke\.SumTotal \(SumTotal\): template "OAuth Client Credentials \(probe\)"\n\nRead via dot-walk\. Post-process script: default stub\./);

    const everything = JSON.stringify(results);
    for (const secret of [...Object.values(shipped), ...Object.values(typed)]) assert.ok(!everything.includes(secret), `${secret} appears in the probes' findings`);
    assert.doesNotMatch(everything, /gs\.info/, "scripts are described, never copied");
  });

  it("reads templates with a second GET where the instance does not dot-walk, and records the stored oauth_entity types and one connection's attribute values", async () => {
    const results = await runProbes(withoutDotWalking(api), "pulumi-conf-probe2");
    assert.deepEqual(addedOf(results).map((found) => found.readVia), ["sys_alias_templates", "sys_alias_templates"]);
    assert.ok((templatesOf(results).details as AliasTemplate[]).every((found) => found.readVia === "sys_alias_templates"));
    const types = results.find((result) => result.id === "oauth-entity-type")!;
    const stored: Record<string, number> = {};
    for (const entity of sn.instance.records("oauth_entity")) stored[entity.type!] = (stored[entity.type!] ?? 0) + 1;
    assert.ok((stored.oauth_provider ?? 0) >= 2 && (stored.client ?? 0) >= 1, JSON.stringify(stored));
    assert.deepEqual((types.details as { inUse: Record<string, number> }).inUse, stored);
    assert.match(types.outcome, new RegExp(`choices: sys_choice table not available; in use: client ×${stored.client}, oauth_provider ×${stored.oauth_provider}; \`consumer\` is unsettled`));

    const storage = (await runProbes(api, "pulumi-conf-probe3")).find((result) => result.id === "attribute-storage")!;
    const connection = (storage.details as { connectionWithValues: { name: string; values: { element: string; definitionTable: string; modelTable: string; value: string }[] } }).connectionWithValues;
    assert.equal(connection.name, "Qualtrics");
    assert.deepEqual(connection.values.map((value) => [value.element, value.definitionTable, value.modelTable, value.value]), [["x_api_token", "var_dictionary", "sys_alias", "set (not shown)"]]);
    assert.ok(storage.holds);
  });
});

describe("test:instance: what a post-process script is", () => {
  it("tells an empty script, a function whose body has only comments (called at once or not, arrow or not), and code apart", () => {
    const cases: [string, string][] = [
      ["", "empty"],
      ["  // nothing\n/* at all */", "empty"],
      ["(function process(connectionInfo, credentialInfo) {\n  // Add your code here\n})(connectionInfo, credentialInfo);", "default stub"],
      ["function onCreate(input) { /* TODO */ }", "default stub"],
      ["((input) => {\n  // nothing\n})(input)", "default stub"],
      ["(function (c) { c.name = 'x'; })(connectionInfo);", "custom code"],
      ["gs.info('hello');", "custom code"],
    ];
    assert.deepEqual(cases.map(([script]) => [script, scriptKind(script)]), cases);
  });
});

/** An instance that returns no dot-walked fields (`a.b` in sysparm_fields). */
function withoutDotWalking(api: TableApi): TableApi {
  const strip = <T extends Record<string, string>>(record: T): T => Object.fromEntries(Object.entries(record).filter(([key]) => !key.includes("."))) as T;
  return {
    instanceUrl: api.instanceUrl,
    get: async (table, sysId, options) => {
      const found = await api.get(table, sysId, options);
      return found === undefined ? undefined : strip(found);
    },
    list: async (table, query, options) => (await api.list(table, query, options)).map(strip),
    create: (table, fields, options) => api.create(table, fields, options),
    update: (table, sysId, fields, options) => api.update(table, sysId, fields, options),
    delete: (table, sysId) => api.delete(table, sysId),
  };
}
