import * as assert from "node:assert/strict";
import { useEmulator } from "../helpers/emulator";
import { connectProvider, lifecycle } from "../helpers/provider-session";

/** Table API writes only: the token request to the third party's stand-in is a POST too. */
const tableWrites = (emulator: { records(table: string): unknown[] }, before: number) =>
  ["oauth_entity", "discovery_credentials", "http_connection"].reduce((n, table) => n + emulator.records(table).length, 0) - before;
const recordCount = (emulator: { records(table: string): unknown[] }) => tableWrites(emulator, 0);

/**
 * `verifyCredentials`: the form's "Get OAuth Token", moved before any write, against the
 * emulator's stand-ins for SumTotal, Qualtrics and Okta on loopback.
 */
describe("verifying third-party credentials before any write", () => {
  const sn = useEmulator();

  async function created(kind: string, inputs: Record<string, unknown>) {
    connectProvider(sn.instance);
    const provider = lifecycle(kind);
    const checked = await provider.check({}, inputs);
    assert.deepEqual(checked.failures ?? [], []);
    return { provider, inputs: checked.inputs, before: recordCount(sn.instance) };
  }

  const sumTotal = (secret: string) => ({
    connectionUrl: sn.url, // the token URL defaults to <host>/apisecurity/connect/token: the stand-in
    oauthEntityName: "SumTotal verified",
    oauthClientId: "sumtotal-client",
    oauthClientSecret: secret,
    verifyCredentials: true,
  });

  it("SumTotal: right client credentials pass and the records are made", async () => {
    const { provider, inputs } = await created("SumTotalConnection", sumTotal("sumtotal-secret"));
    const result = await provider.create(inputs);
    assert.match(result.id, /^[0-9a-f]{32}$/);
    await provider.delete(result.id, result.outs);
  });

  it("SumTotal: wrong client credentials fail with SumTotal's answer, naming the inputs, before any write", async () => {
    const { provider, inputs, before } = await created("SumTotalConnection", sumTotal("wrong-secret-value"));
    await assert.rejects(provider.create(inputs), (error: Error) => {
      assert.equal(error.name, "CredentialCheckError");
      assert.match(error.message, /SumTotal refused the client credentials at 127\.0\.0\.1:\d+ \(HTTP 401: invalid_client\)/);
      assert.match(error.message, /`oauthClientId` and `oauthClientSecret`/);
      assert.ok(!error.message.includes("wrong-secret-value"));
      return true;
    });
    assert.equal(tableWrites(sn.instance, before), 0);
  });

  it("Qualtrics: wrong client credentials fail before any write", async () => {
    const { provider, inputs, before } = await created("QualtricsConnection", {
      connectionUrl: `${sn.url}/API/v3`,
      xApiToken: "qualtrics-api-token",
      oauthName: "Qualtrics verified",
      oauthClientId: "qualtrics-client",
      oauthClientSecret: "not-the-secret",
      tokenUrl: `${sn.url}/oauth2/token`,
      verifyCredentials: true,
    });
    await assert.rejects(provider.create(inputs), /Qualtrics refused the client credentials .*HTTP 401/);
    assert.equal(tableWrites(sn.instance, before), 0);
  });

  it("Okta: the API token is checked at the org URL, with or without SSWS", async () => {
    const good = await created("OktaApiKeyCredential", { name: "Okta verified", apiKey: "okta-api-token", verifyAtOrgUrl: sn.url });
    const result = await good.provider.create(good.inputs);
    await good.provider.delete(result.id, result.outs);

    const bad = await created("OktaApiKeyCredential", { name: "Okta verified", apiKey: "SSWS not-the-token", verifyAtOrgUrl: sn.url });
    await assert.rejects(bad.provider.create(bad.inputs), (error: Error) => {
      assert.match(error.message, /Okta refused the API token at 127\.0\.0\.1:\d+ \(HTTP 401: E0000011 Invalid token provided\)/);
      assert.ok(!error.message.includes("not-the-token"));
      return true;
    });
    assert.equal(tableWrites(sn.instance, bad.before), 0);
  });

  it("a third party that cannot be reached is named, with the way to skip the check", async () => {
    const { provider, inputs } = await created("SumTotalConnection", { ...sumTotal("sumtotal-secret"), oauthTokenUrl: "http://127.0.0.1:9/apisecurity/connect/token" });
    await assert.rejects(provider.create(inputs), /Could not reach SumTotal at 127\.0\.0\.1:9 \(ECONNREFUSED\).*verifyCredentials: false/);
  });
});
