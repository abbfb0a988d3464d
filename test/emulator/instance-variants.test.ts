import * as assert from "node:assert/strict";
import { useEmulator } from "../helpers/emulator";

/** The options that make the emulator behave as some real instances do (emulator/options.ts). */
const asked = "0123456789abcdef0123456789abcdef";

describe("emulator instance variants", () => {
  describe("default: a POST keeps the sys_id it asks for", () => {
    const sn = useEmulator();
    it("stores the record under the asked sys_id", async () => {
      const res = await sn.fetch("/api/now/table/sys_properties", { method: "POST", json: { sys_id: asked, name: "x_acme.kept" } });
      assert.equal(((await res.json()) as { result: { sys_id: string } }).result.sys_id, asked);
    });
  });

  describe("ignoreClientSysIds: every POST gets a sys_id of the instance's", () => {
    const sn = useEmulator({ ignoreClientSysIds: true });
    it("answers, locates and stores the record under a new random sys_id", async () => {
      const res = await sn.fetch("/api/now/table/sys_properties", { method: "POST", json: { sys_id: asked, name: "x_acme.ignored" } });
      const { result } = (await res.json()) as { result: { sys_id: string } };
      assert.match(result.sys_id, /^[0-9a-f]{32}$/);
      assert.notEqual(result.sys_id, asked);
      assert.equal(res.headers.get("location"), `${sn.url}/api/now/table/sys_properties/${result.sys_id}`);
      assert.equal((await sn.fetch(`/api/now/table/sys_properties/${asked}`)).status, 404);
      // The same sys_id asked again is no conflict: it is not used.
      const again = await sn.fetch("/api/now/table/sys_properties", { method: "POST", json: { sys_id: asked, name: "x_acme.again" } });
      assert.equal(again.status, 201);
    });
    it("still lets an admin in the UI (emulator.insert) choose a sys_id", () => {
      assert.equal(sn.instance.insert("sys_properties", { sys_id: asked, name: "x_acme.by_hand" }).sys_id, asked);
    });
  });

  describe("withoutColumns: a column an older release lacks", () => {
    const sn = useEmulator({ withoutColumns: ["sys_user.identity_type"] });
    it("ignores it on write and leaves it out of every answer, as an instance does with unknown fields", async () => {
      const res = await sn.fetch("/api/now/table/sys_user", { method: "POST", json: { user_name: "svc.old", identity_type: "machine" } });
      const { result } = (await res.json()) as { result: Record<string, unknown> };
      assert.equal(result.user_name, "svc.old");
      assert.ok(!("identity_type" in result));
      const probe = await sn.fetch("/api/now/table/sys_user?sysparm_fields=identity_type&sysparm_limit=1");
      assert.deepEqual(((await probe.json()) as { result: unknown[] }).result, [{}]);
    });
  });

  describe("default: sys_user has identity_type", () => {
    const sn = useEmulator();
    it("stores it", async () => {
      const res = await sn.fetch("/api/now/table/sys_user", { method: "POST", json: { user_name: "svc.new", identity_type: "machine" } });
      assert.equal(((await res.json()) as { result: { identity_type: string } }).result.identity_type, "machine");
    });
  });
});
