import * as assert from "node:assert/strict";
import { isUnauthorizedError } from "../../../provider/client/errors";
import { AUTH, BASIC_HEADER, INSTANCE, nock, SECRETS, SYS_ID, testClient, useNock } from "../fixtures";

const PATH = `/api/now/table/sys_alias/${SYS_ID}`;
const OK = { result: { sys_id: SYS_ID } };

describe("static sign-in modes", () => {
  useNock();

  it("basic: Authorization: Basic base64(username:password)", async () => {
    nock(INSTANCE, { reqheaders: { authorization: BASIC_HEADER }, badheaders: ["x-sn-apikey"] }).get(PATH).query(true).reply(200, OK);
    await testClient({ auth: AUTH.basic }).client.get("sys_alias", SYS_ID);
  });

  it("api-key: x-sn-apikey header and no Authorization", async () => {
    nock(INSTANCE, { reqheaders: { "x-sn-apikey": SECRETS.apiKey }, badheaders: ["authorization"] }).get(PATH).query(true).reply(200, OK);
    await testClient({ auth: AUTH["api-key"] }).client.get("sys_alias", SYS_ID);
  });

  it("bearer: Authorization: Bearer <the given token>", async () => {
    nock(INSTANCE, { reqheaders: { authorization: `Bearer ${SECRETS.accessToken}` } }).get(PATH).query(true).reply(200, OK);
    await testClient({ auth: AUTH.bearer }).client.get("sys_alias", SYS_ID);
  });

  const expected = {
    basic: "basic auth as `admin`) (HTTP 401: User Not Authenticated: Required to provide Auth information). " +
      "Check `servicenow:username` (or SERVICENOW_USERNAME / SN_USERNAME), `servicenow:password` (or SERVICENOW_PASSWORD / SN_PASSWORD).",
    "api-key": "API key in the x-sn-apikey header) (HTTP 401: User Not Authenticated: Required to provide Auth information). " +
      "Check `servicenow:apiKey` (or SERVICENOW_API_KEY / SN_API_KEY).",
    bearer: "the given bearer access token) (HTTP 401: User Not Authenticated: Required to provide Auth information). " +
      "Check `servicenow:accessToken` (or SERVICENOW_ACCESS_TOKEN / SN_ACCESS_TOKEN).",
  } as const;
  for (const mode of ["basic", "api-key", "bearer"] as const) {
    it(`${mode}: a 401 is final (nothing to renew) and names the settings to check`, async () => {
      nock(INSTANCE)
        .get(PATH)
        .query(true)
        .reply(401, { error: { message: "User Not Authenticated", detail: "Required to provide Auth information" }, status: "failure" });
      const { client, events } = testClient({ auth: AUTH[mode] });
      await assert.rejects(client.get("sys_alias", SYS_ID), (e: unknown) => {
        assert.ok(isUnauthorizedError(e));
        assert.equal(
          e.message,
          `get of \`sys_alias\` record ${SYS_ID} on ${INSTANCE} failed: the instance rejected the credentials (${expected[mode]}`,
        );
        return true;
      });
      assert.equal(events.length, 1);
    });
  }
});
