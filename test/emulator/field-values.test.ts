import * as assert from "node:assert/strict";
import { normalizeBoolean } from "../../emulator/field-values";
import { useEmulator } from "../helpers/emulator";

describe("emulator field values on write", () => {
  it("normalizes booleans: true/\"true\"/\"1\" are true, anything else false", () => {
    for (const t of ["true", "1"]) assert.equal(normalizeBoolean(t), "true");
    for (const f of ["false", "0", "", "TRUE", "yes"]) assert.equal(normalizeBoolean(f), "false");
  });

  describe("over HTTP", () => {
    const sn = useEmulator({ spokes: [] });

    const post = async (json: unknown): Promise<Record<string, string>> => {
      const res = await sn.fetch("/api/now/table/http_connection", { method: "POST", json });
      assert.equal(res.status, 201);
      return ((await res.json()) as { result: Record<string, string> }).result;
    };

    it("turns JSON booleans, numbers and null into strings", async () => {
      const r = await post({ name: "fv", use_mid: true, active: false, connection_timeout: 30, connection_retries: "2.7", mid_server: null });
      assert.equal(r.use_mid, "true");
      assert.equal(r.active, "false");
      assert.equal(r.connection_timeout, "30");
      assert.equal(r.connection_retries, "2");
      assert.equal(r.mid_server, "");
    });

    it("reads a choice column given with sysparm_input_display_value=true as its label, as an instance does", async () => {
      const write = async (value: string, displayValues: boolean): Promise<string> => {
        const res = await sn.fetch(`/api/now/table/oauth_entity${displayValues ? "?sysparm_input_display_value=true" : ""}`, {
          method: "POST",
          json: { name: `choice ${value} ${displayValues}`, default_grant_type: value },
        });
        assert.equal(res.status, 201);
        return ((await res.json()) as { result: Record<string, string> }).result.default_grant_type!;
      };
      assert.equal(await write("Client Credentials", true), "client_credentials", "a label stores its value");
      assert.equal(await write("client_credentials", true), "", "a value given as display input is not a label (assumed: left empty)");
      assert.equal(await write("client_credentials", false), "client_credentials", "without the flag the value is stored as given");
    });

    it("ignores unknown fields, sys_ fields and values of the wrong shape", async () => {
      const r = await post({ name: "fv2", not_a_field: "x", sys_created_by: "mallory", sys_mod_count: 99, sys_class_name: "sys_user", order: { nested: 1 } });
      assert.equal("not_a_field" in r, false);
      assert.equal(r.sys_created_by, "admin");
      assert.equal(r.sys_mod_count, "0");
      assert.equal(r.sys_class_name, "http_connection");
      assert.equal(r.order, "100");
    });

    it("accepts \"1\" for a boolean on update", async () => {
      const r = await post({ name: "fv3" });
      const res = await sn.fetch(`/api/now/table/http_connection/${r.sys_id}`, { method: "PATCH", json: { use_mid: "1" } });
      assert.equal(((await res.json()) as { result: Record<string, string> }).result.use_mid, "true");
    });
  });
});
