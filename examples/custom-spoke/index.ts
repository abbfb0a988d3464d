// Spokes without a preset of their own. Two ways to the same kind of setup:
//  1. SpokeConnection: one resource for any alias id (an installed spoke's, such as
//     `sn_workday_spoke.Workday`, or one you create), with OAuth client credentials, an API key
//     or basic auth.
//  2. The building blocks it is made of, for full control: ConnectionAlias, OAuthProvider,
//     OAuth2Credential, HttpConnection, and TableRecord for any table without a class.
import * as pulumi from "@pulumi/pulumi";
import * as snow from "pulumi-servicenow-spokes";

const config = new pulumi.Config(); // keys `custom-spoke:*`

// --- 1. One resource ---------------------------------------------------------------------
// A custom alias here; for an installed spoke, pass its alias id as a string instead.
const workdayAlias = new snow.ConnectionAlias("workday-alias", { aliasId: "x_acme.Workday", name: "Workday" });

const workday = new snow.SpokeConnection("workday", {
  connectionAlias: workdayAlias.aliasId,
  connectionUrl: config.require("workdayUrl"),
  credentialType: "oauth2_client_credentials",
  oauthEntityName: "Workday OAuth",
  clientId: config.require("workdayClientId"),
  clientSecret: config.requireSecret("workdayClientSecret"),
  tokenUrl: config.require("workdayTokenUrl"),
});

// --- 2. Building blocks ------------------------------------------------------------------
const coupaAlias = new snow.ConnectionAlias("coupa-alias", { aliasId: "x_acme.Coupa", name: "Coupa" });

const coupaOAuth = new snow.OAuthProvider("coupa-oauth", {
  name: "Coupa OAuth",
  clientId: config.require("coupaClientId"),
  clientSecret: config.requireSecret("coupaClientSecret"),
  tokenUrl: `${config.require("coupaUrl")}/oauth2/token`,
  scopes: ["core.common.read", "core.purchase_order.read"],
});

const coupaCredential = new snow.OAuth2Credential("coupa-credential", {
  name: "Coupa OAuth",
  oauthEntityProfileSysId: coupaOAuth.profileSysId,
});

const coupa = new snow.HttpConnection("coupa", {
  connectionAlias: coupaAlias.aliasId,
  connectionName: "Coupa",
  connectionUrl: config.require("coupaUrl"),
  credentialSysId: coupaCredential.sysId,
});

// The escape hatch: one record of any table, found by its natural key. Here, a role for the
// people who may run the Coupa flows.
const coupaRole = new snow.TableRecord("coupa-role", {
  table: "sys_user_role",
  fields: { name: "x_acme.coupa_user" },
  key: ["name"],
});

export const workdayConnectionSysId = workday.connectionSysId;
export const workdayCredentialSysId = workday.credentialSysId;
export const coupaConnectionSysId = coupa.sysId;
export const coupaCredentialSysId = coupaCredential.sysId;
export const coupaOAuthSysId = coupaOAuth.sysId;
export const coupaRoleSysId = coupaRole.sysId;
