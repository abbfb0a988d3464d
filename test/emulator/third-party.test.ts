import * as assert from "node:assert/strict";
import { useEmulator } from "../helpers/emulator";

const form = (fields: Record<string, string>): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams(fields).toString(),
});

describe("emulator third-party stand-ins", () => {
  describe("with default credentials", () => {
    const sn = useEmulator({ spokes: [] });

    it("SumTotal /apisecurity/connect/token: 200 for the right client, 401 invalid_client otherwise", async () => {
      const ok = await fetch(`${sn.url}/apisecurity/connect/token`, form({ grant_type: "client_credentials", client_id: "sumtotal-client", client_secret: "sumtotal-secret", scope: "allapis" }));
      assert.equal(ok.status, 200);
      const body = (await ok.json()) as Record<string, unknown>;
      assert.equal(typeof body.access_token, "string");
      assert.equal(body.token_type, "Bearer");
      assert.equal(body.scope, "allapis");
      const bad = await fetch(`${sn.url}/apisecurity/connect/token`, form({ grant_type: "client_credentials", client_id: "sumtotal-client", client_secret: "nope" }));
      assert.equal(bad.status, 401);
      assert.deepEqual(await bad.json(), { error: "invalid_client" });
    });

    it("Qualtrics /oauth2/token accepts the client in a basic-auth header too", async () => {
      const ok = await fetch(`${sn.url}/oauth2/token`, {
        ...form({ grant_type: "client_credentials" }),
        headers: { "content-type": "application/x-www-form-urlencoded", authorization: `Basic ${Buffer.from("qualtrics-client:qualtrics-secret").toString("base64")}` },
      });
      assert.equal(ok.status, 200);
      assert.equal(((await ok.json()) as { scope: string }).scope, "manage:all");
      const bad = await fetch(`${sn.url}/oauth2/token`, form({ grant_type: "client_credentials", client_id: "x", client_secret: "y" }));
      assert.equal(bad.status, 401);
      assert.deepEqual(await bad.json(), { error: "invalid_client" });
    });

    it("Okta /api/v1/users/me: 200 with the SSWS token, 401 E0000011 otherwise", async () => {
      const ok = await fetch(`${sn.url}/api/v1/users/me`, { headers: { authorization: "SSWS okta-api-token" } });
      assert.equal(ok.status, 200);
      const user = (await ok.json()) as { status: string; profile: { login: string } };
      assert.equal(user.status, "ACTIVE");
      assert.ok(user.profile.login.includes("@"));
      for (const authorization of ["SSWS wrong", "Bearer okta-api-token", ""]) {
        const bad = await fetch(`${sn.url}/api/v1/users/me`, { headers: { authorization } });
        assert.equal(bad.status, 401);
        assert.deepEqual(await bad.json(), { errorCode: "E0000011", errorSummary: "Invalid token provided" });
      }
    });
  });

  describe("with configured credentials", () => {
    const sn = useEmulator({
      spokes: [],
      thirdParty: { sumtotal: { clientId: "st", clientSecret: "st-s" }, qualtrics: { clientId: "q", clientSecret: "q-s" }, okta: { apiToken: "tok" } },
    });

    it("accepts only the configured ones", async () => {
      assert.equal((await fetch(`${sn.url}/apisecurity/connect/token`, form({ grant_type: "client_credentials", client_id: "st", client_secret: "st-s" }))).status, 200);
      assert.equal((await fetch(`${sn.url}/apisecurity/connect/token`, form({ grant_type: "client_credentials", client_id: "sumtotal-client", client_secret: "sumtotal-secret" }))).status, 401);
      assert.equal((await fetch(`${sn.url}/oauth2/token`, form({ grant_type: "client_credentials", client_id: "q", client_secret: "q-s" }))).status, 200);
      assert.equal((await fetch(`${sn.url}/api/v1/users/me`, { headers: { authorization: "SSWS tok" } })).status, 200);
      assert.equal((await fetch(`${sn.url}/api/v1/users/me`, { headers: { authorization: "SSWS okta-api-token" } })).status, 401);
    });
  });
});
