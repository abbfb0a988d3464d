// The Qualtrics spoke's Configure Connection form (seeds/001) as code: the connection with its
// X-API-TOKEN attribute, the OAuth provider and credential, and the spoke's directory property.
import * as pulumi from "@pulumi/pulumi";
import * as snow from "pulumi-servicenow-spokes";

const config = new pulumi.Config(); // keys `qualtrics:*`

const qualtrics = new snow.QualtricsConnection("qualtrics", {
  // https://<Organization-ID>.qualtrics.com/API/v3
  connectionUrl: config.require("connectionUrl"),
  // https://<Data-Center-ID>.qualtrics.com/oauth2/token
  tokenUrl: config.require("tokenUrl"),
  // Qualtrics > Account Settings > Qualtrics IDs > API > Token.
  xApiToken: config.requireSecret("apiToken"),
  // Qualtrics > OAuth Client Manager > Create Client (Client Credentials, manage:all).
  oauthName: config.get("oauthName") ?? "Qualtrics OAuth",
  oauthClientId: config.require("clientId"),
  oauthClientSecret: config.requireSecret("clientSecret"),
  // Qualtrics IDs > Directories > Default Directory; sets sn_qualtrics_spoke.qualtrics_directory
  // (its previous value comes back on destroy).
  directoryId: config.get("directoryId"),
});

export const connectionSysId = qualtrics.connectionSysId;
export const credentialSysId = qualtrics.credentialSysId;
export const oauthEntitySysId = qualtrics.oauthEntitySysId;
