import * as assert from "node:assert/strict";
import { storedValue, targetOf } from "../../provider/forms/form-columns";
import { parseFormTemplate, type StoredTemplate } from "../../provider/forms/form-template";
import { FormTemplateFormatError } from "../../provider/forms/form-template-format-error";

const stored = (over: Partial<StoredTemplate>): StoredTemplate => ({
  sys_id: "0123456789abcdef0123456789abcdef",
  name: "T",
  dynamic_data_schema: "{}",
  default_data_template: "{}",
  post_process_script: "",
  ...over,
});

describe("a Connection & Credential template as stored", () => {
  it("lists the form's fields of every section; a radio field counts with its default group", () => {
    const template = parseFormTemplate(stored({
      dynamic_data_schema: JSON.stringify({
        connection_fields: [{ name: "connection.connection_url", label: "Connection URL", type: "text", mandatory: true, defaultValue: "https://{site}/x" }],
        credential_fields: [
          { name: "credential.keystore-group", label: "Keystore", type: "radio", groups: [
            { name: "upload", label: "Upload", fields: [{ name: "credential.a", label: "A", type: "text" }] },
            { name: "existing", label: "Existing", default_group: true, fields: [{ name: "credential.b", label: "B", type: "password", mandatory: "true" }] },
          ] },
        ],
        additional_fields: [{ name: "additional.region", label: "Region", type: "text", defaultValue: "eu" }],
      }),
    }));
    assert.deepEqual(template.fields, [
      { path: "connection.connection_url", label: "Connection URL", type: "text", mandatory: true },
      { path: "credential.b", label: "B", type: "password", mandatory: true },
      { path: "additional.region", label: "Region", type: "text", mandatory: false, defaultValue: "eu" },
    ]);
  });

  it("flattens the default data to paths, without tables, empty values or placeholders, and reads the scopes and tables", () => {
    const template = parseFormTemplate(stored({
      default_data_template: JSON.stringify({
        connection: { table: "http_connection", name: "", use_mid: false, extended_attributes: { tenant: "t1" } },
        credential: {
          table: "oauth_2_0_credentials",
          oauth_entity: { token_url: "https://<provider>/token", public_client: false, oauth_entity_scope: [{ name: "all", oauth_entity_scope: "allapis" }], oauth_entity_profile: [{ grant_type: "client_credentials", oauth_entity_profile_scope: ["allapis"] }] },
        },
      }),
    }));
    assert.deepEqual(template.defaults, {
      "connection.use_mid": "false",
      "connection.extended_attributes.tenant": "t1",
      "credential.oauth_entity.public_client": "false",
      "credential.oauth_entity.oauth_entity_scope[0].name": "all",
      "credential.oauth_entity.oauth_entity_scope[0].oauth_entity_scope": "allapis",
      "credential.oauth_entity.oauth_entity_profile[0].grant_type": "client_credentials",
    });
    assert.deepEqual(template.scopes, ["allapis"]);
    assert.deepEqual(template.tables, { connection: "http_connection", credential: "oauth_2_0_credentials" });
  });

  it("never takes a secret as a default: a password field's prefill, or a secret column's value in the default data", () => {
    const template = parseFormTemplate(stored({
      dynamic_data_schema: JSON.stringify({ credential_fields: [{ name: "credential.oauth_entity.client_secret", label: "Secret", type: "password", defaultValue: "typed-in-secret-1" }] }),
      default_data_template: JSON.stringify({ credential: { password: "pw-in-template-1", api_key: "key-in-template-1", oauth_entity: { client_secret: "typed-in-secret-1", token_url: "https://auth.example.com/token" } } }),
    }));
    assert.deepEqual(template.defaults, { "credential.oauth_entity.token_url": "https://auth.example.com/token" });
    assert.equal(template.fields[0]!.defaultValue, undefined);
    assert.ok(!JSON.stringify(template).includes("-in-template-1") && !JSON.stringify(template).includes("typed-in-secret-1"));
  });

  it("tells the platform's stub On Create Script (comments only) from one that does something", () => {
    const stub = "(function execute(aliasId, connectionSysId, jsonDefaultData, jsonDynamicData) {\n  // aliasId: ...\n  /* nothing */\n})(aliasId, connectionSysId, jsonDefaultData, jsonDynamicData);\n";
    assert.equal(parseFormTemplate(stored({ post_process_script: "" })).hasOnCreateScript, false);
    assert.equal(parseFormTemplate(stored({ post_process_script: stub })).hasOnCreateScript, false);
    assert.equal(parseFormTemplate(stored({ post_process_script: stub.replace("/* nothing */", "gs.info('x');") })).hasOnCreateScript, true);
  });

  it("refuses JSON that is not an object, naming the template, the column and the fix", () => {
    assert.throws(() => parseFormTemplate(stored({ default_data_template: "[1" })), (error: Error) => {
      assert.ok(error instanceof FormTemplateFormatError);
      assert.match(error.message, /template T \(sys_alias_templates 0123456789abcdef0123456789abcdef\) has a default_data_template that is not a JSON object: fix the template on the instance/);
      return true;
    });
  });
});

describe("where a form path lands", () => {
  it("maps each section to its plan step and column, longest prefix first", () => {
    assert.deepEqual(targetOf("connection.connection_url"), { step: "connection", column: "connection_url" });
    assert.deepEqual(targetOf("connection.extended_attributes.x_api_token"), { step: "attribute-value:x_api_token", column: "value" });
    assert.deepEqual(targetOf("credential.user_name"), { step: "credential", column: "user_name" });
    assert.deepEqual(targetOf("credential.oauth_entity.client_id"), { step: "entity", column: "client_id" });
    assert.deepEqual(targetOf("credential.oauth_entity.oauth_entity_profile[0].name"), { step: "profile", column: "name" });
    assert.deepEqual(targetOf("additional.api_version"), { additional: "api_version" });
    assert.equal(targetOf("credential.oauth_entity.oauth_entity_scope[0].name"), undefined);
    assert.equal(targetOf("credential.jwt_provider.jwt_keystore_aliases.kid"), undefined, "a JWT form has no kind here");
  });

  it("stores the templates' OAuth type consumer as oauth_provider, and every other value as given", () => {
    assert.equal(storedValue({ step: "entity", column: "type" }, "consumer"), "oauth_provider");
    assert.equal(storedValue({ step: "entity", column: "type" }, "client"), "client");
    assert.equal(storedValue({ step: "connection", column: "name" }, "consumer"), "consumer");
  });
});
