/**
 * The conformance program: one resource of every building block and each spoke preset whose
 * alias the instance has, every name under one prefix, so the run touches nothing it did not
 * create (the Qualtrics directory property aside, which it adopts and gives back).
 */
export const spokeAliases = {
  sumtotal: "sn_sumtotal_spoke.SumTotal",
  qualtrics: "sn_qualtrics_spoke.Qualtrics",
  okta: "sn_okta_spoke.Okta",
} as const;
export type Spoke = keyof typeof spokeAliases;

export function conformanceProgram(prefix: string, spokes: readonly Spoke[]): string {
  const n = (name: string) => JSON.stringify(`${prefix} ${name}`);
  const lines = [
    `"use strict";`,
    `const pulumi = require("@pulumi/pulumi");`,
    `const snow = require("pulumi-servicenow-spokes");`,
    `const s = (value) => pulumi.secret(value);`,
    `new snow.SystemProperty("property", { name: ${JSON.stringify(`x_${prefix.replace(/-/g, "_")}.level`)}, value: "3", description: "conformance run" });`,
    `const basic = new snow.BasicAuthCredential("basic", { name: ${n("basic")}, userName: "svc_conformance", password: s("conformance-basic-password") });`,
    `new snow.ApiKeyCredential("api-key", { name: ${n("api key")}, apiKey: s("conformance-api-key") });`,
    `const provider = new snow.OAuthProvider("provider", { name: ${n("provider")}, clientId: "conformance-client", clientSecret: s("conformance-provider-secret"), tokenUrl: "https://login.example.com/oauth2/token", scopes: ["read"] });`,
    `new snow.OAuth2Credential("oauth-credential", { name: ${n("oauth credential")}, oauthEntityProfileSysId: provider.profileSysId });`,
    `new snow.OAuthExternalClient("external-client", { name: ${n("tool")}, clientSecret: s("conformance-tool-secret-0123") });`,
    `new snow.IntegrationUser("user", { userName: ${JSON.stringify(`${prefix.replace(/-/g, "_")}.svc`)}, password: s("Conformance-user-password-1"), roles: ["itil"] });`,
    `new snow.TableRecord("table-record", { table: "sys_properties", key: ["name"], fields: { name: ${JSON.stringify(`x_${prefix.replace(/-/g, "_")}.table_record`)}, value: "1" } });`,
    // An alias of our own (a custom spoke), a connection on it, and a generic spoke connection.
    `const alias = new snow.ConnectionAlias("alias", { aliasId: ${JSON.stringify(aliasIdOf(prefix))}, name: ${n("alias")} });`,
    `new snow.HttpConnection("connection", { connectionAlias: ${JSON.stringify(aliasIdOf(prefix))}, connectionName: ${n("connection")}, connectionUrl: "https://conformance.example.com", credentialSysId: basic.sysId }, { dependsOn: alias });`,
    `new snow.SpokeConnection("custom", { connectionAlias: ${JSON.stringify(aliasIdOf(prefix))}, connectionName: ${n("custom")}, connectionUrl: "https://custom.example.com", credentialType: "basic", userName: "svc_custom", password: s("conformance-custom-password") }, { dependsOn: alias });`,
  ];
  if (spokes.includes("sumtotal")) {
    lines.push(`new snow.SumTotalConnection("sumtotal", { connectionName: ${n("SumTotal")}, connectionUrl: "https://conformance.sumtotal.host", oauthEntityName: ${n("SumTotal OAuth")}, oauthClientId: "c", oauthClientSecret: s("conformance-sumtotal-secret") });`);
  }
  if (spokes.includes("qualtrics")) {
    lines.push(`new snow.QualtricsConnection("qualtrics", { connectionName: ${n("Qualtrics")}, connectionUrl: "https://conformance.qualtrics.com/API/v3", xApiToken: s("conformance-qualtrics-token"), oauthName: ${n("Qualtrics OAuth")}, oauthClientId: "q", oauthClientSecret: s("conformance-qualtrics-secret"), tokenUrl: "https://iad1.qualtrics.com/oauth2/token", directoryId: "POOL_conformance" });`);
  }
  if (spokes.includes("okta")) {
    lines.push(`const oktaKey = new snow.OktaApiKeyCredential("okta-key", { name: ${n("Okta key")}, apiKey: s("conformance-okta-token") });`);
    lines.push(`new snow.OktaConnection("okta", { connectionName: ${n("Okta")}, connectionUrl: "https://conformance.okta.com", credentialSysId: oktaKey.sysId });`);
    lines.push(`new snow.OktaOAuthConnection("okta-oauth", { connectionName: ${n("Okta OAuth")}, connectionUrl: "https://conformance-oauth.okta.com", clientId: "0oa-conformance", clientSecret: s("conformance-okta-secret") });`);
  }
  return `${lines.join("\n")}\n`;
}

/** `x_pulumi_conf.<prefix>`: the alias id of the run's own custom spoke. */
export function aliasIdOf(prefix: string): string {
  return `x_pulumi_conf.${prefix.replace(/-/g, "_")}`;
}
