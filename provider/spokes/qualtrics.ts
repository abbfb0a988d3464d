import { z } from "zod";
import { clientId, recordName, secret } from "../kinds/fields";
import { customDomain, onVendorHosts, urlWithPath } from "../kinds/url-fields";
import { defineKind } from "../lifecycle/resource-kind";
import { spokeOutputs } from "./spoke-outputs";
import { spokePlan } from "./spoke-plan";
import { clientCredentialsPreflight, commonSpokeInputs, spokeForm } from "./common-inputs";

export const qualtricsAliasId = "sn_qualtrics_spoke.Qualtrics";
export const qualtricsDirectoryProperty = "sn_qualtrics_spoke.qualtrics_directory";

/**
 * QualtricsConnection: the Qualtrics spoke's Configure form (seeds/001): an OAuth provider
 * (client credentials, scope `manage:all`), its credential, the connection with its
 * X-API-TOKEN attribute, and optionally the directory property the spoke ships.
 */
export const qualtricsConnectionKind = defineKind({
  name: "QualtricsConnection",
  schema: z
    .object({
      connectionUrl: urlWithPath("/API/v3", "https://<Organization-ID>.qualtrics.com/API/v3"),
      xApiToken: secret,
      oauthName: recordName,
      oauthClientId: clientId,
      oauthClientSecret: secret,
      tokenUrl: urlWithPath("/oauth2/token", "https://<Data-Center-ID>.qualtrics.com/oauth2/token"),
      directoryId: z.string().regex(/^POOL_[A-Za-z0-9]+$/, { message: "must be a Qualtrics directory id such as POOL_1a2B3c4D5e" }).optional(),
      customDomain,
      ...commonSpokeInputs("Qualtrics"),
    })
    .superRefine(onVendorHosts({ vendor: "Qualtrics", domains: ["qualtrics.com"], inputs: ["connectionUrl", "tokenUrl"] })),
  examples: {
    connectionUrl: '"https://acme.qualtrics.com/API/v3"',
    xApiToken: 'config.requireSecret("qualtricsApiToken")',
    oauthName: '"Qualtrics OAuth"',
    oauthClientId: '"a1b2c3d4e5"',
    oauthClientSecret: 'config.requireSecret("qualtricsClientSecret")',
    tokenUrl: '"https://iad1.qualtrics.com/oauth2/token"',
    directoryId: '"POOL_1a2B3c4D5e"',
  },
  secretInputs: ["xApiToken", "oauthClientSecret"],
  replaceOnChange: [],
  primaryStep: "connection",
  form: spokeForm("Qualtrics", qualtricsAliasId),
  plan: (inputs, context) =>
    spokePlan({
      aliasId: qualtricsAliasId,
      spokeName: "Qualtrics",
      connectionName: inputs.connectionName,
      connectionUrl: inputs.connectionUrl,
      active: inputs.active,
      credential: {
        type: "oauth2",
        entityName: inputs.oauthName,
        clientId: inputs.oauthClientId,
        clientSecret: inputs.oauthClientSecret,
        grantType: "client_credentials",
        tokenUrl: inputs.tokenUrl,
        scopes: ["manage:all"],
      },
      attributes: [{ element: "x_api_token", value: inputs.xApiToken, secret: true, input: "xApiToken" }],
      properties: inputs.directoryId === undefined ? [] : [{ name: qualtricsDirectoryProperty, value: inputs.directoryId, input: "directoryId" }],
      inputNames: {
        entityName: "oauthName",
        clientId: "oauthClientId",
        clientSecret: "oauthClientSecret",
        tokenUrl: "tokenUrl",
      },
    }, context),
  preflight: clientCredentialsPreflight("Qualtrics", (inputs: { tokenUrl: string; oauthClientId: string; oauthClientSecret: string }) => ({
    tokenUrl: inputs.tokenUrl,
    clientId: inputs.oauthClientId,
    clientSecret: inputs.oauthClientSecret,
    scope: "manage:all",
    inputNames: "`oauthClientId` and `oauthClientSecret`",
  })),
  outputs: spokeOutputs,
});
