/**
 * The program every chaos run deploys: every spoke preset, credentials, an OAuth provider with
 * scopes, a property of our own and one the Qualtrics spoke ships (adopted, restored on
 * destroy), and an integration user. Variant `b` changes inputs of multi-record resources in
 * place (a scope added, a connection URL changed), for the interrupted-update runs; the worker
 * writes the variant as the program itself.
 *
 * The resources are declared once (`chaosResources`) and rendered as plain JavaScript through
 * the dynamic provider (no run waits on a TypeScript compile) or as Pulumi YAML through the
 * provider plugin.
 */
export type Variant = "a" | "b";

/** A secret from the stack config (`chaos:<key>`), or another resource's output. */
type Value = string | readonly string[] | { readonly secret: string } | { readonly output: readonly [resource: string, name: string] };

interface ChaosResource {
  readonly name: string;
  readonly kind: string;
  readonly inputs: Readonly<Record<string, Value>>;
  readonly dependsOn?: string;
}

function chaosResources(variant: Variant): ChaosResource[] {
  const b = variant === "b";
  return [
    { name: "level", kind: "SystemProperty", inputs: { name: "x_chaos.level", value: b ? "4" : "3" } },
    { name: "shipped", kind: "SystemProperty", inputs: { name: "sn_qualtrics_spoke.qualtrics_directory", value: "POOL_chaos" } },
    { name: "basic", kind: "BasicAuthCredential", inputs: { name: "Chaos basic", userName: "svc_chaos", password: { secret: "basic" } } },
    { name: "provider", kind: "OAuthProvider", inputs: { name: "Chaos provider", clientId: "chaos-client", clientSecret: { secret: "provider" }, tokenUrl: "https://login.example.com/oauth2/token", scopes: b ? ["read", "write", "admin"] : ["read", "write"] } },
    { name: "user", kind: "IntegrationUser", inputs: { userName: "svc.chaos", password: { secret: "user" }, roles: ["itil"] } },
    { name: "sumtotal", kind: "SumTotalConnection", inputs: { connectionUrl: b ? "https://acme2.sumtotal.host" : "https://acme.sumtotal.host", oauthEntityName: "Chaos SumTotal", oauthClientId: "sumtotal-client", oauthClientSecret: { secret: "sumtotal" } } },
    {
      name: "qualtrics",
      kind: "QualtricsConnection",
      inputs: { connectionUrl: "https://acme.qualtrics.com/API/v3", xApiToken: { secret: "qualtricsToken" }, oauthName: "Chaos Qualtrics", oauthClientId: "qualtrics-client", oauthClientSecret: { secret: "qualtrics" }, tokenUrl: "https://iad1.qualtrics.com/oauth2/token" },
      dependsOn: "shipped",
    },
    { name: "oktaKey", kind: "OktaApiKeyCredential", inputs: { name: "Chaos Okta key", apiKey: { secret: "okta" } } },
    { name: "okta", kind: "OktaConnection", inputs: { connectionUrl: "https://acme.okta.com", credentialSysId: { output: ["oktaKey", "sysId"] } } },
    { name: "oktaOAuth", kind: "OktaOAuthConnection", inputs: { connectionUrl: "https://acme-oauth.okta.com", connectionName: "Chaos Okta OAuth", clientId: "0oa-chaos", clientSecret: { secret: "oktaOAuth" } } },
  ];
}

const isSecret = (value: Value): value is { readonly secret: string } => typeof value === "object" && "secret" in value;
const isOutput = (value: Value): value is { readonly output: readonly [string, string] } => typeof value === "object" && "output" in value;

/** The program as plain JavaScript through the dynamic provider. */
export function chaosProgram(variant: Variant): string {
  const js = (value: Value): string => (isSecret(value) ? `config.requireSecret(${JSON.stringify(value.secret)})` : isOutput(value) ? `${value.output[0]}.${value.output[1]}` : JSON.stringify(value));
  const lines = chaosResources(variant).map(
    (r) =>
      `const ${r.name} = new snow.${r.kind}(${JSON.stringify(r.name)}, { ${Object.entries(r.inputs)
        .map(([key, value]) => `${key}: ${js(value)}`)
        .join(", ")} }${r.dependsOn ? `, { dependsOn: ${r.dependsOn} }` : ""});`,
  );
  return `"use strict";\nconst pulumi = require("@pulumi/pulumi");\nconst snow = require("pulumi-servicenow-spokes");\nconst config = new pulumi.Config("chaos");\n${lines.join("\n")}\n`;
}

/** The program as Pulumi YAML through the provider plugin (a project named `chaos`: its config is the `chaos:*` keys). */
export function chaosYamlProgram(variant: Variant): string {
  const yaml = (value: Value): string => (isSecret(value) ? `\${${value.secret}}` : isOutput(value) ? `\${${value.output[0]}.${value.output[1]}}` : JSON.stringify(value));
  const secrets = Object.keys(chaosSecrets).map((key) => `  ${key.slice("chaos:".length)}:\n    type: string\n    secret: true\n`);
  const resources = chaosResources(variant).map(
    (r) =>
      `  ${r.name}:\n    type: servicenow:index:${r.kind}\n    properties:\n${Object.entries(r.inputs)
        .map(([key, value]) => `      ${key}: ${yaml(value)}\n`)
        .join("")}${r.dependsOn ? `    options:\n      dependsOn:\n        - \${${r.dependsOn}}\n` : ""}`,
  );
  return `config:\n${secrets.join("")}resources:\n${resources.join("")}`;
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
