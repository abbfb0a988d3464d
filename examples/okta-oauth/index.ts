// The Okta spoke over OAuth (seeds/002, "Set up Okta using OAuth credentials"): the OAuth
// provider with Okta's endpoints, its credential and the connection on the Okta alias.
// Okta's sign-in is interactive: after `pulumi up`, an admin opens `finishSignInUrl` once and
// clicks "Get OAuth Token".
import * as pulumi from "@pulumi/pulumi";
import * as snow from "pulumi-servicenow-spokes";

const config = new pulumi.Config(); // keys `okta-oauth:*`

const okta = new snow.OktaOAuthConnection("okta", {
  // The Okta org URL; the authorize, token and revoke URLs default to <org>/oauth2/v1/...
  connectionUrl: config.require("orgUrl"),
  // The OAuth app made in the Okta Developer Console (redirect URI: <instance>/oauth_redirect.do).
  clientId: config.require("clientId"),
  clientSecret: config.requireSecret("clientSecret"),
  // Space-separated Okta API scopes granted to the app.
  scopes: (config.get("scopes") ?? "okta.users.read okta.users.manage okta.groups.read okta.groups.manage").split(/\s+/).filter(Boolean),
  oauthEntityName: config.get("oauthEntityName") ?? "Okta OAuth",
});

export const connectionSysId = okta.connectionSysId;
export const credentialSysId = okta.credentialSysId;
export const oauthEntitySysId = okta.oauthEntitySysId;
/** Open once as an admin and click "Get OAuth Token". */
export const finishSignInUrl = okta.finishSignInUrl;
