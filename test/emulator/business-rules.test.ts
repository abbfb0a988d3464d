import * as assert from "node:assert/strict";
import { useEmulator } from "../helpers/emulator";

describe("emulator business rules", () => {
  const sn = useEmulator();

  const post = async (table: string, json: unknown): Promise<Response> => sn.fetch(`/api/now/table/${table}?sysparm_input_display_value=true&sysparm_exclude_reference_link=true`, { method: "POST", json });
  const created = async (table: string, json: unknown): Promise<Record<string, string>> => {
    const res = await post(table, json);
    assert.equal(res.status, 201, await res.clone().text());
    return ((await res.json()) as { result: Record<string, string> }).result;
  };

  it("inserting an oauth_entity creates its default profile", async () => {
    // Display-value input (for the secret): the choice column takes its label.
    const entity = await created("oauth_entity", { name: "BR SumTotal", default_grant_type: "Client Credentials", client_id: "abc", client_secret: "s" });
    const profiles = sn.instance.records("oauth_entity_profile", `oauth_entity=${entity.sys_id}`);
    assert.equal(profiles.length, 1);
    assert.equal(profiles[0].default, "true");
    assert.equal(profiles[0].grant_type, "client_credentials");
    assert.equal(profiles[0].name, "BR SumTotal default_profile");
    const res = await sn.fetch(`/api/now/table/oauth_entity_profile?sysparm_query=oauth_entity=${entity.sys_id}^default=true`);
    assert.equal(((await res.json()) as { result: unknown[] }).result.length, 1);
  });

  it("a second default profile is refused with 403 and the business-rule body; a non-default one is fine", async () => {
    const entity = await created("oauth_entity", { name: "BR second" });
    const res = await post("oauth_entity_profile", { name: "another", oauth_entity: entity.sys_id, grant_type: "password", default: true });
    assert.equal(res.status, 403);
    assert.deepEqual(await res.json(), { error: { message: "Operation Failed", detail: "Only one default profile is allowed per OAuth entity" }, status: "failure" });
    const other = await created("oauth_entity_profile", { name: "another", oauth_entity: entity.sys_id, grant_type: "password", default: false });
    const promote = await sn.fetch(`/api/now/table/oauth_entity_profile/${other.sys_id}`, { method: "PATCH", json: { default: "true" } });
    assert.equal(promote.status, 403);
  });

  it("defaults: redirect_url, type, active, lifespans", async () => {
    const e = await created("oauth_entity", { name: "BR defaults" });
    assert.equal(e.redirect_url, `${sn.url}/oauth_redirect.do`);
    assert.equal(e.type, "oauth_provider");
    assert.equal(e.active, "true");
    assert.equal(e.access_token_lifespan, "1800");
    assert.equal(e.refresh_token_lifespan, "8640000");
    assert.equal(e.client_id, "");
  });

  it("an external client (type client) without client_id gets a generated id and secret", async () => {
    const e = await created("oauth_entity", { name: "BR client", type: "client" });
    assert.match(e.client_id, /^[0-9a-f]{32}$/);
    const secret = sn.instance.revealSecret("oauth_entity", e.sys_id, "client_secret");
    assert.ok(secret !== undefined && secret.length >= 12);
    assert.notEqual(e.client_secret, secret);
  });

  it("deleting an entity deletes its profiles, scopes and profile-scopes, and clears credential references", async () => {
    const e = await created("oauth_entity", { name: "BR cascade" });
    const profile = sn.instance.records("oauth_entity_profile", `oauth_entity=${e.sys_id}`)[0];
    const scope = await created("oauth_entity_scope", { name: "all", oauth_entity: e.sys_id, oauth_entity_scope: "allapis" });
    const link = await created("oauth_entity_profile_scope", { oauth_entity_profile: profile.sys_id, oauth_entity_scope: scope.sys_id });
    const cred = await created("oauth_2_0_credentials", { name: "BR cred", oauth_entity_profile: profile.sys_id });
    assert.equal((await sn.fetch(`/api/now/table/oauth_entity/${e.sys_id}`, { method: "DELETE" })).status, 204);
    assert.equal(sn.instance.records("oauth_entity_profile", `oauth_entity=${e.sys_id}`).length, 0);
    assert.equal(sn.instance.records("oauth_entity_scope", `sys_id=${scope.sys_id}`).length, 0);
    assert.equal(sn.instance.records("oauth_entity_profile_scope", `sys_id=${link.sys_id}`).length, 0);
    assert.equal(sn.instance.records("oauth_2_0_credentials", `sys_id=${cred.sys_id}`)[0].oauth_entity_profile, "");
  });

  it("deleting a user deletes its role rows", async () => {
    const u = await created("sys_user", { user_name: "br.user" });
    const role = sn.instance.records("sys_user_role", "name=itil")[0];
    await created("sys_user_has_role", { user: u.sys_id, role: role.sys_id });
    assert.equal(sn.instance.records("sys_user_has_role", `user=${u.sys_id}`).length, 1);
    assert.equal((await sn.fetch(`/api/now/table/sys_user/${u.sys_id}`, { method: "DELETE" })).status, 204);
    assert.equal(sn.instance.records("sys_user_has_role", `user=${u.sys_id}`).length, 0);
  });

  it("deleting an http_connection deletes its attribute values", async () => {
    const alias = sn.instance.records("sys_alias", "id=sn_qualtrics_spoke.Qualtrics")[0];
    const attr = sn.instance.records("var_dictionary", `model_table=sys_alias^model_id=${alias.sys_id}`)[0];
    const conn = await created("http_connection", { name: "BR Qualtrics", connection_alias: alias.sys_id, connection_url: "https://org.qualtrics.com/API/v3" });
    const value = await created("sys_variable_value", { document: "http_connection", document_key: conn.sys_id, variable: attr.sys_id, value: "token" });
    assert.equal(conn.host, "org.qualtrics.com");
    assert.equal(conn.protocol, "https");
    assert.equal((await sn.fetch(`/api/now/table/http_connection/${conn.sys_id}`, { method: "DELETE" })).status, 204);
    assert.equal(sn.instance.records("sys_variable_value", `sys_id=${value.sys_id}`).length, 0);
  });

  it("credentials and connections default to active=true; other booleans to false", async () => {
    const cred = await created("api_key_credentials", { name: "BR key" });
    const conn = await created("http_connection", { name: "BR conn" });
    assert.equal(cred.active, "true");
    assert.equal(cred.order, "100");
    assert.equal(conn.active, "true");
    assert.equal(conn.use_mid, "false");
  });
});
