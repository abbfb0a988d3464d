import * as assert from "node:assert/strict";
import { isInvalidInputError, isNotFoundError, isServiceNowError } from "../../provider/client/errors";
import { BASIC_HEADER, INSTANCE, nock, READ, SECRETS, SYS_ID, SYS_ID_2, testClient, useNock } from "./fixtures";

const TABLE = "/api/now/table";

describe("ServiceNowClient", () => {
  useNock();

  describe("get", () => {
    it("sends GET /api/now/table/{table}/{sys_id} with the read parameters and returns string values", async () => {
      nock(INSTANCE, { reqheaders: { authorization: BASIC_HEADER, accept: "application/json" } })
        .get(`${TABLE}/sys_alias/${SYS_ID}`)
        .query({ ...READ })
        .reply(200, { result: { sys_id: SYS_ID, name: "Okta", parent: { link: "x", value: "p" }, n: 4, e: null } });
      const { client } = testClient();
      assert.deepEqual(await client.get("sys_alias", SYS_ID), { sys_id: SYS_ID, name: "Okta", parent: "p", n: "4", e: "" });
    });

    it("asks only for the given fields, sys_id always included", async () => {
      nock(INSTANCE)
        .get(`${TABLE}/sys_properties/${SYS_ID}`)
        .query({ sysparm_fields: "sys_id,name,value", ...READ })
        .reply(200, { result: { sys_id: SYS_ID, name: "a", value: "b" } });
      const { client } = testClient();
      assert.equal((await client.get("sys_properties", SYS_ID, { fields: ["name", "value", "sys_id"] }))?.value, "b");
    });

    it("returns undefined for a 404", async () => {
      nock(INSTANCE)
        .get(`${TABLE}/sys_alias/${SYS_ID}`)
        .query(true)
        .reply(404, { error: { message: "No Record found", detail: "Record doesn't exist" }, status: "failure" });
      const { client } = testClient();
      assert.equal(await client.get("sys_alias", SYS_ID), undefined);
    });

    it("rejects a sys_id that is not 32 hex characters without sending a request", async () => {
      const { client, events } = testClient();
      await assert.rejects(client.get("sys_alias", "../sys_user/x"), (e: unknown) => {
        assert.ok(isInvalidInputError(e));
        assert.match(e.message, /sys_id "\.\.\/sys_user\/x" is not 32 hexadecimal characters/);
        assert.equal(e.status, undefined);
        return true;
      });
      await assert.rejects(client.delete("sys_alias", `${SYS_ID}0`), isInvalidInputError);
      await assert.rejects(client.update("sys_alias", "", {}), isInvalidInputError);
      assert.equal(events.length, 0);
    });

    it("rejects bad table and field names without sending a request", async () => {
      const { client, events } = testClient();
      await assert.rejects(client.list("sys_alias?x=1", ""), isInvalidInputError);
      await assert.rejects(client.get("sys_alias", SYS_ID, { fields: ["name^ORx"] }), isInvalidInputError);
      assert.equal(events.length, 0);
    });

    it("explains a 200 answer that is an HTML page (a hibernating instance)", async () => {
      nock(INSTANCE).get(`${TABLE}/sys_alias/${SYS_ID}`).query(true).reply(200, "<html>Instance hibernating</html>", {
        "Content-Type": "text/html",
      });
      const { client } = testClient();
      await assert.rejects(client.get("sys_alias", SYS_ID), (e: unknown) => {
        assert.ok(isServiceNowError(e));
        assert.match(e.message, /HTML page\. It may be hibernating/);
        return true;
      });
    });
  });

  describe("list", () => {
    it("follows pages with sysparm_limit/sysparm_offset until a short page", async () => {
      const query = "name=a^^b^active=true";
      const scope = nock(INSTANCE);
      for (const [offset, count] of [
        [0, 2],
        [2, 2],
        [4, 1],
      ] as const) {
        scope
          .get(`${TABLE}/sys_alias`)
          .query({ sysparm_query: query, sysparm_limit: "2", sysparm_offset: String(offset), ...READ })
          .reply(200, { result: Array.from({ length: count }, (_, i) => ({ n: String(offset + i) })) });
      }
      const { client } = testClient();
      const records = await client.list("sys_alias", query, { pageSize: 2 });
      assert.deepEqual(records.map((r) => r.n), ["0", "1", "2", "3", "4"]);
    });

    it("encodes the query with encodeURIComponent (^ as %5E, space as %20)", async () => {
      nock(INSTANCE)
        .get(`${TABLE}/sys_alias?sysparm_query=name%3Da%20b%5Eactive%3Dtrue&sysparm_limit=1000&sysparm_offset=0&sysparm_exclude_reference_link=true&sysparm_display_value=false`)
        .reply(200, { result: [] });
      const { client } = testClient();
      assert.deepEqual(await client.list("sys_alias", "name=a b^active=true"), []);
    });

    it("stops at `limit`, asking only for what is still needed", async () => {
      nock(INSTANCE)
        .get(`${TABLE}/t`)
        .query({ sysparm_limit: "2", sysparm_offset: "0", ...READ })
        .reply(200, { result: [{ n: "0" }, { n: "1" }] })
        .get(`${TABLE}/t`)
        .query({ sysparm_limit: "1", sysparm_offset: "2", ...READ })
        .reply(200, { result: [{ n: "2" }] });
      const { client } = testClient();
      assert.equal((await client.list("t", "", { pageSize: 2, limit: 3 })).length, 3);
    });

    it("stops when X-Total-Count is reached, without asking for an empty page", async () => {
      nock(INSTANCE)
        .get(`${TABLE}/t`)
        .query({ sysparm_fields: "sys_id,name", sysparm_limit: "2", sysparm_offset: "0", ...READ })
        .reply(200, { result: [{ name: "a" }, { name: "b" }] }, { "X-Total-Count": "2" });
      const { client } = testClient();
      assert.equal((await client.list("t", "", { pageSize: 2, fields: ["name"] })).length, 2);
    });

    it("sends nothing for limit 0 and treats a 404 as no records", async () => {
      nock(INSTANCE).get(`${TABLE}/t`).query(true).reply(404, { error: { message: "No Record found" } });
      const { client, events } = testClient();
      assert.deepEqual(await client.list("t", "", { limit: 0 }), []);
      assert.equal(events.length, 0);
      assert.deepEqual(await client.list("t", "name=x"), []);
    });

    it("rejects a bad pageSize or limit", async () => {
      const { client } = testClient();
      await assert.rejects(client.list("t", "", { pageSize: 0 }), isInvalidInputError);
      await assert.rejects(client.list("t", "", { pageSize: 10_001 }), isInvalidInputError);
      await assert.rejects(client.list("t", "", { limit: -1 }), isInvalidInputError);
    });
  });

  describe("create", () => {
    it("POSTs the fields as JSON with the read parameters and returns the record", async () => {
      nock(INSTANCE, { reqheaders: { "content-type": "application/json", authorization: BASIC_HEADER } })
        .post(`${TABLE}/sys_properties`, { name: "x.y", value: "1" })
        .query({ ...READ })
        .reply(201, { result: { sys_id: SYS_ID, name: "x.y", value: "1" } }, { Location: `${INSTANCE}${TABLE}/sys_properties/${SYS_ID}` });
      const { client } = testClient();
      assert.equal((await client.create("sys_properties", { name: "x.y", value: "1" })).sys_id, SYS_ID);
    });

    it("writes secrets in a PATCH of their own with sysparm_input_display_value=true; every other column as a value", async () => {
      nock(INSTANCE)
        .post(`${TABLE}/basic_auth_credentials`, { name: "c", user_name: "u" })
        .query({ ...READ })
        .reply(201, { result: { sys_id: SYS_ID, name: "c", user_name: "u" } })
        .patch(`${TABLE}/basic_auth_credentials/${SYS_ID}`, { password: SECRETS.fieldValue })
        .query({ ...READ, sysparm_input_display_value: "true" })
        .reply(200, { result: { sys_id: SYS_ID, name: "c", user_name: "u", password: "ENC" } });
      const { client } = testClient();
      const created = await client.create(
        "basic_auth_credentials",
        { name: "c", user_name: "u", password: SECRETS.fieldValue },
        { secretFields: ["password"] },
      );
      assert.deepEqual(created, { sys_id: SYS_ID, name: "c", user_name: "u", password: "ENC" });
    });

    it("deletes the record again when the secrets' PATCH fails, so a failed create leaves nothing", async () => {
      nock(INSTANCE)
        .post(`${TABLE}/basic_auth_credentials`, { name: "c" })
        .query(true)
        .reply(201, { result: { sys_id: SYS_ID, name: "c" } })
        .patch(`${TABLE}/basic_auth_credentials/${SYS_ID}`)
        .query(true)
        .reply(403, { error: { message: "Operation Failed", detail: "ACL Exception Update Failed" }, status: "failure" })
        .delete(`${TABLE}/basic_auth_credentials/${SYS_ID}`)
        .reply(204);
      const { client } = testClient();
      await assert.rejects(client.create("basic_auth_credentials", { name: "c", password: SECRETS.fieldValue }, { secretFields: ["password"] }), /403/);
    });
  });

  describe("update", () => {
    it("PATCHes only the given fields", async () => {
      nock(INSTANCE)
        .patch(`${TABLE}/oauth_entity/${SYS_ID}`, { client_secret: SECRETS.fieldValue })
        .query({ ...READ, sysparm_input_display_value: "true" })
        .reply(200, { result: { sys_id: SYS_ID } });
      nock(INSTANCE)
        .patch(`${TABLE}/oauth_entity/${SYS_ID_2}`, { name: "n" })
        .query({ ...READ })
        .reply(200, { result: { sys_id: SYS_ID_2, name: "n" } });
      const { client } = testClient();
      await client.update("oauth_entity", SYS_ID, { client_secret: SECRETS.fieldValue }, { secretFields: ["client_secret"] });
      assert.equal((await client.update("oauth_entity", SYS_ID_2, { name: "n" })).name, "n");
    });

    it("raises NotFoundError naming the instance, table and record for a 404", async () => {
      nock(INSTANCE)
        .patch(`${TABLE}/oauth_entity/${SYS_ID}`)
        .query(true)
        .reply(404, { error: { message: "No Record found", detail: "Record doesn't exist or ACL restricts the record retrieval" } });
      const { client } = testClient();
      await assert.rejects(client.update("oauth_entity", SYS_ID, { name: "n" }), (e: unknown) => {
        assert.ok(isNotFoundError(e));
        assert.equal(
          e.message,
          `update of \`oauth_entity\` record ${SYS_ID} on ${INSTANCE} failed: the record does not exist or ACLs hide it ` +
            "(HTTP 404: No Record found: Record doesn't exist or ACL restricts the record retrieval). " +
            "If it was deleted outside Pulumi, run `pulumi refresh`.",
        );
        assert.deepEqual([e.table, e.sysId, e.operation, e.status], ["oauth_entity", SYS_ID, "update", 404]);
        return true;
      });
    });
  });

  describe("delete", () => {
    it("DELETEs the record: 204 is deleted, 404 is absent", async () => {
      nock(INSTANCE, { badheaders: ["content-type"] })
        .delete(`${TABLE}/sys_alias/${SYS_ID}`)
        .reply(204)
        .delete(`${TABLE}/sys_alias/${SYS_ID_2}`)
        .reply(404, { error: { message: "No Record found" } });
      const { client } = testClient();
      assert.equal(await client.delete("sys_alias", SYS_ID), "deleted");
      assert.equal(await client.delete("sys_alias", SYS_ID_2), "absent");
    });
  });
});
