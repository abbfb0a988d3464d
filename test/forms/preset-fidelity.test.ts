import * as assert from "node:assert/strict";
import type { RunningEmulator } from "../../emulator";
import { useEmulator } from "../helpers/emulator";
import { checkAndCreate, connectProvider } from "../helpers/provider-session";

/**
 * Each preset against its alias's Configure form as the instance stores it: the test reads the
 * template's JSON itself, walks every path to the record the form would write, and checks that
 * every form field is an input of the preset (its value lands on the field's column) and every
 * default of the form is on the records. The form fields' inputs are the README's tables.
 */
interface PresetCase {
  readonly kind: string;
  readonly aliasId: string;
  /** Form label → the preset's input that sets it, and the value given. */
  readonly fields: Readonly<Record<string, readonly [input: string, value: string]>>;
  readonly other?: Readonly<Record<string, unknown>>;
}

const presets: readonly PresetCase[] = [
  {
    kind: "SumTotalConnection",
    aliasId: "sn_sumtotal_spoke.SumTotal",
    fields: {
      "Connection Name": ["connectionName", "SumTotal"],
      "Connection URL": ["connectionUrl", "https://acme.sumtotal.host"],
      "OAuth Entity Name": ["oauthEntityName", "SumTotal Fidelity OAuth"],
      "OAuth Client ID": ["oauthClientId", "sumtotal-client"],
      "OAuth Client Secret": ["oauthClientSecret", "sumtotal-secret-fidelity"],
      "OAuth Token URL": ["oauthTokenUrl", "https://acme.sumtotal.host/apisecurity/connect/token"],
    },
  },
  {
    kind: "QualtricsConnection",
    aliasId: "sn_qualtrics_spoke.Qualtrics",
    fields: {
      "Connection Name": ["connectionName", "Qualtrics"],
      "Connection URL": ["connectionUrl", "https://acme.qualtrics.com/API/v3"],
      "X-API-TOKEN": ["xApiToken", "qualtrics-token-fidelity"],
      "OAuth Name": ["oauthName", "Qualtrics Fidelity OAuth"],
      "OAuth Client ID": ["oauthClientId", "qualtrics-client"],
      "OAuth Client Secret": ["oauthClientSecret", "qualtrics-secret-fidelity"],
      "Token URL": ["tokenUrl", "https://iad1.qualtrics.com/oauth2/token"],
    },
  },
  {
    kind: "OktaOAuthConnection",
    aliasId: "sn_okta_spoke.Okta",
    fields: {
      "Connection Name": ["connectionName", "Okta"],
      "Connection URL": ["connectionUrl", "https://acme.okta.com"],
      "Authorization URL": ["authorizationUrl", "https://acme.okta.com/oauth2/v1/authorize"],
      "Token URL": ["tokenUrl", "https://acme.okta.com/oauth2/v1/token"],
      "Revocation URL": ["revokeUrl", "https://acme.okta.com/oauth2/v1/revoke"],
      "Client ID": ["clientId", "0oa1b2c3d4"],
      "Client Secret": ["clientSecret", "okta-secret-fidelity"],
      "Redirect URL": ["redirectUrl", "https://dev1.service-now.com/oauth_redirect.do"],
      "API Version": ["apiVersion", "v1"],
    },
  },
];

type Json = Record<string, unknown>;

/** The record (table and sys_id) that a form path's record is, from the created resource's sys_ids. */
function recordAt(emulator: RunningEmulator, path: string, sysIds: Readonly<Record<string, string>>): { values: Record<string, string>; column: string; table: string } | undefined {
  const read = (table: string, sysId: string | undefined) => (sysId ? emulator.records(table, `sys_id=${sysId}`)[0] : undefined);
  const parts: [RegExp, (match: RegExpMatchArray) => { table: string; record: Record<string, string> | undefined; column: string }][] = [
    [/^connection\.extended_attributes\.(\w+)$/, (m) => {
      const table = "sys_variable_value";
      const values = emulator.records(table, `document_key=${sysIds.connection}`);
      const definition = emulator.records("var_dictionary", `element=${m[1]}`)[0];
      return { table, record: values.find((value) => value.variable === definition?.sys_id), column: "value" };
    }],
    [/^credential\.oauth_entity\.oauth_entity_profile\[0\]\.(\w+)$/, (m) => ({ table: "oauth_entity_profile", record: emulator.records("oauth_entity_profile", `oauth_entity=${sysIds.entity}^default=true`)[0], column: m[1]! })],
    [/^credential\.oauth_entity\.(\w+)$/, (m) => ({ table: "oauth_entity", record: read("oauth_entity", sysIds.entity), column: m[1]! })],
    [/^credential\.(\w+)$/, (m) => ({ table: "oauth_2_0_credentials", record: read("oauth_2_0_credentials", sysIds.credential), column: m[1]! })],
    [/^connection\.(\w+)$/, (m) => ({ table: "http_connection", record: read("http_connection", sysIds.connection), column: m[1]! })],
  ];
  for (const [pattern, resolve] of parts) {
    const match = path.match(pattern);
    if (!match) continue;
    const { table, record, column } = resolve(match);
    return record ? { values: record, column, table } : undefined;
  }
  return undefined;
}

/** Every scalar of the default data by path, as the form writes it (`table` keys pick tables; scope lists are records). */
function defaultsOf(data: unknown, path = "", into: Record<string, string> = {}): Record<string, string> {
  if (Array.isArray(data)) data.forEach((item, index) => typeof item === "object" && defaultsOf(item, `${path}[${index}]`, into));
  else if (data && typeof data === "object") for (const [key, value] of Object.entries(data)) key !== "table" && defaultsOf(value, path ? `${path}.${key}` : key, into);
  else if (data !== "" && data !== undefined && data !== null) into[path] = String(data);
  return into;
}

describe("each preset writes what its alias's Configure form writes", () => {
  const sn = useEmulator({ quiet: true });

  for (const preset of presets) {
    it(`${preset.kind}: every form field is an input and lands on its column; every default of the form is on the records`, async () => {
      connectProvider(sn.instance);
      const alias = sn.instance.records("sys_alias", `id=${preset.aliasId}`)[0]!;
      const template = sn.instance.records("sys_alias_templates", `sys_id=${alias.configuration_template}`)[0]!;
      const schema = JSON.parse(template.dynamic_data_schema!) as Record<string, Json[]>;
      const fields = [...schema.connection_fields!, ...schema.credential_fields!, ...(schema.additional_fields ?? [])];
      const labels = fields.map((field) => field.label as string);
      assert.deepEqual([...labels].sort(), Object.keys(preset.fields).sort(), "every form field has an input of the preset, and nothing else is claimed");

      const inputs = Object.fromEntries(Object.values(preset.fields).map(([input, value]) => [input, value]));
      const { outs } = await checkAndCreate(preset.kind, { ...inputs, ...preset.other });
      const sysIds = outs.sysIds as Record<string, string>;

      for (const field of fields) {
        const [input, value] = preset.fields[field.label as string]!;
        if ((field.name as string).startsWith("additional.")) continue; // no record: only the On Create Script reads it
        const at = recordAt(sn.instance, field.name as string, sysIds);
        assert.ok(at, `${field.label}: no record for ${field.name}`);
        const stored = field.type === "password" ? sn.instance.revealSecret(at.table, at.values.sys_id!, at.column) ?? at.values[at.column] : at.values[at.column];
        assert.equal(stored, value, `${field.label} (${field.name}) holds the input ${input}`);
      }

      const given = new Set(fields.map((field) => field.name as string));
      const defaults = defaultsOf(JSON.parse(template.default_data_template!));
      const checked: string[] = [];
      for (const [path, value] of Object.entries(defaults)) {
        if (given.has(path) || /oauth_entity_scope|oauth_entity_profile_scope/.test(path)) continue;
        const at = recordAt(sn.instance, path, sysIds);
        assert.ok(at, `default ${path}: no record`);
        // The templates' `type: "consumer"` is stored as an OAuth provider (provider/forms/form-columns.ts).
        const expected = path === "credential.oauth_entity.type" && value === "consumer" ? "oauth_provider" : value;
        assert.equal(at.values[at.column], expected, `default ${path}`);
        checked.push(path);
      }
      assert.ok(checked.includes("credential.oauth_entity.code_challenge_method") && checked.includes("connection.use_mid"), `defaults checked: ${checked.join(", ")}`);

      const scopes = ((JSON.parse(template.default_data_template!) as Json).credential as Json | undefined)?.oauth_entity as Json | undefined;
      const wanted = ((scopes?.oauth_entity_scope as Json[] | undefined) ?? []).map((scope) => scope.oauth_entity_scope).sort();
      const made = sn.instance.records("oauth_entity_scope", `oauth_entity=${sysIds.entity}`).map((scope) => scope.oauth_entity_scope).sort();
      assert.deepEqual(made, wanted, "the form's scopes");
    });
  }
});
