import * as assert from "node:assert/strict";
import { inspect } from "node:util";
import nock from "nock";
import { isCredentialCheckError } from "../../provider/spokes/credential-check-error";
import { oktaOAuthConnectionKind } from "../../provider/spokes/okta";
import { verifyClientCredentials, verifyOktaApiKey } from "../../provider/spokes/verify-credentials";
import { netError, useNock } from "../client/fixtures";

const OKTA = "https://acme.okta.test";
const SECRET = "okta-client-secret-5e6f";
const check = (clientSecret = SECRET) =>
  verifyClientCredentials({ spokeName: "Okta", tokenUrl: `${OKTA}/oauth2/v1/token`, clientId: "0oa1", clientSecret, inputNames: "`clientId` and `clientSecret`" });

describe("CredentialCheckError: the third party's answer, by status, never a secret", () => {
  useNock();

  it("carries the third party's status and name, and says which inputs to check", async () => {
    nock(OKTA).post("/oauth2/v1/token").reply(401, { error: "invalid_client", error_description: "Client authentication failed." });
    await assert.rejects(check(), (error: unknown) => {
      assert.ok(isCredentialCheckError(error));
      assert.equal(error.status, 401);
      assert.equal(error.party, "Okta");
      assert.equal(error.code, undefined);
      assert.equal(
        error.message,
        "Okta refused the client credentials at acme.okta.test (HTTP 401: invalid_client Client authentication failed.). " +
          "Check `clientId` and `clientSecret`, or set verifyCredentials: false to skip this check.",
      );
      return true;
    });
  });

  it("redacts the secret when the third party echoes it, and attaches no HTTP error", async () => {
    nock(OKTA).post("/oauth2/v1/token").reply(401, { error: "invalid_client", error_description: `bad secret ${SECRET}` });
    await assert.rejects(check(), (error: unknown) => {
      assert.ok(isCredentialCheckError(error));
      assert.match(error.message, /\(HTTP 401: invalid_client bad secret \[REDACTED\]\)/);
      for (const text of [error.message, error.stack ?? "", JSON.stringify(error), inspect(error, { depth: 10, showHidden: true })]) {
        assert.ok(!text.includes(SECRET), text);
      }
      assert.equal(error.cause, undefined);
      return true;
    });
  });

  it("a third party that cannot be reached: the network code, no status, no cause (the axios error holds the request)", async () => {
    nock(OKTA).post("/oauth2/v1/token").replyWithError(netError("ECONNREFUSED"));
    await assert.rejects(check(), (error: unknown) => {
      assert.ok(isCredentialCheckError(error));
      assert.equal(error.code, "ECONNREFUSED");
      assert.equal(error.status, undefined);
      assert.equal(error.cause, undefined);
      assert.match(error.message, /^Could not reach Okta at acme\.okta\.test \(ECONNREFUSED\) to check the credentials\./);
      return true;
    });
  });

  it("Okta's API token check carries the status too, and keeps the token out", async () => {
    nock(OKTA).get("/api/v1/users/me").reply(401, { errorCode: "E0000011", errorSummary: `Invalid token provided: SSWS ${SECRET}` });
    await assert.rejects(verifyOktaApiKey({ orgUrl: OKTA, apiKey: `SSWS ${SECRET}`, inputNames: "`apiKey`" }), (error: unknown) => {
      assert.ok(isCredentialCheckError(error) && error.status === 401);
      assert.ok(!error.message.includes(SECRET), error.message);
      return true;
    });
  });

  describe("OktaOAuthConnection's preflight tells a 400 from a 401 by status", () => {
    const preflight = (tokenUrl: string) => {
      const inputs = oktaOAuthConnectionKind.schema.parse({
        connectionUrl: "https://acme.okta.com",
        clientId: "0oa1",
        clientSecret: SECRET,
        tokenUrl,
        verifyCredentials: true,
      });
      return oktaOAuthConnectionKind.preflight!(inputs, undefined as never, undefined as never);
    };

    it("400 unauthorized_client (a web app without the grant) proves the id and secret right: it passes", async () => {
      nock("https://acme.okta.com").post("/oauth2/default/v1/token").reply(400, { error: "unauthorized_client", error_description: "The client is not authorized to use the provided grant type." });
      await preflight("https://acme.okta.com/oauth2/default/v1/token");
    });

    it("401 invalid_client fails with the CredentialCheckError", async () => {
      nock("https://acme.okta.com").post("/oauth2/default/v1/token").reply(401, { error: "invalid_client" });
      await assert.rejects(preflight("https://acme.okta.com/oauth2/default/v1/token"), (error: unknown) => isCredentialCheckError(error) && error.status === 401);
    });

    it("an unreachable Okta fails, whatever its message says", async () => {
      nock("https://acme.okta.com").post("/oauth2/default/v1/token").replyWithError(netError("ECONNRESET", "HTTP 400 in the text"));
      await assert.rejects(preflight("https://acme.okta.com/oauth2/default/v1/token"), (error: unknown) => isCredentialCheckError(error) && error.code === "ECONNRESET");
    });
  });
});
