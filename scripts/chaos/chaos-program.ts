/**
 * The program every chaos run deploys: every spoke preset, credentials, an OAuth provider with
 * scopes, a property of our own and one the Qualtrics spoke ships (adopted, restored on
 * destroy), and an integration user. Plain JavaScript, so no run waits on a TypeScript
 * compile. Stack config `chaos:variant` = `b` changes inputs of multi-record resources in
 * place (a scope added, a connection URL changed), for the interrupted-update runs.
 */
export const chaosProgram = `"use strict";
const pulumi = require("@pulumi/pulumi");
const snow = require("pulumi-servicenow-spokes");
const config = new pulumi.Config("chaos");
const b = config.get("variant") === "b";
const secret = (key) => config.requireSecret(key);

new snow.SystemProperty("level", { name: "x_chaos.level", value: b ? "4" : "3" });
const shipped = new snow.SystemProperty("shipped", { name: "sn_qualtrics_spoke.qualtrics_directory", value: "POOL_chaos" });
new snow.BasicAuthCredential("basic", { name: "Chaos basic", userName: "svc_chaos", password: secret("basic") });
new snow.OAuthProvider("provider", { name: "Chaos provider", clientId: "chaos-client", clientSecret: secret("provider"), tokenUrl: "https://login.example.com/oauth2/token", scopes: b ? ["read", "write", "admin"] : ["read", "write"] });
new snow.IntegrationUser("user", { userName: "svc.chaos", password: secret("user"), roles: ["itil"] });
new snow.SumTotalConnection("sumtotal", { connectionUrl: b ? "https://acme2.sumtotal.host" : "https://acme.sumtotal.host", oauthEntityName: "Chaos SumTotal", oauthClientId: "sumtotal-client", oauthClientSecret: secret("sumtotal") });
new snow.QualtricsConnection("qualtrics", { connectionUrl: "https://acme.qualtrics.com/API/v3", xApiToken: secret("qualtricsToken"), oauthName: "Chaos Qualtrics", oauthClientId: "qualtrics-client", oauthClientSecret: secret("qualtrics"), tokenUrl: "https://iad1.qualtrics.com/oauth2/token" }, { dependsOn: shipped });
const oktaKey = new snow.OktaApiKeyCredential("okta-key", { name: "Chaos Okta key", apiKey: secret("okta") });
new snow.OktaConnection("okta", { connectionUrl: "https://acme.okta.com", credentialSysId: oktaKey.sysId });
new snow.OktaOAuthConnection("okta-oauth", { connectionUrl: "https://acme-oauth.okta.com", connectionName: "Chaos Okta OAuth", clientId: "0oa-chaos", clientSecret: secret("oktaOAuth") });
`;

/**
 * The same program as Pulumi YAML, through the provider plugin, for the campaign's `--plugin`
 * runs (the project is named `chaos`, so its config is the same `chaos:*` keys). YAML has no
 * conditionals: the worker writes variant `a` or `b` as the program itself.
 */
export function chaosYamlProgram(variant: "a" | "b"): string {
  const b = variant === "b";
  const secrets = Object.keys(chaosSecrets).map((key) => `  ${key.slice("chaos:".length)}:\n    type: string\n    secret: true\n`);
  const resource = (name: string, kind: string, properties: Record<string, unknown>, options = "") =>
    `  ${name}:\n    type: servicenow:index:${kind}\n    properties:\n${Object.entries(properties)
      .map(([key, value]) => `      ${key}: ${typeof value === "string" && value.startsWith("\${") ? value : JSON.stringify(value)}\n`)
      .join("")}${options}`;
  return `config:\n${secrets.join("")}resources:\n${[
    resource("level", "SystemProperty", { name: "x_chaos.level", value: b ? "4" : "3" }),
    resource("shipped", "SystemProperty", { name: "sn_qualtrics_spoke.qualtrics_directory", value: "POOL_chaos" }),
    resource("basic", "BasicAuthCredential", { name: "Chaos basic", userName: "svc_chaos", password: "\${basic}" }),
    resource("provider", "OAuthProvider", { name: "Chaos provider", clientId: "chaos-client", clientSecret: "\${provider}", tokenUrl: "https://login.example.com/oauth2/token", scopes: b ? ["read", "write", "admin"] : ["read", "write"] }),
    resource("user", "IntegrationUser", { userName: "svc.chaos", password: "\${user}", roles: ["itil"] }),
    resource("sumtotal", "SumTotalConnection", { connectionUrl: b ? "https://acme2.sumtotal.host" : "https://acme.sumtotal.host", oauthEntityName: "Chaos SumTotal", oauthClientId: "sumtotal-client", oauthClientSecret: "\${sumtotal}" }),
    resource("qualtrics", "QualtricsConnection", { connectionUrl: "https://acme.qualtrics.com/API/v3", xApiToken: "\${qualtricsToken}", oauthName: "Chaos Qualtrics", oauthClientId: "qualtrics-client", oauthClientSecret: "\${qualtrics}", tokenUrl: "https://iad1.qualtrics.com/oauth2/token" }, "    options:\n      dependsOn:\n        - \${shipped}\n"),
    resource("oktaKey", "OktaApiKeyCredential", { name: "Chaos Okta key", apiKey: "\${okta}" }),
    resource("okta", "OktaConnection", { connectionUrl: "https://acme.okta.com", credentialSysId: "\${oktaKey.sysId}" }),
    resource("oktaOAuth", "OktaOAuthConnection", { connectionUrl: "https://acme-oauth.okta.com", connectionName: "Chaos Okta OAuth", clientId: "0oa-chaos", clientSecret: "\${oktaOAuth}" }),
  ].join("")}`;
}

/** The program's secrets (stack config `chaos:*`, set with --secret): never to be seen in plaintext. */
export const chaosSecrets: Readonly<Record<string, string>> = {
  "chaos:basic": "chaos-basic-password-1a2b",
  "chaos:provider": "chaos-provider-secret-3c4d",
  "chaos:user": "chaos-user-password-5e6f",
  "chaos:sumtotal": "chaos-sumtotal-secret-7a8b",
  "chaos:qualtricsToken": "chaos-qualtrics-token-9c0d",
  "chaos:qualtrics": "chaos-qualtrics-secret-1e2f",
  "chaos:okta": "chaos-okta-token-3a4b",
  "chaos:oktaOAuth": "chaos-okta-oauth-secret-5c6d",
};
