import { z } from "zod";
import { clientId, recordName, secret } from "../kinds/fields";
import { baseUrl, customDomain, hostOf, onVendorHosts, url } from "../kinds/url-fields";
import { defineKind } from "../lifecycle/resource-kind";
import { input } from "../kinds/input";
import { spokeOutputSchema, spokeOutputs } from "./spoke-outputs";
import type { SpokePreset } from "./spoke-preset";
import { spokePlan } from "./spoke-plan";
import { clientCredentialsPreflight, commonSpokeInputs, spokeForm } from "./common-inputs";

export const sumTotalAliasId = "sn_sumtotal_spoke.SumTotal";

/**
 * SumTotalConnection: the SumTotal spoke's Configure form (seeds/000) as code: an OAuth
 * provider (client credentials, scope `allapis`), its OAuth 2.0 credential, and the
 * connection on the SumTotal alias.
 */
export const sumTotalConnectionKind = defineKind({
  name: "SumTotalConnection",
  description: "The SumTotal spoke's Configure form: an OAuth provider (client credentials, scope `allapis`), its OAuth 2.0 credential and the connection on the alias `sn_sumtotal_spoke.SumTotal`.",
  schema: z
    .object({
      connectionUrl: input(baseUrl, { description: "The SumTotal site's URL (the form's Connection URL).", column: "connection.connection_url", example: "https://acme.sumtotal.host" }),
      oauthEntityName: input(recordName, { description: "The OAuth entity's name (the form's OAuth Entity Name).", column: "entity.name", example: "SumTotal OAuth" }),
      oauthClientId: input(clientId, { description: "The OAuth client id SumTotal issued.", column: "entity.client_id", example: "servicenow-client" }),
      oauthClientSecret: input(secret, { description: "The OAuth client secret SumTotal issued.", secret: true, column: "entity.client_secret" }),
      oauthTokenUrl: input(url.optional(), {
        description: "The token URL. Default `https://<connection host>/apisecurity/connect/token`; it must be on the connection's host unless `customDomain` names its host.",
        column: "entity.token_url",
        example: "https://acme.sumtotal.host/apisecurity/connect/token",
      }),
      customDomain,
      ...commonSpokeInputs("SumTotal"),
    })
    // The client secret goes to the token URL: SumTotal serves it from the site's own host.
    .superRefine(onVendorHosts({ vendor: "SumTotal", domains: [], inputs: ["oauthTokenUrl"], alsoAccept: (inputs) => [hostOf(inputs.connectionUrl)] })),
  outputSchema: spokeOutputSchema,
  replaceOnChange: [],
  primaryStep: "connection",
  // seeds/000: "Ensure that the SumTotal configuration template is selected in the SumTotal alias page."
  form: spokeForm("SumTotal", sumTotalAliasId, { templateRequired: true }),
  plan: (inputs, context) =>
    spokePlan({
      aliasId: sumTotalAliasId,
      spokeName: "SumTotal",
      connectionName: inputs.connectionName,
      connectionUrl: inputs.connectionUrl,
      active: inputs.active,
      credential: {
        type: "oauth2",
        entityName: inputs.oauthEntityName,
        clientId: inputs.oauthClientId,
        clientSecret: inputs.oauthClientSecret,
        grantType: "client_credentials",
        tokenUrl: sumTotalTokenUrl(inputs),
        scopes: ["allapis"],
      },
    }, context),
  preflight: clientCredentialsPreflight("SumTotal", (inputs: { connectionUrl: string; oauthTokenUrl?: string; oauthClientId: string; oauthClientSecret: string }) => ({
    tokenUrl: sumTotalTokenUrl(inputs),
    clientId: inputs.oauthClientId,
    clientSecret: inputs.oauthClientSecret,
    scope: "allapis",
    inputNames: "`oauthClientId` and `oauthClientSecret`",
  })),
  outputs: spokeOutputs,
});

/** The form's default: `https://{site-url}/apisecurity/connect/token` on the connection's host. */
function sumTotalTokenUrl(inputs: { connectionUrl: string; oauthTokenUrl?: string }): string {
  return inputs.oauthTokenUrl ?? `${new URL(inputs.connectionUrl).origin}/apisecurity/connect/token`;
}

export const sumTotalPreset: SpokePreset = {
  aliasId: sumTotalAliasId,
  kinds: [sumTotalConnectionKind],
  scanAs: (found) => (found.credentialTable === "oauth_2_0_credentials" ? [[{ kind: sumTotalConnectionKind, name: found.name }]] : []),
};
