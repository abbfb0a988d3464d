import * as assert from "node:assert/strict";
import { isServiceNowError, isUnauthorizedError } from "../../../provider/client/errors";
import { AUTH, INSTANCE, nock, SECRETS, SYS_ID, testClient, useNock } from "../fixtures";

const PATH = `/api/now/table/sys_alias/${SYS_ID}`;
const OK = { result: { sys_id: SYS_ID } };
const FORM = { "content-type": "application/x-www-form-urlencoded" };
const CLIENT = { client_id: "cid", client_secret: SECRETS.clientSecret };
const PASSWORD_GRANT = { grant_type: "password", ...CLIENT, username: "admin", password: SECRETS.password };

function token(access: string, refresh?: string, expiresIn = 1799): object {
  return { access_token: access, ...(refresh ? { refresh_token: refresh } : {}), scope: "useraccount", token_type: "Bearer", expires_in: expiresIn };
}

function tableGet(access: string, times = 1): nock.Scope {
  return nock(INSTANCE, { reqheaders: { authorization: `Bearer ${access}` } }).get(PATH).query(true).times(times).reply(200, OK);
}

describe("OAuthTokenProvider", () => {
  useNock();

  it("password grant: POSTs the form to /oauth_token.do, then sends Bearer <access token>", async () => {
    nock(INSTANCE, { reqheaders: FORM, badheaders: ["authorization"] })
      .post("/oauth_token.do", PASSWORD_GRANT)
      .reply(200, token(SECRETS.issuedAccess, SECRETS.issuedRefresh));
    tableGet(SECRETS.issuedAccess);
    const { client, events } = testClient({ auth: AUTH["oauth-password"] });
    await client.get("sys_alias", SYS_ID);
    assert.deepEqual(events.map((e) => [e.operation, e.method, e.path]), [
      ["sign-in", "POST", "/oauth_token.do"],
      ["get", "GET", PATH],
    ]);
  });

  it("caches the token across requests", async () => {
    nock(INSTANCE).post("/oauth_token.do").once().reply(200, token(SECRETS.issuedAccess));
    tableGet(SECRETS.issuedAccess, 3);
    const { client } = testClient({ auth: AUTH["oauth-client-credentials"] });
    for (let i = 0; i < 3; i++) await client.get("sys_alias", SYS_ID);
  });

  it("fetches one token for many concurrent requests (single flight)", async () => {
    nock(INSTANCE).post("/oauth_token.do").delay(20).once().reply(200, token(SECRETS.issuedAccess));
    tableGet(SECRETS.issuedAccess, 6);
    const { client } = testClient({ auth: AUTH["oauth-client-credentials"] });
    await Promise.all(Array.from({ length: 6 }, () => client.get("sys_alias", SYS_ID)));
  });

  it("renews with the refresh token 60 s before expiry, not earlier", async () => {
    nock(INSTANCE).post("/oauth_token.do", PASSWORD_GRANT).reply(200, token(SECRETS.issuedAccess, SECRETS.issuedRefresh, 1799));
    tableGet(SECRETS.issuedAccess, 2);
    nock(INSTANCE, { reqheaders: FORM })
      .post("/oauth_token.do", { grant_type: "refresh_token", ...CLIENT, refresh_token: SECRETS.issuedRefresh })
      .reply(200, token(SECRETS.issuedAccess2, SECRETS.issuedRefresh));
    tableGet(SECRETS.issuedAccess2);
    const { client, clock } = testClient({ auth: AUTH["oauth-password"] });
    await client.get("sys_alias", SYS_ID);
    clock.time += (1799 - 60) * 1000 - 1;
    await client.get("sys_alias", SYS_ID); // still valid
    clock.time += 1;
    await client.get("sys_alias", SYS_ID); // renewed first
  });

  it("falls back to the password grant when the refresh is rejected", async () => {
    nock(INSTANCE).post("/oauth_token.do", PASSWORD_GRANT).reply(200, token(SECRETS.issuedAccess, SECRETS.issuedRefresh, 120));
    tableGet(SECRETS.issuedAccess);
    nock(INSTANCE)
      .post("/oauth_token.do", { grant_type: "refresh_token", ...CLIENT, refresh_token: SECRETS.issuedRefresh })
      .reply(401, { error: "access_denied", error_description: "refresh token expired" })
      .post("/oauth_token.do", PASSWORD_GRANT)
      .reply(200, token(SECRETS.issuedAccess2));
    tableGet(SECRETS.issuedAccess2);
    const { client, clock } = testClient({ auth: AUTH["oauth-password"] });
    await client.get("sys_alias", SYS_ID);
    clock.time += 61_000;
    await client.get("sys_alias", SYS_ID);
  });

  it("on a 401 from the Table API: one fresh sign-in and one retry", async () => {
    nock(INSTANCE).post("/oauth_token.do", PASSWORD_GRANT).reply(200, token(SECRETS.issuedAccess, SECRETS.issuedRefresh));
    nock(INSTANCE, { reqheaders: { authorization: `Bearer ${SECRETS.issuedAccess}` } }).get(PATH).query(true).reply(401, { error: { message: "User Not Authenticated" } });
    nock(INSTANCE)
      .post("/oauth_token.do", { grant_type: "refresh_token", ...CLIENT, refresh_token: SECRETS.issuedRefresh })
      .reply(200, token(SECRETS.issuedAccess2, SECRETS.issuedRefresh));
    tableGet(SECRETS.issuedAccess2);
    const { client } = testClient({ auth: AUTH["oauth-password"] });
    assert.equal((await client.get("sys_alias", SYS_ID))?.sys_id, SYS_ID);
  });

  it("raises UnauthorizedError when the fresh token is rejected too", async () => {
    nock(INSTANCE).post("/oauth_token.do").times(2).reply(200, token(SECRETS.issuedAccess));
    nock(INSTANCE).get(PATH).query(true).times(2).reply(401, { error: { message: "User Not Authenticated" } });
    const { client, events } = testClient({ auth: AUTH["oauth-client-credentials"] });
    await assert.rejects(client.get("sys_alias", SYS_ID), (e: unknown) => {
      assert.ok(isUnauthorizedError(e));
      assert.equal(e.operation, "get");
      assert.match(e.message, /\(OAuth grant client_credentials\) \(HTTP 401: User Not Authenticated\)\. Check `servicenow:clientId`.*`servicenow:clientSecret`/);
      return true;
    });
    assert.deepEqual(events.map((e) => e.operation), ["sign-in", "get", "sign-in", "get"]);
  });

  it("refresh_token grant: sends the configured refresh token, then the one the instance returns", async () => {
    nock(INSTANCE, { reqheaders: FORM })
      .post("/oauth_token.do", { grant_type: "refresh_token", ...CLIENT, refresh_token: SECRETS.refreshToken })
      .reply(200, token(SECRETS.issuedAccess, SECRETS.issuedRefresh, 100))
      .post("/oauth_token.do", { grant_type: "refresh_token", ...CLIENT, refresh_token: SECRETS.issuedRefresh })
      .reply(200, token(SECRETS.issuedAccess2, undefined, 100));
    tableGet(SECRETS.issuedAccess);
    tableGet(SECRETS.issuedAccess2);
    const { client, clock } = testClient({ auth: AUTH["oauth-refresh-token"] });
    await client.get("sys_alias", SYS_ID);
    clock.time += 41_000;
    await client.get("sys_alias", SYS_ID);
  });

  it("client_credentials grant: client id and secret only", async () => {
    nock(INSTANCE, { reqheaders: FORM }).post("/oauth_token.do", { grant_type: "client_credentials", ...CLIENT }).reply(200, token(SECRETS.issuedAccess));
    tableGet(SECRETS.issuedAccess);
    await testClient({ auth: AUTH["oauth-client-credentials"] }).client.get("sys_alias", SYS_ID);
  });

  it("a rejected sign-in is an UnauthorizedError of operation sign-in naming the OAuth settings", async () => {
    nock(INSTANCE).post("/oauth_token.do").reply(401, { error: "access_denied", error_description: "Invalid client credentials" });
    const { client, events } = testClient({ auth: AUTH["oauth-password"] });
    await assert.rejects(client.get("sys_alias", SYS_ID), (e: unknown) => {
      assert.ok(isUnauthorizedError(e));
      assert.equal(e.operation, "sign-in");
      assert.equal(e.table, "sys_alias");
      assert.equal(
        e.message,
        `sign-in on ${INSTANCE} failed: the instance rejected the credentials (OAuth grant password as \`admin\`) ` +
          "(HTTP 401: access_denied: Invalid client credentials). Check `servicenow:clientId` (or SERVICENOW_CLIENT_ID / SN_CLIENT_ID), " +
          "`servicenow:clientSecret` (or SERVICENOW_CLIENT_SECRET / SN_CLIENT_SECRET), `servicenow:username` (or SERVICENOW_USERNAME / " +
          "SN_USERNAME), `servicenow:password` (or SERVICENOW_PASSWORD / SN_PASSWORD).",
      );
      return true;
    });
    assert.equal(events.length, 1);
  });

  it("a 200 without an access token is a failed sign-in", async () => {
    nock(INSTANCE).post("/oauth_token.do").reply(200, "<html>login</html>");
    const { client } = testClient({ auth: AUTH["oauth-client-credentials"] });
    await assert.rejects(client.get("sys_alias", SYS_ID), isUnauthorizedError);
  });

  it("retries the token request after 503 and network errors", async () => {
    nock(INSTANCE)
      .post("/oauth_token.do").reply(503)
      .post("/oauth_token.do").replyWithError(Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }))
      .post("/oauth_token.do").reply(200, token(SECRETS.issuedAccess));
    tableGet(SECRETS.issuedAccess);
    const { client, clock } = testClient({ auth: AUTH["oauth-client-credentials"] });
    await client.get("sys_alias", SYS_ID);
    assert.deepEqual(clock.sleeps, [125, 250]);
  });

  it("a missing /oauth_token.do (404) says to check the OAuth plugin", async () => {
    nock(INSTANCE).post("/oauth_token.do").reply(404, "Not Found");
    const { client } = testClient({ auth: AUTH["oauth-client-credentials"] });
    await assert.rejects(client.get("sys_alias", SYS_ID), (e: unknown) => {
      assert.ok(isServiceNowError(e));
      assert.match(e.message, /\/oauth_token\.do was not found \(HTTP 404: Not Found\)\. Check `servicenow:instanceUrl` and that the OAuth plugin is active/);
      return true;
    });
  });
});
