import * as assert from "node:assert/strict";
import { isEmulatorApiError } from "../../emulator";
import { useEmulator } from "../helpers/emulator";

// The direct, in-process API: how tests make "a change behind Pulumi's back".
describe("emulator store (direct access)", () => {
  const sn = useEmulator({ spokes: [] });

  it("insert returns the stored record with sys fields, acting as admin", () => {
    const r = sn.instance.insert("sys_properties", { name: "store.a", value: 7, is_private: "1" });
    assert.match(r.sys_id, /^[0-9a-f]{32}$/);
    assert.equal(r.value, "7");
    assert.equal(r.is_private, "true");
    assert.equal(r.sys_created_by, "admin");
    assert.equal(r.sys_class_name, "sys_properties");
  });

  it("a change made directly is what the API serves next", async () => {
    const r = sn.instance.insert("sys_properties", { name: "store.b", value: "1" });
    const updated = sn.instance.update("sys_properties", r.sys_id, { value: "2" });
    assert.equal(updated.sys_mod_count, "1");
    const res = await sn.fetch(`/api/now/table/sys_properties/${r.sys_id}`);
    assert.equal(((await res.json()) as { result: { value: string } }).result.value, "2");
    sn.instance.remove("sys_properties", r.sys_id);
    assert.equal((await sn.fetch(`/api/now/table/sys_properties/${r.sys_id}`)).status, 404);
  });

  it("records(table, query) reads a parent table with each record's own fields", () => {
    sn.instance.insert("basic_auth_credentials", { name: "store.cred", user_name: "bob" });
    const rows = sn.instance.records("discovery_credentials", "name=store.cred");
    assert.equal(rows.length, 1);
    assert.equal(rows[0].sys_class_name, "basic_auth_credentials");
    assert.equal(rows[0].user_name, "bob");
  });

  it("records() hands out copies", () => {
    const r = sn.instance.insert("sys_properties", { name: "store.copy", value: "x" });
    sn.instance.records("sys_properties", `sys_id=${r.sys_id}`)[0].value = "mutated";
    assert.equal(sn.instance.records("sys_properties", `sys_id=${r.sys_id}`)[0].value, "x");
  });

  it("throws EmulatorApiError with the instance's status and body", () => {
    assert.throws(() => sn.instance.update("sys_properties", "0".repeat(32), { value: "x" }), (e: unknown) => isEmulatorApiError(e) && e.status === 404);
    assert.throws(() => sn.instance.records("x_nope"), (e: unknown) => isEmulatorApiError(e) && e.status === 400);
    const entity = sn.instance.insert("oauth_entity", { name: "store entity" });
    assert.throws(
      () => sn.instance.insert("oauth_entity_profile", { oauth_entity: entity.sys_id, default: true }),
      (e: unknown) => isEmulatorApiError(e) && e.status === 403 && JSON.stringify(e.body).includes("Only one default profile"),
    );
  });
});
