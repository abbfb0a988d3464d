// What an external tool that pulls data from ServiceNow needs (seeds/003, e.g. WorkBoard's
// ServiceNow connector), for each of its three sign-ins: a web-service-only user with the itil
// role (basic auth), an OAuth client in the Application Registry (OAuth, as that user), and a
// REST API key of that user (the "personal access token": header x-sn-apikey).
import * as pulumi from "@pulumi/pulumi";
import * as snow from "pulumi-servicenow-spokes";

const config = new pulumi.Config(); // keys `external-tool:*`
const toolName = config.get("toolName") ?? "WorkBoard";

// OAuth: the tool asks for tokens at `tokenUrl` with this client id and secret.
const client = new snow.OAuthExternalClient("oauth-client", {
  name: toolName,
  // Omit to have one generated; set it when the tool already knows its id.
  clientId: config.get("clientId"),
  // At least 16 characters; give the same value to the tool.
  clientSecret: config.requireSecret("clientSecret"),
  // The tool's OAuth callback, from its setup screen.
  redirectUrl: config.get("redirectUrl"),
});

// Basic auth: a service account that can use the APIs but not the UI.
const user = new snow.IntegrationUser("integration-user", {
  userName: config.require("userName"),
  password: config.requireSecret("userPassword"),
  firstName: toolName,
  lastName: "Integration",
  roles: ["itil"],
});

// Personal access token: a REST API key that signs in as the user, with the user's roles, for
// the Table API only; its access policy keeps accepting basic auth and OAuth there.
const key = new snow.RestApiKey("api-key", {
  name: toolName,
  description: `${toolName} key results`,
  userSysId: user.sysId,
  expiresAt: config.get("apiKeyExpiresAt"), // UTC "YYYY-MM-DD HH:mm:ss"; omitted: no expiry
  rotation: config.get("apiKeyRotation"), // change it to replace the key and get a new token
  // Omitted: generated. Set it (`pulumi config set --secret external-tool:apiKeyToken ...`) when
  // runs use --debug: the CLI masks secret config in that log, not a generated output.
  token: config.getSecret("apiKeyToken"),
});

export const clientId = client.clientId;
export const tokenUrl = client.tokenUrl;
export const oauthClientSysId = client.sysId;
export const userName = user.userName;
export const userSysId = user.sysId;
// Secret: `pulumi stack output --show-secrets apiKey`, then give it to the tool.
export const apiKey = key.token;
export const apiKeySysId = key.sysId;
