// The Okta spoke with an API key (seeds/002, "Set up Okta spoke using API key"): the API-key
// credential record and the connection record on the Okta alias.
import * as pulumi from "@pulumi/pulumi";
import * as snow from "pulumi-servicenow-spokes";

const config = new pulumi.Config(); // keys `okta-api-key:*`

// Okta Admin Console > Security > API > Tokens. Stored as `SSWS <token>`.
const credential = new snow.OktaApiKeyCredential("okta-api-key", {
  name: config.get("credentialName") ?? "Okta API key",
  apiKey: config.requireSecret("apiToken"),
});

const connection = new snow.OktaConnection("okta", {
  // The Okta org URL, e.g. https://acme.okta.com
  connectionUrl: config.require("orgUrl"),
  credentialSysId: credential.sysId,
});

export const credentialSysId = credential.sysId;
export const connectionSysId = connection.connectionSysId;
