import * as assert from "node:assert/strict";
import nock from "nock";
import { WriteVerificationError } from "../../provider/lifecycle/errors";
import { sameStoredValue } from "../../provider/lifecycle/stored-value";
import { INSTANCE } from "../client/fixtures";
import { useNockSession } from "../helpers/nock-session";
import { useEmulator } from "../helpers/emulator";
import { connectProvider, lifecycle } from "../helpers/provider-session";
import { snapshot } from "./snapshot";

/**
 * A real instance silently ignores a column its table does not have; the record it answers a
 * write with is then the only sign. Every write's answer is checked against what was sent,
 * with no extra request, and a mismatch fails the operation (and rolls back what it made).
 */
const entityId = "0123456789abcdef0123456789abcdef";
const read = { sysparm_exclude_reference_link: "true", sysparm_display_value: "false" };

describe("write verification", () => {
  useNockSession();

  it("a column the instance dropped fails the create, names instance, table, column and values, and rolls back", async () => {
    nock(INSTANCE)
      .get("/api/now/table/sys_properties")
      .query(true)
      .reply(200, { result: [] })
      // The table "has no" description column: the instance answers without it.
      .post("/api/now/table/sys_properties")
      .query(true)
      .reply(201, { result: { sys_id: entityId, name: "x_acme.level", value: "3" } })
      .delete(`/api/now/table/sys_properties/${entityId}`)
      .reply(204);
    await assert.rejects(lifecycle("SystemProperty").create({ name: "x_acme.level", value: "3", description: "why" }), (error: Error) => {
      assert.match(error.message, new RegExp(`${INSTANCE} did not store what was written to sys_properties/${entityId}`));
      assert.match(error.message, /`description`: sent "why", the instance returned no such column/);
      assert.match(error.message, /spoke \(and the platform release\)/);
      assert.match(error.message, /nothing was left behind/);
      return true;
    });
  });

  it("a value the instance stored differently fails the update, with both values", async () => {
    const provider = lifecycle("SystemProperty");
    nock(INSTANCE)
      .get("/api/now/table/sys_properties")
      .query(true)
      .reply(200, { result: [] })
      .post("/api/now/table/sys_properties")
      .query(true)
      .reply(201, { result: { sys_id: entityId, name: "x_acme.level", value: "3" } })
      .patch(`/api/now/table/sys_properties/${entityId}`, { value: "4" })
      .query(read)
      .reply(200, { result: { sys_id: entityId, name: "x_acme.level", value: "3" } });
    const { outs } = await provider.create({ name: "x_acme.level", value: "3" });
    await assert.rejects(provider.update(entityId, outs, { name: "x_acme.level", value: "4" }), WriteVerificationError);
  });

  it("the instance's normal formatting is not a mismatch", () => {
    for (const [sent, returned] of [["true", "true"], ["true", "1"], ["false", "0"], ["1800", "1800.0"], ["https://a.example.com/", "https://a.example.com"]] as const) {
      assert.ok(sameStoredValue(sent, returned), `${sent} vs ${returned}`);
    }
    for (const [sent, returned] of [["true", "false"], ["a", "A"], ["client_credentials", "Client Credentials"], ["x", ""]] as const) {
      assert.ok(!sameStoredValue(sent, returned), `${sent} vs ${returned}`);
    }
    assert.ok(!sameStoredValue("x", undefined), "a missing column is never the value sent");
  });
});

describe("write verification against the emulator, which ignores unknown columns as an instance does", () => {
  const sn = useEmulator();

  it("a column the table does not have fails the create, names it, and leaves nothing behind", async () => {
    connectProvider(sn.instance);
    const before = snapshot(sn.instance);
    await assert.rejects(
      lifecycle("TableRecord").create({ table: "sys_properties", key: ["name"], fields: { name: "x_acme.verified", value: "1", valu: "typo" } }),
      /did not store what was written to sys_properties\/[0-9a-f]{32}: `valu`: sent "typo", the instance returned no such column/,
    );
    assert.deepEqual(snapshot(sn.instance), before);
  });

  it("a choice column is stored as its value, because non-secret columns are never sent as display values", async () => {
    connectProvider(sn.instance);
    const provider = lifecycle("OAuthProvider");
    const created = await provider.create((await provider.check({}, { name: "Choice", clientId: "c", clientSecret: "choice-secret", tokenUrl: "https://login.acme.com/token" })).inputs);
    assert.equal(sn.instance.records("oauth_entity", `sys_id=${created.id}`)[0]!.default_grant_type, "client_credentials");
    await provider.delete(created.id, created.outs);
  });
});
