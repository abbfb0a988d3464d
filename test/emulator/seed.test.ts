import * as assert from "node:assert/strict";
import { useEmulator } from "../helpers/emulator";

describe("emulator instance contents at start", () => {
  describe("with every spoke (the default)", () => {
    const sn = useEmulator({ adminPassword: "Adm1n!" });

    it("has the admin (role admin) and a non-admin user (role itil)", () => {
      assert.deepEqual(sn.instance.admin, { username: "admin", password: "Adm1n!" });
      const roles = (user: string): string[] =>
        sn.instance
          .records("sys_user_has_role", `user.user_name=${user}`)
          .map((r) => sn.instance.records("sys_user_role", `sys_id=${r.role}`)[0].name);
      assert.deepEqual(roles("admin"), ["admin"]);
      assert.deepEqual(roles("itil.user"), ["itil"]);
      assert.ok(sn.instance.user.password.length >= 12);
    });

    it("has the registered OAuth client", () => {
      const client = sn.instance.records("oauth_entity", `client_id=${sn.instance.oauthClient.clientId}`);
      assert.equal(client.length, 1);
      assert.equal(client[0].type, "client");
    });

    it("has each spoke's alias", async () => {
      const res = await sn.fetch("/api/now/table/sys_alias?sysparm_query=ORDERBYid&sysparm_fields=id,name,type,connection_type,multiple_connections");
      assert.deepEqual(((await res.json()) as { result: unknown[] }).result, [
        { id: "sn_okta_spoke.Okta", name: "Okta", type: "connection", connection_type: "http_connection", multiple_connections: "false" },
        { id: "sn_qualtrics_spoke.Qualtrics", name: "Qualtrics", type: "connection", connection_type: "http_connection", multiple_connections: "false" },
        { id: "sn_sumtotal_spoke.SumTotal", name: "SumTotal", type: "connection", connection_type: "http_connection", multiple_connections: "false" },
      ]);
    });

    it("has the Qualtrics property (empty) and X-API-TOKEN attribute", async () => {
      const res = await sn.fetch("/api/now/table/sys_properties?sysparm_query=name=sn_qualtrics_spoke.qualtrics_directory&sysparm_fields=name,value,type");
      assert.deepEqual(((await res.json()) as { result: unknown[] }).result, [{ name: "sn_qualtrics_spoke.qualtrics_directory", value: "", type: "string" }]);
      const alias = sn.instance.records("sys_alias", "id=sn_qualtrics_spoke.Qualtrics")[0];
      const attr = sn.instance.records("var_dictionary", `model_table=sys_alias^model_id=${alias.sys_id}`);
      assert.equal(attr.length, 1);
      assert.equal(attr[0].element, "x_api_token");
      assert.equal(attr[0].label, "X-API-TOKEN");
    });
  });

  describe("with only Okta", () => {
    const sn = useEmulator({ spokes: ["okta"] });

    it("has no alias or property of a spoke that is not activated", async () => {
      assert.deepEqual(sn.instance.records("sys_alias").map((a) => a.id), ["sn_okta_spoke.Okta"]);
      const res = await sn.fetch("/api/now/table/sys_properties?sysparm_query=nameSTARTSWITHsn_qualtrics_spoke");
      assert.equal(res.headers.get("x-total-count"), "0");
    });

    it("gives the admin a random password when none is set", () => {
      assert.ok(sn.instance.admin.password.length >= 12);
      assert.notEqual(sn.instance.admin.password, sn.instance.user.password);
    });
  });
});
