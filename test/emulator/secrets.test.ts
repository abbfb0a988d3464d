import * as assert from "node:assert/strict";
import { SecretBox } from "../../emulator/secrets";
import { useEmulator } from "../helpers/emulator";

describe("emulator secrets (password2)", () => {
  describe("SecretBox", () => {
    it("seals to an opaque string that differs every time and opens back", () => {
      const box = new SecretBox(SecretBox.newKey());
      const a = box.seal("hunter2");
      const b = box.seal("hunter2");
      assert.notEqual(a, b);
      assert.ok(!a.includes("hunter2"));
      assert.equal(box.open(a), "hunter2");
      assert.equal(box.seal(""), "");
      assert.equal(box.open(""), undefined);
      assert.equal(new SecretBox(SecretBox.newKey()).open(a), undefined);
    });
  });

  describe("over HTTP", () => {
    const sn = useEmulator({ spokes: [] });

    const post = async (query: string): Promise<Record<string, string>> => {
      const res = await sn.fetch(`/api/now/table/basic_auth_credentials${query}`, { method: "POST", json: { name: `secret ${query}`, user_name: "u", password: "p@ss" } });
      assert.equal(res.status, 201);
      return ((await res.json()) as { result: Record<string, string> }).result;
    };

    it("is silently dropped without sysparm_input_display_value=true", async () => {
      const r = await post("");
      assert.equal(r.password, "");
      assert.equal(sn.instance.revealSecret("basic_auth_credentials", r.sys_id, "password"), undefined);
    });

    it("is stored with sysparm_input_display_value=true and read back only as an opaque string", async () => {
      const r = await post("?sysparm_input_display_value=true");
      assert.notEqual(r.password, "");
      assert.ok(!r.password.includes("p@ss"));
      assert.equal(sn.instance.revealSecret("basic_auth_credentials", r.sys_id, "password"), "p@ss");
      for (const dv of ["false", "true", "all"]) {
        const res = await sn.fetch(`/api/now/table/basic_auth_credentials/${r.sys_id}?sysparm_display_value=${dv}`);
        assert.ok(!(await res.text()).includes("p@ss"), dv);
      }
      const stored = sn.instance.records("basic_auth_credentials", `sys_id=${r.sys_id}`)[0];
      assert.equal(stored.password, r.password);
    });

    it("changes its stored form whenever it is rewritten, even to the same value", async () => {
      const r = await post("?sysparm_input_display_value=true");
      const res = await sn.fetch(`/api/now/table/basic_auth_credentials/${r.sys_id}?sysparm_input_display_value=true`, { method: "PATCH", json: { password: "p@ss" } });
      const after = ((await res.json()) as { result: Record<string, string> }).result;
      assert.notEqual(after.password, r.password);
      assert.equal(after.sys_mod_count, "1");
      // Without display-value input the write of the secret is dropped: nothing changes.
      const dropped = await sn.fetch(`/api/now/table/basic_auth_credentials/${r.sys_id}`, { method: "PATCH", json: { password: "other" } });
      assert.equal(((await dropped.json()) as { result: Record<string, string> }).result.password, after.password);
      assert.equal(sn.instance.revealSecret("basic_auth_credentials", r.sys_id, "password"), "p@ss");
    });

    it("the direct API stores plaintext given to insert/update encrypted, like the UI", () => {
      const r = sn.instance.insert("api_key_credentials", { name: "direct key", api_key: "SSWS abc" });
      assert.notEqual(r.api_key, "SSWS abc");
      assert.equal(sn.instance.revealSecret("api_key_credentials", r.sys_id, "api_key"), "SSWS abc");
    });
  });
});
