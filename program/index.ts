// The ready-to-use program: one stack per instance (Pulumi.dev.yaml, Pulumi.prod.yaml), all of
// its settings in stack configuration, secrets set with `pulumi config set --secret`.
// Promotion is this program applied to the next stack. See README.md, "Quickstart".
import * as pulumi from "@pulumi/pulumi";
import * as snow from "pulumi-servicenow-spokes";

const config = new pulumi.Config("spokes");

interface SumTotalSettings { connectionUrl: string; oauthEntityName: string; oauthClientId: string; oauthTokenUrl?: string }
interface QualtricsSettings { connectionUrl: string; oauthName: string; oauthClientId: string; tokenUrl: string; directoryId?: string }
interface OktaSettings { connectionUrl: string; credentialName?: string }

/** Each spoke is configured when its settings are in the stack; its secrets are then required. */
const sumTotal = config.getObject<SumTotalSettings>("sumtotal");
const qualtrics = config.getObject<QualtricsSettings>("qualtrics");
const okta = config.getObject<OktaSettings>("okta");
const properties = config.getObject<Record<string, string>>("properties") ?? {};

export const propertySysIds = Object.fromEntries(
  Object.entries(properties).map(([name, value]) => [name, new snow.SystemProperty(name, { name, value: String(value) }).sysId]),
);

export const sumTotalConnection = sumTotal
  ? new snow.SumTotalConnection("sumtotal", { ...sumTotal, oauthClientSecret: config.requireSecret("sumtotalClientSecret") }).connectionSysId
  : undefined;

export const qualtricsConnection = qualtrics
  ? new snow.QualtricsConnection("qualtrics", {
      ...qualtrics,
      xApiToken: config.requireSecret("qualtricsApiToken"),
      oauthClientSecret: config.requireSecret("qualtricsClientSecret"),
    }).connectionSysId
  : undefined;

export const oktaConnection = okta
  ? new snow.OktaConnection("okta", {
      connectionUrl: okta.connectionUrl,
      credentialSysId: new snow.OktaApiKeyCredential("okta-api-key", {
        name: okta.credentialName ?? "Okta API key",
        apiKey: config.requireSecret("oktaApiToken"),
      }).sysId,
    }).connectionSysId
  : undefined;
