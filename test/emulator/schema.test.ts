import * as assert from "node:assert/strict";
import { Schema, TABLES } from "../../emulator/schema";

describe("emulator schema", () => {
  const schema = new Schema();

  it("defines every table the provider writes", () => {
    for (const t of [
      "sys_alias", "sys_connection", "http_connection", "discovery_credentials", "basic_auth_credentials", "api_key_credentials",
      "oauth_2_0_credentials", "oauth_entity", "oauth_entity_profile", "oauth_entity_scope", "oauth_entity_profile_scope",
      "var_dictionary", "sys_connection_attribute", "sys_variable_value", "sys_properties", "sys_user", "sys_user_role", "sys_user_has_role",
    ]) assert.ok(schema.has(t), t);
  });

  it("resolves inheritance: child tables have their parent's fields and sys fields", () => {
    const f = schema.fields("basic_auth_credentials");
    for (const name of ["sys_id", "sys_class_name", "name", "active", "order", "applies_to", "tag", "user_name", "password"]) assert.ok(f.has(name), name);
    assert.equal(f.get("password")?.type, "password2");
    assert.deepEqual(schema.ancestry("http_connection"), ["http_connection", "sys_connection"]);
    assert.deepEqual([...schema.family("discovery_credentials")].sort(), ["api_key_credentials", "basic_auth_credentials", "discovery_credentials", "oauth_2_0_credentials"]);
    assert.equal(schema.field("http_connection", "credential")?.reference, "discovery_credentials");
  });

  it("has the field lists of the reference", () => {
    const names = (t: string): string[] => [...schema.fields(t).keys()].filter((n) => !n.startsWith("sys_"));
    assert.deepEqual(names("http_connection").sort(), ["active", "connection_alias", "connection_retries", "connection_timeout", "connection_url", "credential", "host", "mid_server", "name", "order", "protocol", "use_mid"]);
    assert.deepEqual(names("sys_user").sort(), ["active", "email", "first_name", "identity_type", "last_name", "locked_out", "user_name", "user_password", "web_service_access_only"]);
    assert.deepEqual(names("sys_properties").sort(), ["choices", "description", "ignore_cache", "is_private", "name", "read_roles", "suffix", "type", "value", "write_roles"]);
  });

  it("rejects a definition that points at a missing table", () => {
    assert.throws(() => new Schema([...TABLES, { name: "x_bad", parent: "nope", fields: {} }]), /unknown parent/);
    assert.throws(() => new Schema([{ name: "x_bad", fields: { r: { type: "reference", reference: "nope" } } }]), /unknown table/);
  });
});
