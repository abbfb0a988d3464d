// The SumTotal spoke's Configure form (seeds/000) as code: the OAuth provider in the
// Application Registry, its OAuth 2.0 credential and the connection on the SumTotal alias.
import * as pulumi from "@pulumi/pulumi";
import * as snow from "pulumi-servicenow-spokes";

const config = new pulumi.Config(); // keys `sumtotal:*`

const sumTotal = new snow.SumTotalConnection("sumtotal", {
  // The SumTotal host, e.g. https://acme.sumtotal.host
  connectionUrl: config.require("connectionUrl"),
  // The OAuth client made in SumTotal (ADMINISTRATION > ... > OAuth Configuration).
  oauthClientId: config.require("clientId"),
  oauthClientSecret: config.requireSecret("clientSecret"),
  oauthEntityName: config.get("oauthEntityName") ?? "SumTotal OAuth",
  // Default https://<connection host>/apisecurity/connect/token.
  oauthTokenUrl: config.get("tokenUrl"),
  // Ask SumTotal for a token with these credentials before writing anything.
  verifyCredentials: config.getBoolean("verifyCredentials") ?? false,
});

export const connectionSysId = sumTotal.connectionSysId;
export const credentialSysId = sumTotal.credentialSysId;
export const oauthEntitySysId = sumTotal.oauthEntitySysId;
