import * as assert from "node:assert/strict";
import nock from "nock";
import { INSTANCE } from "../client/fixtures";
import { useNockSession } from "../helpers/nock-session";
import { lifecycle, stateRecords } from "../helpers/provider-session";

const sysId = "0123456789abcdef0123456789abcdef";
const read = { sysparm_exclude_reference_link: "true", sysparm_display_value: "false" };
const property = (value: string) => ({ sys_id: sysId, name: "x_acme.level", value });

/**
 * The exact requests of each operation, pinned with nock: method, path, query and body, and
 * nothing else (nock fails on any request it was not told about, and `isDone` on any it
 * expected and did not get).
 */
describe("exact requests of each operation", () => {
  useNockSession();

  it("SystemProperty create: one lookup by name, one POST of our fields", async () => {
    nock(INSTANCE)
      .get("/api/now/table/sys_properties")
      .query({ sysparm_query: "name=x_acme.level", sysparm_limit: "1000", sysparm_offset: "0", ...read })
      .reply(200, { result: [] })
      .post("/api/now/table/sys_properties", { name: "x_acme.level", value: "3" })
      .query(read)
      .reply(201, { result: property("3") });
    const created = await lifecycle("SystemProperty").create({ name: "x_acme.level", value: "3" });
    assert.equal(created.id, sysId);
  });

  it("SystemProperty create of an existing property: adopts it with one PATCH, no POST", async () => {
    nock(INSTANCE)
      .get("/api/now/table/sys_properties")
      .query(true)
      .reply(200, { result: [property("1")] })
      .patch(`/api/now/table/sys_properties/${sysId}`, { value: "3" })
      .query(read)
      .reply(200, { result: property("3") });
    const created = await lifecycle("SystemProperty").create({ name: "x_acme.level", value: "3" });
    assert.deepEqual(stateRecords("SystemProperty", created.outs)[0]!.previous, { name: "x_acme.level", value: "1" });
  });

  it("read: one GET of only our columns; update: one PATCH of only the changed column; delete: one DELETE", async () => {
    const provider = lifecycle("SystemProperty");
    nock(INSTANCE)
      .get("/api/now/table/sys_properties")
      .query(true)
      .reply(200, { result: [] })
      .post("/api/now/table/sys_properties")
      .query(true)
      .reply(201, { result: { ...property("3"), description: "d" } });
    const { outs } = await provider.create({ name: "x_acme.level", value: "3", description: "d" });

    nock(INSTANCE)
      .get(`/api/now/table/sys_properties/${sysId}`)
      .query({ sysparm_fields: "sys_id,name,value,description", ...read })
      .reply(200, { result: { ...property("3"), description: "d" } });
    const refreshed = await provider.read(sysId, outs);

    nock(INSTANCE)
      .patch(`/api/now/table/sys_properties/${sysId}`, { value: "4" })
      .query(read)
      .reply(200, { result: { ...property("4"), description: "d" } });
    const updated = await provider.update(sysId, refreshed.props, { name: "x_acme.level", value: "4", description: "d" });

    nock(INSTANCE).delete(`/api/now/table/sys_properties/${sysId}`).reply(204);
    await provider.delete(sysId, updated.outs);
  });

  it("a secret is written alone with sysparm_input_display_value=true, the rest as values, and kept only as a fingerprint", async () => {
    nock(INSTANCE)
      .get("/api/now/table/api_key_credentials")
      .query(true)
      .reply(200, { result: [] })
      .post("/api/now/table/api_key_credentials", { name: "Okta API key", active: "true" })
      .query(read)
      .reply(201, { result: { sys_id: sysId, name: "Okta API key", api_key: "", active: "true" } })
      .patch(`/api/now/table/api_key_credentials/${sysId}`, { api_key: "SSWS token-1" })
      .query({ ...read, sysparm_input_display_value: "true" })
      .reply(200, { result: { sys_id: sysId, name: "Okta API key", api_key: "ENC:opaque-1", active: "true" } });
    const created = await lifecycle("OktaApiKeyCredential").create({ name: "Okta API key", apiKey: "token-1" });
    const state = JSON.stringify(created.outs.__servicenow);
    assert.ok(!state.includes("token-1") && !state.includes("opaque-1"));
    assert.match(stateRecords("OktaApiKeyCredential", created.outs)[0]!.fingerprints.api_key!, /^sha256:[0-9a-f]{32}:[0-9a-f]{64}$/);
  });

  it("diff sends no request at all", async () => {
    const outs = {
      name: "x_acme.level",
      value: "3",
      records: [{ step: "property", table: "sys_properties", sysId, origin: "created", values: { name: "x_acme.level", value: "3" }, fingerprints: {} }],
    };
    const result = await lifecycle("SystemProperty").diff(sysId, outs, { name: "x_acme.level", value: "3" });
    assert.equal(result.changes, false);
  });
});
