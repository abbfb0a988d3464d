// A Pulumi program with one resource of every kind, for the real-engine tests. Secrets come
// from stack config (`e2e:*`, set with --secret); the emulator's URL and admin from
// `servicenow:*`.
import * as pulumi from "@pulumi/pulumi";
import * as snow from "pulumi-servicenow-spokes";

const config = new pulumi.Config("e2e");
const suffix = config.get("suffix") ?? "";

export const property = new snow.SystemProperty("property", { name: "x_e2e.settings.level", value: config.get("level") ?? "3" }).sysId;

const shipped = new snow.SystemProperty("shipped", { name: "sn_qualtrics_spoke.qualtrics_directory", value: "POOL_e2e", description: "Qualtrics Directory ID" });
export const shippedProperty = shipped.sysId;

export const alias = new snow.ConnectionAlias("alias", { aliasId: "x_e2e.Custom", name: "Custom" }).sysId;

const basic = new snow.BasicAuthCredential("basic", { name: "E2E basic", userName: "svc_e2e", password: config.requireSecret("basicPassword") });
const apiKey = new snow.ApiKeyCredential("api-key", { name: "E2E api key", apiKey: config.requireSecret("apiKey") });
export const credentials = [basic.sysId, apiKey.sysId];

export const connection = new snow.HttpConnection("connection", {
  connectionAlias: "sn_okta_spoke.Okta",
  connectionName: "E2E generic",
  connectionUrl: `https://generic${suffix}.example.com`,
  credentialSysId: basic.sysId,
}).sysId;

const provider = new snow.OAuthProvider("provider", {
  name: "E2E provider",
  clientId: "e2e-client",
  clientSecret: config.requireSecret("providerSecret"),
  tokenUrl: "https://login.example.com/oauth2/token",
  scopes: ["read", "write"],
});
export const oauthCredential = new snow.OAuth2Credential("oauth-credential", { name: "E2E OAuth", oauthEntityProfileSysId: provider.profileSysId }).sysId;

const externalClient = new snow.OAuthExternalClient("external-client", { name: "E2E tool", clientSecret: config.requireSecret("toolSecret") });
export const externalClientId = externalClient.clientId;
const user = new snow.IntegrationUser("integration-user", { userName: "svc.e2e", password: config.requireSecret("userPassword"), roles: ["itil"] });
export const integrationUser = user.sysId;
// The token from secret config, so that the --debug scan below covers it (a generated one is an output only).
export const restApiKey = new snow.RestApiKey("rest-api-key", { name: "E2E key", userSysId: user.sysId, expiresAt: "2099-01-01 00:00:00", token: config.requireSecret("restApiKeyToken") }).sysId;

export const tableRecord = new snow.TableRecord("table-record", { table: "sys_properties", fields: { name: "x_e2e.table_record", value: "1" }, key: ["name"] }).sysId;

export const sumTotal = new snow.SumTotalConnection("sumtotal", {
  connectionUrl: "https://acme.sumtotal.host",
  oauthEntityName: "SumTotal OAuth",
  oauthClientId: "sumtotal-client",
  oauthClientSecret: config.requireSecret("sumtotalSecret"),
}).connectionSysId;

export const qualtrics = new snow.QualtricsConnection("qualtrics", {
  connectionUrl: "https://acme.qualtrics.com/API/v3",
  xApiToken: config.requireSecret("qualtricsToken"),
  oauthName: "Qualtrics OAuth",
  oauthClientId: "qualtrics-client",
  oauthClientSecret: config.requireSecret("qualtricsSecret"),
  tokenUrl: "https://iad1.qualtrics.com/oauth2/token",
}, { dependsOn: shipped }).connectionSysId;

const oktaKey = new snow.OktaApiKeyCredential("okta-key", { name: "Okta API key", apiKey: config.requireSecret("oktaToken") });
export const okta = new snow.OktaConnection("okta", { connectionUrl: "https://acme.okta.com", credentialSysId: oktaKey.sysId }).connectionSysId;

const oktaOAuth = new snow.OktaOAuthConnection("okta-oauth", {
  connectionUrl: "https://acme-oauth.okta.com",
  connectionName: "Okta OAuth",
  clientId: "0oa-e2e",
  clientSecret: config.requireSecret("oktaClientSecret"),
});
export const finishSignInUrl = oktaOAuth.finishSignInUrl;

export const custom = new snow.SpokeConnection("custom", {
  connectionAlias: "sn_sumtotal_spoke.SumTotal",
  connectionName: "Custom on SumTotal alias",
  connectionUrl: "https://custom.example.com",
  credentialType: "api_key",
  // A secret given as a plain string: the resource class still keeps it secret.
  apiKey: config.require("plainKey"),
}).connectionSysId;
