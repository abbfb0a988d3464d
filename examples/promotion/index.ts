// One program for every instance: each stack (Pulumi.dev.yaml, Pulumi.prod.yaml) holds what
// differs per instance, secrets included (encrypted). Promoting a change is merging it and
// running `pulumi up` on dev, then on prod.
import * as pulumi from "@pulumi/pulumi";
import * as snow from "pulumi-servicenow-spokes";

const config = new pulumi.Config(); // keys `promotion:*`

interface SumTotalSettings {
  connectionUrl: string;
  oauthClientId: string;
  oauthEntityName?: string;
}
interface OktaSettings {
  connectionUrl: string;
  credentialName?: string;
}

const properties = config.getObject<Record<string, string | number | boolean>>("properties") ?? {};
const sumTotal = config.requireObject<SumTotalSettings>("sumtotal");
const okta = config.requireObject<OktaSettings>("okta");

export const propertySysIds = Object.fromEntries(
  Object.entries(properties).map(([name, value]) => [name, new snow.SystemProperty(name, { name, value: String(value) }).sysId]),
);

export const sumTotalConnectionSysId = new snow.SumTotalConnection("sumtotal", {
  connectionUrl: sumTotal.connectionUrl,
  oauthClientId: sumTotal.oauthClientId,
  oauthEntityName: sumTotal.oauthEntityName ?? "SumTotal OAuth",
  oauthClientSecret: config.requireSecret("sumtotalClientSecret"),
}).connectionSysId;

const oktaCredential = new snow.OktaApiKeyCredential("okta-api-key", {
  name: okta.credentialName ?? "Okta API key",
  apiKey: config.requireSecret("oktaApiToken"),
});

export const oktaConnectionSysId = new snow.OktaConnection("okta", {
  connectionUrl: okta.connectionUrl,
  credentialSysId: oktaCredential.sysId,
}).connectionSysId;
