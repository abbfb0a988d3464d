import * as assert from "node:assert/strict";
import { basicAuthHeader, useEmulator } from "../helpers/emulator";

const NOT_AUTHENTICATED = { error: { message: "User Not Authenticated", detail: "Required to provide Auth information" }, status: "failure" };
const OAUTH_DENIED = { error_description: "access_denied", error: "server_error" };

describe("emulator sign-in", () => {
  const sn = useEmulator({ tokenLifetimeSeconds: 1, spokes: [] });

  const tokenRequest = (fields: Record<string, string>, contentType = "application/x-www-form-urlencoded"): Promise<Response> =>
    fetch(`${sn.url}/oauth_token.do`, { method: "POST", headers: { "content-type": contentType }, body: new URLSearchParams(fields).toString() });

  const passwordGrant = (): Promise<Response> =>
    tokenRequest({
      grant_type: "password",
      client_id: sn.instance.oauthClient.clientId,
      client_secret: sn.instance.oauthClient.clientSecret,
      username: sn.instance.admin.username,
      password: sn.instance.admin.password,
    });

  const list = (headers: Record<string, string>): Promise<Response> => fetch(`${sn.url}/api/now/table/sys_user_role`, { headers });

  describe("basic auth", () => {
    it("signs in admin and the non-admin user", async () => {
      assert.equal((await list({ authorization: basicAuthHeader(sn.instance.admin) })).status, 200);
      assert.equal((await list({ authorization: basicAuthHeader(sn.instance.user) })).status, 200);
      assert.equal(sn.instance.admin.username, "admin");
      assert.equal(sn.instance.user.username, "itil.user");
    });

    it("answers 401 with the exact body for no, wrong or malformed credentials", async () => {
      const none: Record<string, string> = {};
      for (const headers of [
        none,
        { authorization: basicAuthHeader({ username: "admin", password: "wrong" }) },
        { authorization: basicAuthHeader({ username: "nobody", password: "x" }) },
        { authorization: "Basic !!!" },
        { authorization: "Digest abc" },
      ]) {
        const res = await list(headers);
        assert.equal(res.status, 401);
        assert.deepEqual(await res.json(), NOT_AUTHENTICATED);
      }
    });

    it("refuses a locked-out or inactive user, and follows a password change at once", async () => {
      const u = sn.instance.insert("sys_user", { user_name: "auth.temp", user_password: "first" });
      const header = basicAuthHeader({ username: "auth.temp", password: "first" });
      assert.equal((await list({ authorization: header })).status, 200);
      sn.instance.update("sys_user", u.sys_id, { locked_out: true });
      assert.equal((await list({ authorization: header })).status, 401);
      sn.instance.update("sys_user", u.sys_id, { locked_out: false, active: false });
      assert.equal((await list({ authorization: header })).status, 401);
      sn.instance.update("sys_user", u.sys_id, { active: true, user_password: "second" });
      assert.equal((await list({ authorization: header })).status, 401);
      assert.equal((await list({ authorization: basicAuthHeader({ username: "auth.temp", password: "second" }) })).status, 200);
    });
  });

  describe("API key", () => {
    it("x-sn-apikey signs in as admin; a wrong key is 401", async () => {
      const ok = await fetch(`${sn.url}/api/now/table/sys_properties`, { method: "POST", headers: { "x-sn-apikey": sn.instance.apiKey, "content-type": "application/json" }, body: "{}" });
      assert.equal(ok.status, 201);
      assert.equal(((await ok.json()) as { result: { sys_created_by: string } }).result.sys_created_by, "admin");
      const bad = await list({ "x-sn-apikey": "0".repeat(32) });
      assert.equal(bad.status, 401);
      assert.deepEqual(await bad.json(), NOT_AUTHENTICATED);
    });
  });

  describe("POST /oauth_token.do", () => {
    it("grant password returns access and refresh tokens; the access token works as Bearer", async () => {
      const res = await passwordGrant();
      assert.equal(res.status, 200);
      const body = (await res.json()) as Record<string, unknown>;
      assert.deepEqual(Object.keys(body).sort(), ["access_token", "expires_in", "refresh_token", "scope", "token_type"]);
      assert.equal(body.token_type, "Bearer");
      assert.equal(body.expires_in, 0);
      assert.equal(body.scope, "useraccount");
      assert.equal((await list({ authorization: `Bearer ${String(body.access_token)}` })).status, 200);
    });

    it("access tokens expire after tokenLifetimeSeconds; refresh_token gets a new one", async () => {
      const first = (await (await passwordGrant()).json()) as { access_token: string; refresh_token: string };
      await new Promise((r) => setTimeout(r, 1100));
      const expired = await list({ authorization: `Bearer ${first.access_token}` });
      assert.equal(expired.status, 401);
      assert.deepEqual(await expired.json(), NOT_AUTHENTICATED);
      const refreshed = await tokenRequest({
        grant_type: "refresh_token",
        client_id: sn.instance.oauthClient.clientId,
        client_secret: sn.instance.oauthClient.clientSecret,
        refresh_token: first.refresh_token,
      });
      assert.equal(refreshed.status, 200);
      const body = (await refreshed.json()) as { access_token: string; refresh_token: string };
      assert.notEqual(body.access_token, first.access_token);
      assert.equal(body.refresh_token, first.refresh_token);
      assert.equal((await list({ authorization: `Bearer ${body.access_token}` })).status, 200);
    });

    it("grant client_credentials acts as admin", async () => {
      const res = await tokenRequest({ grant_type: "client_credentials", client_id: sn.instance.oauthClient.clientId, client_secret: sn.instance.oauthClient.clientSecret });
      assert.equal(res.status, 200);
      const body = (await res.json()) as { access_token: string; refresh_token?: string };
      assert.equal(body.refresh_token, undefined);
      const post = await fetch(`${sn.url}/api/now/table/sys_properties`, { method: "POST", headers: { authorization: `Bearer ${body.access_token}`, "content-type": "application/json" }, body: "{}" });
      assert.equal(post.status, 201);
    });

    it("answers every failure with 401 and the same body", async () => {
      const c = sn.instance.oauthClient;
      const admin = sn.instance.admin;
      const cases: [Record<string, string>, string?][] = [
        [{ grant_type: "password", client_id: c.clientId, client_secret: "wrong", username: admin.username, password: admin.password }],
        [{ grant_type: "password", client_id: "unknown", client_secret: c.clientSecret, username: admin.username, password: admin.password }],
        [{ grant_type: "password", client_id: c.clientId, client_secret: c.clientSecret, username: admin.username, password: "wrong" }],
        [{ grant_type: "refresh_token", client_id: c.clientId, client_secret: c.clientSecret, refresh_token: "nope" }],
        [{ grant_type: "authorization_code", client_id: c.clientId, client_secret: c.clientSecret }],
        [{ client_id: c.clientId, client_secret: c.clientSecret }],
        [{ grant_type: "client_credentials", client_id: c.clientId, client_secret: c.clientSecret }, "application/json"],
      ];
      for (const [fields, type] of cases) {
        const res = await tokenRequest(fields, type);
        assert.equal(res.status, 401, JSON.stringify(fields));
        assert.deepEqual(await res.json(), OAUTH_DENIED);
      }
    });

    it("client_credentials needs the instance property", async () => {
      const prop = sn.instance.records("sys_properties", "name=glide.oauth.inbound.client.credential.grant_type.enabled")[0];
      sn.instance.update("sys_properties", prop.sys_id, { value: "false" });
      const res = await tokenRequest({ grant_type: "client_credentials", client_id: sn.instance.oauthClient.clientId, client_secret: sn.instance.oauthClient.clientSecret });
      sn.instance.update("sys_properties", prop.sys_id, { value: "true" });
      assert.equal(res.status, 401);
    });
  });

  describe("ACLs", () => {
    const user = (): Record<string, string> => ({ authorization: basicAuthHeader(sn.instance.user), "content-type": "application/json" });
    const acl = (op: string): unknown => ({ error: { message: "Operation Failed", detail: `ACL Exception ${op} Failed due to security constraints` }, status: "failure" });

    it("a user without admin gets 403 with the ACL body on insert, update and delete", async () => {
      const target = sn.instance.insert("sys_properties", { name: "acl.target", value: "1" });
      const insert = await fetch(`${sn.url}/api/now/table/sys_properties`, { method: "POST", headers: user(), body: JSON.stringify({ name: "acl.new" }) });
      assert.equal(insert.status, 403);
      assert.deepEqual(await insert.json(), acl("Insert"));
      for (const method of ["PATCH", "PUT"]) {
        const update = await fetch(`${sn.url}/api/now/table/sys_properties/${target.sys_id}`, { method, headers: user(), body: JSON.stringify({ value: "2" }) });
        assert.equal(update.status, 403);
        assert.deepEqual(await update.json(), acl("Update"));
      }
      const del = await fetch(`${sn.url}/api/now/table/sys_properties/${target.sys_id}`, { method: "DELETE", headers: user() });
      assert.equal(del.status, 403);
      assert.deepEqual(await del.json(), acl("Delete"));
      assert.equal(sn.instance.records("sys_properties", "name=acl.target")[0].value, "1");
      assert.equal(sn.instance.records("sys_properties", "name=acl.new").length, 0);
    });

    it("roles are read on every request: granting admin lets the user write", async () => {
      const role = sn.instance.records("sys_user_role", "name=admin")[0];
      const u = sn.instance.records("sys_user", "user_name=itil.user")[0];
      const grant = sn.instance.insert("sys_user_has_role", { user: u.sys_id, role: role.sys_id });
      const res = await fetch(`${sn.url}/api/now/table/sys_properties`, { method: "POST", headers: user(), body: JSON.stringify({ name: "acl.granted" }) });
      sn.instance.remove("sys_user_has_role", grant.sys_id);
      assert.equal(res.status, 201);
    });
  });
});
