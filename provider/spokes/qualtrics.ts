import { z } from "zod";
import { clientId, recordName, secret } from "../kinds/fields";
import { customDomain, onVendorHosts, urlWithPath } from "../kinds/url-fields";
import { defineKind } from "../lifecycle/resource-kind";
import { input } from "../kinds/input";
import { spokeOutputSchema, spokeOutputs } from "./spoke-outputs";
import type { SpokePreset } from "./spoke-preset";
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
  description: "The Qualtrics spoke's Configure form: an OAuth provider (client credentials, scope `manage:all`), its credential, the connection with its X-API-TOKEN, and optionally the directory property the spoke ships.",
  schema: z
    .object({
      connectionUrl: input(urlWithPath("/API/v3", "https://<Organization-ID>.qualtrics.com/API/v3"), {
        description: "`https://<Organization-ID>.qualtrics.com/API/v3`.",
        column: "connection.connection_url",
        example: "https://acme.qualtrics.com/API/v3",
      }),
      xApiToken: input(secret, { description: "The Qualtrics API token (the connection's X-API-TOKEN attribute).", secret: true, column: "attribute-value:x_api_token.value" }),
      oauthName: input(recordName, { description: "The OAuth entity's name.", column: "entity.name", example: "Qualtrics OAuth" }),
      oauthClientId: input(clientId, { description: "The OAuth client id Qualtrics issued.", column: "entity.client_id", example: "a1b2c3d4e5" }),
      oauthClientSecret: input(secret, { description: "The OAuth client secret Qualtrics issued.", secret: true, column: "entity.client_secret" }),
      tokenUrl: input(urlWithPath("/oauth2/token", "https://<Data-Center-ID>.qualtrics.com/oauth2/token"), {
        description: "`https://<Data-Center-ID>.qualtrics.com/oauth2/token`.",
        column: "entity.token_url",
        example: "https://iad1.qualtrics.com/oauth2/token",
      }),
      directoryId: input(z.string().regex(/^POOL_[A-Za-z0-9]+$/, { message: "must be a Qualtrics directory id such as POOL_1a2B3c4D5e" }).optional(), {
        description: "Sets `sn_qualtrics_spoke.qualtrics_directory` (its old value comes back on destroy).",
        column: `property:${qualtricsDirectoryProperty}.value`,
        example: "POOL_1a2B3c4D5e",
      }),
      customDomain,
      ...commonSpokeInputs("Qualtrics"),
    })
    .superRefine(onVendorHosts({ vendor: "Qualtrics", domains: ["qualtrics.com"], inputs: ["connectionUrl", "tokenUrl"] })),
  outputSchema: spokeOutputSchema,
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
      attributes: [{ element: "x_api_token", value: inputs.xApiToken, secret: true }],
      properties: inputs.directoryId === undefined ? [] : [{ name: qualtricsDirectoryProperty, value: inputs.directoryId }],
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

export const qualtricsPreset: SpokePreset = {
  aliasId: qualtricsAliasId,
  kinds: [qualtricsConnectionKind],
  scanAs: (found) => (found.credentialTable === "oauth_2_0_credentials" ? [[{ kind: qualtricsConnectionKind, name: found.name }]] : []),
};
