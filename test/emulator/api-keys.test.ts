import * as assert from "node:assert/strict";
import { apiPathOf } from "../../emulator/api-keys";
import { basicAuthHeader, useEmulator } from "../helpers/emulator";

const NOT_AUTHENTICATED = { error: { message: "User Not Authenticated", detail: "Required to provide Auth information" }, status: "failure" };
const READ_DENIED = { error: { message: "Operation Failed", detail: "ACL Exception Read Failed due to security constraints" }, status: "failure" };

describe("emulator REST API keys (x-sn-apikey)", () => {
  const sn = useEmulator({ spokes: [] });
  const token = "now_emulator-test-token-0123456789abcdef";
  let keySysId = "";
  let policySysId = "";

  const parameter = (type: string): string => sn.instance.records("sys_token_auth_parameter", `parameter_name=x-sn-apikey^type=${type}`)[0]!.sys_id!;

  before(() => {
    const user = sn.instance.records("sys_user", "user_name=itil.user")[0]!;
    const profile = sn.instance.insert("http_key_auth", { name: "Test key profile", auth_parameter: parameter("auth_header") });
    const policy = sn.instance.insert("sys_api_access_policy", { name: "Test Table API", api_path: "now/table", apply_all_methods: "true" });
    sn.instance.insert("sys_auth_profile_mapping", { api_access_policy: policy.sys_id!, inbound_auth_profile: profile.sys_id! });
    keySysId = sn.instance.insert("api_key", { name: "Test key", user: user.sys_id!, token }).sys_id!;
    policySysId = policy.sys_id!;
  });

  const get = (path: string, headers: Record<string, string>): Promise<Response> => fetch(`${sn.url}${path}`, { headers: { accept: "application/json", ...headers } });

  it("signs in as the key's user, with that user's roles: reads what itil may read, is refused the rest and every write", async () => {
    sn.instance.insert("incident", { number: "INC0010001", short_description: "Printer on fire" });
    const incidents = await get("/api/now/table/incident", { "x-sn-apikey": token });
    assert.equal(incidents.status, 200);
    assert.equal(((await incidents.json()) as { result: { number: string }[] }).result[0]!.number, "INC0010001");
    const keys = await get("/api/now/v2/table/api_key", { "x-sn-apikey": token });
    assert.equal(keys.status, 403);
    assert.deepEqual(await keys.json(), READ_DENIED);
    const ownKey = await get(`/api/now/table/api_key/${keySysId}`, { "x-sn-apikey": token });
    assert.equal(ownKey.status, 404, "a record the user may not read looks missing, as the instance's 404 detail says");
    const write = await fetch(`${sn.url}/api/now/table/incident`, { method: "POST", headers: { "x-sn-apikey": token, "content-type": "application/json" }, body: "{}" });
    assert.equal(write.status, 403);
  });

  it("answers 401 with the instance's body for an unknown, inactive or expired key, and gives the key back when it is active again", async () => {
    const expect401 = async (headers: Record<string, string>): Promise<void> => {
      const res = await get("/api/now/table/incident", headers);
      assert.equal(res.status, 401);
      assert.deepEqual(await res.json(), NOT_AUTHENTICATED);
    };
    await expect401({ "x-sn-apikey": "now_not-a-key" });
    sn.instance.update("api_key", keySysId, { active: "false" });
    await expect401({ "x-sn-apikey": token });
    sn.instance.update("api_key", keySysId, { active: "true", expires: "2020-01-01 00:00:00" });
    await expect401({ "x-sn-apikey": token });
    sn.instance.update("api_key", keySysId, { expires: "2099-01-01 00:00:00" });
    assert.equal((await get("/api/now/table/incident", { "x-sn-apikey": token })).status, 200);
  });

  it("accepts a key only for APIs an active policy allows, and only where its profile says the key travels", async () => {
    sn.instance.update("sys_api_access_policy", policySysId, { active: "false" });
    assert.equal((await get("/api/now/table/incident", { "x-sn-apikey": token })).status, 401);
    sn.instance.update("sys_api_access_policy", policySysId, { active: "true" });
    // The profile takes the key from the header, not from the URL.
    assert.equal((await get(`/api/now/table/incident?x-sn-apikey=${token}`, {})).status, 401);
    const queryProfile = sn.instance.insert("http_key_auth", { name: "Test query profile", auth_parameter: parameter("query_parameter") });
    sn.instance.insert("sys_auth_profile_mapping", { api_access_policy: policySysId, inbound_auth_profile: queryProfile.sys_id! });
    assert.equal((await get(`/api/now/table/incident?x-sn-apikey=${token}`, {})).status, 200);
  });

  it("keeps the emulator's fixed key, which signs in as admin", async () => {
    assert.equal((await get("/api/now/table/api_key", { "x-sn-apikey": sn.instance.apiKey })).status, 200);
  });

  it("generates a token when an insert leaves it empty, and never returns a token in plaintext", async () => {
    const user = sn.instance.records("sys_user", "user_name=itil.user")[0]!;
    const made = sn.instance.insert("api_key", { name: "Generated", user: user.sys_id! });
    assert.match(sn.instance.revealSecret("api_key", made.sys_id!, "token") ?? "", /^now_[A-Za-z0-9_-]{43}$/);
    const listed = await get("/api/now/table/api_key?sysparm_display_value=true", { authorization: basicAuthHeader(sn.instance.admin) });
    assert.ok(!(await listed.text()).includes(token));
  });

  it("reads the API path a policy names from the URL, without the version", () => {
    assert.equal(apiPathOf("/api/now/table/incident"), "now/table");
    assert.equal(apiPathOf("/api/now/v2/table/incident"), "now/table");
    assert.equal(apiPathOf("/api/now/attachment/file"), "now/attachment");
  });
});
