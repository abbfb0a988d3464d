import * as assert from "node:assert/strict";
import { request } from "node:http";
import { useEmulator } from "../helpers/emulator";

// Bad requests get ServiceNow's answers, never a crash.
describe("emulator HTTP server", () => {
  const sn = useEmulator({ spokes: [] });

  it("malformed JSON is 400 with the instance's body", async () => {
    for (const body of ["{not json", "[1,2]", "null", '"text"']) {
      const res = await sn.fetch("/api/now/table/sys_properties", { method: "POST", headers: { "content-type": "application/json" }, body });
      assert.equal(res.status, 400, body);
      assert.deepEqual(await res.json(), { error: { message: "Exception while reading request", detail: "The payload is not valid JSON." }, status: "failure" });
    }
  });

  it("an oversized body is 413, and the server keeps serving", async () => {
    const big = JSON.stringify({ name: "big", value: "x".repeat(11 * 1024 * 1024) });
    const status = await new Promise<number>((resolve, reject) => {
      const url = new URL(`${sn.url}/api/now/table/sys_properties`);
      const req = request(url, { method: "POST", headers: { authorization: sn.basicAuth(), "content-type": "application/json" } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", reject);
      req.end(big);
    });
    assert.equal(status, 413);
    assert.equal((await sn.fetch("/api/now/table/sys_user")).status, 200);
  });

  it("bad percent-encoding and unknown paths get answers", async () => {
    assert.equal((await sn.fetch("/api/now/table/%E0%A4%A")).status, 400);
    assert.equal((await sn.fetch("/api/now/table/sys_user/%E0%A4%A")).status, 400);
    assert.equal((await sn.fetch("/nothing/here")).status, 404);
    assert.equal((await sn.fetch("/api/now/table/sys_user", { method: "OPTIONS" })).status, 405);
  });

  it("authentication comes before the table check", async () => {
    const res = await sn.fetch("/api/now/table/x_nope", { headers: { authorization: "" } });
    assert.equal(res.status, 401);
  });

  it("/oauth_token.do accepts POST with a form only", async () => {
    const get = await fetch(`${sn.url}/oauth_token.do`);
    assert.equal(get.status, 401);
    assert.deepEqual(await get.json(), { error_description: "access_denied", error: "server_error" });
  });

  it("answers JSON with the instance's content type", async () => {
    const res = await sn.fetch("/api/now/table/sys_user");
    assert.equal(res.headers.get("content-type"), "application/json;charset=UTF-8");
  });
});
