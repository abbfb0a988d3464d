import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as https from "node:https";
import { start, type RunningEmulator } from "../../emulator";
import { envelope, startJsonv2Shim, translate, type RunningShim } from "../../bench/peer/jsonv2-shim";

const ID = "0123456789abcdef0123456789abcdef";

describe("bench:peer JSONv2 shim", () => {
  describe("translate", () => {
    it("GET with sysparm_query lists through the Table API", () => {
      assert.deepEqual(translate("GET", `/sys_properties.do?JSONv2&sysparm_query=sys_id=${ID}`, ""), {
        method: "GET",
        path: `/api/now/table/sys_properties?sysparm_query=sys_id%3D${ID}`,
        answer: "list",
      });
    });

    it("insert POSTs the columns without the JSONv2 envelope, naming a global property after its suffix", () => {
      const call = translate("POST", "/sys_properties.do?JSONv2&sysparm_action=insert&sysparm_record_scope=global", JSON.stringify({ suffix: "x.a", is_private: "false", sys_scope: "global", __status: "" }));
      assert.deepEqual(call, { method: "POST", path: "/api/now/table/sys_properties", body: { suffix: "x.a", is_private: "false", name: "x.a" }, answer: "record" });
      assert.equal(translate("POST", "/sys_properties.do?JSONv2&sysparm_action=insert&sysparm_record_scope=x_app", JSON.stringify({ suffix: "p" })).body?.name, "x_app.p");
    });

    it("update PATCHes the record of sysparm_query=sys_id=..., deleteRecord DELETEs sysparm_sys_id", () => {
      assert.deepEqual(translate("POST", `/sys_properties.do?JSONv2&sysparm_action=update&sysparm_query=sys_id=${ID}`, JSON.stringify({ description: "d" })), {
        method: "PATCH",
        path: `/api/now/table/sys_properties/${ID}`,
        body: { description: "d" },
        answer: "record",
        sysId: ID,
      });
      assert.deepEqual(translate("POST", `/sys_properties.do?JSONv2&sysparm_action=deleteRecord&sysparm_sys_id=${ID}`, ""), { method: "DELETE", path: `/api/now/table/sys_properties/${ID}`, answer: "deleted", sysId: ID });
    });

    it("refuses what it does not speak, with a status", () => {
      assert.throws(() => translate("GET", "/api/now/table/sys_properties", ""), { status: 404 });
      assert.throws(() => translate("POST", "/sys_properties.do?JSONv2&sysparm_action=deleteMultiple", ""), { status: 400 });
      assert.throws(() => translate("POST", "/sys_properties.do?JSONv2&sysparm_action=update&sysparm_query=name=x", "{}"), { status: 400 });
    });

    it("answers { records: [...] } with __status on every record, in the global scope unless the record says otherwise", () => {
      const list = translate("GET", "/sys_properties.do?JSONv2", "");
      assert.deepEqual(envelope(list, JSON.stringify({ result: [{ sys_id: ID }, { sys_id: ID, sys_scope: "x_app" }] })), {
        records: [
          { sys_scope: "global", sys_id: ID, __status: "success" },
          { sys_scope: "x_app", sys_id: ID, __status: "success" },
        ],
      });
      assert.deepEqual(envelope(translate("POST", `/sys_properties.do?JSONv2&sysparm_action=deleteRecord&sysparm_sys_id=${ID}`, ""), ""), { records: [{ sys_scope: "global", sys_id: ID, __status: "success" }] });
    });
  });

  describe("over HTTPS in front of the emulator", () => {
    let emulator: RunningEmulator;
    let shim: RunningShim;
    before(async () => {
      emulator = await start({ quiet: true });
      shim = await startJsonv2Shim(emulator.url);
    });
    after(async () => {
      await shim.stop();
      await emulator.stop();
    });

    const call = (method: string, path: string, body?: unknown): Promise<{ status: number; json: { records: Record<string, string>[] } }> =>
      new Promise((resolve, reject) => {
        const auth = Buffer.from(`${emulator.admin.username}:${emulator.admin.password}`).toString("base64");
        const req = https.request(`${shim.url}${path}`, { method, ca: fs.readFileSync(shim.certFile), headers: { authorization: `Basic ${auth}`, "content-type": "application/json" } }, (res) => {
          let text = "";
          res.on("data", (chunk) => (text += chunk));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) }));
        });
        req.on("error", reject);
        req.end(body === undefined ? undefined : JSON.stringify(body));
      });

    it("inserts, reads, updates and deletes a property as the peer's provider does, one Table API request each", async () => {
      emulator.resetStats();
      const inserted = await call("POST", "/sys_properties.do?JSONv2&sysparm_action=insert&sysparm_record_scope=global", { suffix: "x_shim.one", description: "first", sys_scope: "global" });
      assert.equal(inserted.status, 200);
      const record = inserted.json.records[0]!;
      assert.equal(record.name, "x_shim.one");
      assert.equal(record.__status, "success");
      assert.equal(record.is_private, "false");
      await call("POST", `/sys_properties.do?JSONv2&sysparm_action=update&sysparm_query=sys_id=${record.sys_id}`, { description: "second" });
      const read = await call("GET", `/sys_properties.do?JSONv2&sysparm_query=sys_id=${record.sys_id}`);
      assert.equal(read.json.records[0]!.description, "second");
      assert.equal((await call("POST", `/sys_properties.do?JSONv2&sysparm_action=deleteRecord&sysparm_sys_id=${record.sys_id}`)).status, 200);
      assert.deepEqual((await call("GET", `/sys_properties.do?JSONv2&sysparm_query=sys_id=${record.sys_id}`)).json.records, []);
      assert.equal(emulator.stats().byTable.sys_properties, 5);
      assert.equal(shim.requests(), 5);
    });

    it("passes the instance's errors through: 404 for a record that is gone", async () => {
      assert.equal((await call("POST", `/sys_properties.do?JSONv2&sysparm_action=deleteRecord&sysparm_sys_id=${ID}`)).status, 404);
    });
  });
});
