import * as assert from "node:assert/strict";
import { lifecycle } from "../helpers/provider-session";
import { unknownValue } from "../../provider/lifecycle/values";

const sumTotal = { connectionUrl: "https://acme.sumtotal.host", oauthEntityName: "SumTotal OAuth", oauthClientId: "id", oauthClientSecret: "s3cret-value" };
const qualtrics = {
  connectionUrl: "https://acme.qualtrics.com/API/v3",
  xApiToken: "tok-value",
  oauthName: "Q",
  oauthClientId: "id",
  oauthClientSecret: "s3cret-value",
  tokenUrl: "https://iad1.qualtrics.com/oauth2/token",
};

/** Each bad input: the kind, the inputs, the input the failure must name, and what it must say. */
const badInputs: readonly [kind: string, inputs: Record<string, unknown>, property: string, says: RegExp][] = [
  ["SystemProperty", { name: "has space", value: "1" }, "name", /dotted property name.*Example: name: "x_acme/],
  ["SystemProperty", { value: "1" }, "name", /`name` is required\. Example/],
  ["SystemProperty", { name: "x.a.b", value: 3 }, "value", /must be a string/],
  ["SystemProperty", { name: "x.a.b", value: "1", deleteBehavior: "forget" }, "deleteBehavior", /restore, delete or keep/],
  ["HttpConnection", { connectionAlias: "sn_okta_spoke.Okta", connectionName: "O", connectionUrl: "http://acme.okta.com" }, "connectionUrl", /must use https.*127\.0\.0\.1/],
  ["HttpConnection", { connectionAlias: "Okta", connectionName: "O", connectionUrl: "https://acme.okta.com" }, "connectionAlias", /alias id `<scope>\.<name>`/],
  ["HttpConnection", { connectionAlias: "sn_okta_spoke.Okta", connectionName: "O", connectionUrl: "not a url" }, "connectionUrl", /absolute URL/],
  ["ConnectionAlias", { aliasId: "x_acme.Custom", name: "two\nlines" }, "name", /control characters/],
  ["BasicAuthCredential", { name: "B", userName: "u", password: "" }, "password", /must not be empty/],
  ["BasicAuthCredential", { name: "B", userName: "u", password: "pw-value\n" }, "password", /whitespace/],
  ["OAuthProvider", { name: "P", clientId: "c", clientSecret: "s3cret-value", tokenUrl: "https://x.example.com/t", grantType: "implicit" }, "grantType", /must be one of client_credentials/],
  ["OAuthExternalClient", { name: "T", clientSecret: "short" }, "clientSecret", /at least 16 characters/],
  ["IntegrationUser", { userName: "svc", password: "p4ssword-value", email: "nope" }, "email", /email address/],
  ["TableRecord", { table: "u_x", fields: { u_a: "1" }, key: ["u_b"] }, "key", /u_b, which is not in `fields`/],
  ["SumTotalConnection", { ...sumTotal, oauthClientSecret: "" }, "oauthClientSecret", /must not be empty/],
  ["SumTotalConnection", { ...sumTotal, oauthTokenUrl: "ftp://acme.sumtotal.host/token" }, "oauthTokenUrl", /must use https/],
  ["QualtricsConnection", { ...qualtrics, connectionUrl: "https://acme.example.com/api" }, "connectionUrl", /<Organization-ID>\.qualtrics\.com\/API\/v3/],
  ["QualtricsConnection", { ...qualtrics, tokenUrl: "https://iad1.qualtrics.com/token" }, "tokenUrl", /<Data-Center-ID>\.qualtrics\.com\/oauth2\/token/],
  ["QualtricsConnection", { ...qualtrics, directoryId: "abc" }, "directoryId", /POOL_/],
  ["OktaApiKeyCredential", { name: "O", apiKey: " " }, "apiKey", /must not be empty/],
  ["OktaConnection", { connectionUrl: "https://acme.okta.com", credentialSysId: "abc" }, "credentialSysId", /32 lowercase hex/],
  ["OktaOAuthConnection", { connectionUrl: "https://acme.okta.com", clientId: "c", clientSecret: "s3cret-value", apiVersion: "1" }, "apiVersion", /such as v1/],
  [
    "SpokeConnection",
    { connectionAlias: "sn_x_spoke.X", connectionUrl: "https://x.example.com", credentialType: "oauth2_client_credentials", clientId: "c" },
    "clientSecret",
    /is required when credentialType is oauth2_client_credentials/,
  ],
  ["SpokeConnection", { connectionAlias: "sn_x_spoke.X", connectionUrl: "https://x.example.com", credentialType: "saml" }, "credentialType", /oauth2_client_credentials, api_key, basic/],
];

describe("check: input validation before any request", () => {
  for (const [kind, inputs, property, says] of badInputs) {
    it(`${kind}: rejects a bad \`${property}\` with a message that names it and the fix`, async () => {
      const result = await lifecycle(kind).check({}, inputs);
      const failure = (result.failures ?? []).find((f) => f.property === property);
      assert.ok(failure, `no failure for ${property}: ${JSON.stringify(result.failures)}`);
      assert.match(failure.reason, new RegExp(`^\`${property}\``));
      assert.match(failure.reason, says);
      for (const value of Object.values(inputs)) {
        if (typeof value === "string" && /s3cret|tok-value|pw-value/.test(value)) assert.ok(!failure.reason.includes(value.trim()), "a secret was echoed");
      }
    });
  }

  it("accepts valid inputs and applies defaults", async () => {
    const result = await lifecycle("SumTotalConnection").check({}, sumTotal);
    assert.deepEqual(result.failures ?? [], []);
    assert.equal(result.inputs.connectionName, "SumTotal");
    assert.equal(result.inputs.active, true);
    assert.equal(result.inputs.verifyCredentials, false);
  });

  it("leaves inputs that are not known yet (preview) for the run where they are", async () => {
    const result = await lifecycle("OktaConnection").check({}, { connectionUrl: "https://acme.okta.com", credentialSysId: unknownValue });
    assert.deepEqual(result.failures ?? [], []);
  });

  it("still rejects known bad inputs next to unknown ones", async () => {
    const result = await lifecycle("OktaConnection").check({}, { connectionUrl: "http://acme.okta.com", credentialSysId: unknownValue });
    assert.deepEqual(result.failures?.map((f) => f.property), ["connectionUrl"]);
  });
});
