// What an external tool that pulls data from ServiceNow needs (seeds/003, e.g. WorkBoard's
// ServiceNow connector): an OAuth client in the Application Registry for the OAuth sign-in,
// and a web-service-only user with the itil role for the basic-auth sign-in.
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

export const clientId = client.clientId;
export const tokenUrl = client.tokenUrl;
export const oauthClientSysId = client.sysId;
export const userName = user.userName;
export const userSysId = user.sysId;
