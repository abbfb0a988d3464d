import * as assert from "node:assert/strict";
import { basicAuthHeader, useEmulator } from "../helpers/emulator";
import { checkAndCreate, connectProvider, lifecycle, stateRecords } from "../helpers/provider-session";
import { snapshot } from "./snapshot";

/**
 * RestApiKey beyond the shared kind cases: the generated token signs in as the key's user and
 * only as that user, rotation, the user checked before any write, adoption of a key made by
 * hand and a destroy that removes only what the resource made.
 */
describe("RestApiKey", () => {
  const sn = useEmulator({ spokes: [] });
  const provider = () => lifecycle("RestApiKey");
  const itilUser = () => sn.instance.records("sys_user", "user_name=itil.user")[0]!.sys_id!;
  const read = (path: string, headers: Record<string, string>): Promise<Response> => fetch(`${sn.url}${path}`, { headers: { accept: "application/json", ...headers } });
  const writes = () => Object.entries(sn.instance.stats().byMethod).filter(([method]) => method !== "GET").reduce((sum, [, n]) => sum + n, 0);

  beforeEach(() => connectProvider(sn.instance));

  it("generates a token that signs in as the key's user with that user's roles, kept out of the bookkeeping", async () => {
    const before = snapshot(sn.instance);
    const { id, outs } = await checkAndCreate("RestApiKey", { name: "WorkBoard", userSysId: itilUser() });
    assert.match(String(outs.token), /^now_[A-Za-z0-9_-]{43}$/);
    assert.ok(!JSON.stringify(outs.__servicenow).includes(String(outs.token)), "the token is not in the bookkeeping");
    assert.equal(sn.instance.revealSecret("api_key", id, "token"), outs.token);
    assert.equal((await read("/api/now/table/incident", { "x-sn-apikey": String(outs.token) })).status, 200);
    assert.equal((await read("/api/now/table/api_key", { "x-sn-apikey": String(outs.token) })).status, 403, "itil may not read the keys");
    // The policy keeps the other sign-ins: its own basic-auth and OAuth profiles are mapped too.
    const policy = stateRecords("RestApiKey", outs).find((r) => r.step === "policy:table")!.sysId;
    assert.equal(sn.instance.records("sys_auth_profile_mapping", `api_access_policy=${policy}`).length, 3);
    await provider().delete(id, outs);
    assert.deepEqual(snapshot(sn.instance), before);
    assert.equal((await read("/api/now/table/incident", { "x-sn-apikey": String(outs.token) })).status, 401);
  });

  it("replaces the key when `rotation` changes: a new token, and the old one stops working", async () => {
    const inputs = { name: "Rotated", userSysId: itilUser(), rotation: "2026-11" };
    const first = await checkAndCreate("RestApiKey", inputs);
    const diff = await provider().diff(first.id, first.outs, { ...inputs, rotation: "2026-12" });
    assert.deepEqual(diff.replaces, ["rotation"]);
    assert.equal(diff.deleteBeforeReplace, true);
    await provider().delete(first.id, first.outs);
    const second = await checkAndCreate("RestApiKey", { ...inputs, rotation: "2026-12" });
    assert.notEqual(second.outs.token, first.outs.token);
    assert.equal((await read("/api/now/table/incident", { "x-sn-apikey": String(first.outs.token) })).status, 401);
    assert.equal((await read("/api/now/table/incident", { "x-sn-apikey": String(second.outs.token) })).status, 200);
    await provider().delete(second.id, second.outs);
  });

  it("keeps the token across an in-place update and turns the key off with `active: false`", async () => {
    const inputs = { name: "Switched", userSysId: itilUser(), expiresAt: "2099-01-01 00:00:00" };
    const { id, outs } = await checkAndCreate("RestApiKey", inputs);
    const off = await provider().update(id, outs, { ...inputs, active: false });
    assert.equal(off.outs.token, outs.token);
    assert.equal((await read("/api/now/table/incident", { "x-sn-apikey": String(outs.token) })).status, 401);
    await provider().delete(id, off.outs);
  });

  it("refuses a user that does not exist before any write, naming `userSysId`", async () => {
    sn.instance.resetStats();
    await assert.rejects(checkAndCreate("RestApiKey", { name: "Nobody", userSysId: "0123456789abcdef0123456789abcdef" }), (error: Error) => {
      assert.match(error.message, /No sys_user record with sys_id="0123456789abcdef0123456789abcdef" exists on .*`userSysId` must be the sys_id of an existing user/);
      return true;
    });
    assert.equal(writes(), 0);
    assert.equal(sn.instance.records("api_key", "name=Nobody").length, 0);
  });

  it("adopts a key made by hand with `adopt: true`, and destroy gives it back and removes only what it made", async () => {
    const handMade = sn.instance.insert("api_key", { name: "Hand made", user: itilUser(), description: "made in the UI" });
    await assert.rejects(checkAndCreate("RestApiKey", { name: "Hand made", userSysId: itilUser() }), new RegExp(handMade.sys_id!));
    const before = snapshot(sn.instance);
    const { id, outs } = await checkAndCreate("RestApiKey", { name: "Hand made", userSysId: itilUser(), description: "WorkBoard", adopt: true });
    assert.equal(id, handMade.sys_id);
    assert.equal((await read("/api/now/table/incident", { "x-sn-apikey": String(outs.token) })).status, 200);
    await provider().delete(id, outs);
    assert.equal(sn.instance.records("api_key", `sys_id=${handMade.sys_id}`)[0]!.description, "made in the UI");
    assert.deepEqual(withoutSecret(snapshot(sn.instance)), withoutSecret(before));
    assert.equal((await read("/api/now/table/api_key", { authorization: basicAuthHeader(sn.instance.admin) })).status, 200);
  });
});

/** Adoption writes the key's token (the resource's output must work): compare everything else. */
function withoutSecret(tables: Record<string, Record<string, string>[]>): Record<string, Record<string, string>[]> {
  return { ...tables, api_key: (tables.api_key ?? []).map(({ token: _token, ...rest }) => rest) };
}
