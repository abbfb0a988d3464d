import * as assert from "node:assert/strict";
import { useEmulator } from "../helpers/emulator";

describe("emulator rendering (sysparm_display_value, sysparm_fields, reference links)", () => {
  const sn = useEmulator({ spokes: ["okta"] });
  let entity: Record<string, string>;
  let profile: Record<string, string>;

  before(() => {
    entity = sn.instance.insert("oauth_entity", { name: "Render entity", client_id: "cid" });
    profile = sn.instance.records("oauth_entity_profile", `oauth_entity=${entity.sys_id}`)[0];
  });

  const get = async (query: string): Promise<Record<string, unknown>> => {
    const res = await sn.fetch(`/api/now/table/oauth_entity_profile/${profile.sys_id}?${query}`);
    assert.equal(res.status, 200);
    return ((await res.json()) as { result: Record<string, unknown> }).result;
  };
  const link = (): string => `${sn.url}/api/now/table/oauth_entity/${entity.sys_id}`;

  it("a reference is {link, value} by default", async () => {
    const r = await get("sysparm_fields=oauth_entity,name");
    assert.deepEqual(r, { oauth_entity: { link: link(), value: entity.sys_id }, name: "Render entity default_profile" });
  });

  it("sysparm_exclude_reference_link=true gives the plain sys_id", async () => {
    const r = await get("sysparm_fields=oauth_entity&sysparm_exclude_reference_link=true");
    assert.deepEqual(r, { oauth_entity: entity.sys_id });
  });

  it("sysparm_display_value=true gives display values", async () => {
    assert.deepEqual(await get("sysparm_fields=oauth_entity,default&sysparm_display_value=true"), {
      oauth_entity: { display_value: "Render entity", link: link() },
      default: "true",
    });
    assert.deepEqual(await get("sysparm_fields=oauth_entity&sysparm_display_value=true&sysparm_exclude_reference_link=true"), {
      oauth_entity: "Render entity",
    });
  });

  it("sysparm_display_value=all gives both", async () => {
    assert.deepEqual(await get("sysparm_fields=oauth_entity,grant_type&sysparm_display_value=all"), {
      oauth_entity: { display_value: "Render entity", link: link(), value: entity.sys_id },
      grant_type: { display_value: "authorization_code", value: "authorization_code" },
    });
    assert.deepEqual(await get("sysparm_fields=oauth_entity&sysparm_display_value=all&sysparm_exclude_reference_link=true"), {
      oauth_entity: { display_value: "Render entity", value: entity.sys_id },
    });
  });

  it("sysparm_fields returns only the named fields, leaves out unknown names, and walks references", async () => {
    assert.deepEqual(await get("sysparm_fields=sys_id,nope,oauth_entity.client_id"), { sys_id: profile.sys_id, "oauth_entity.client_id": "cid" });
  });

  it("an empty reference is an empty string", async () => {
    const cred = sn.instance.insert("oauth_2_0_credentials", { name: "render cred" });
    const res = await sn.fetch(`/api/now/table/oauth_2_0_credentials/${cred.sys_id}?sysparm_fields=oauth_entity_profile`);
    assert.deepEqual(((await res.json()) as { result: unknown }).result, { oauth_entity_profile: "" });
  });

  it("sysparm_input_display_value=true accepts a reference by display value", async () => {
    const res = await sn.fetch("/api/now/table/http_connection?sysparm_input_display_value=true&sysparm_exclude_reference_link=true", {
      method: "POST",
      json: { name: "render conn", connection_alias: "Okta" },
    });
    assert.equal(res.status, 201);
    const alias = sn.instance.records("sys_alias", "id=sn_okta_spoke.Okta")[0];
    assert.equal(((await res.json()) as { result: Record<string, string> }).result.connection_alias, alias.sys_id);
  });
});
