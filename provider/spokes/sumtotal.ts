import { z } from "zod";
import { clientId, recordName, secret } from "../kinds/fields";
import { baseUrl, customDomain, hostOf, onVendorHosts, url } from "../kinds/url-fields";
import { defineKind } from "../lifecycle/resource-kind";
import { spokeOutputs } from "./spoke-outputs";
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
  schema: z
    .object({
      connectionUrl: baseUrl,
      oauthEntityName: recordName,
      oauthClientId: clientId,
      oauthClientSecret: secret,
      oauthTokenUrl: url.optional(),
      customDomain,
      ...commonSpokeInputs("SumTotal"),
    })
    // The client secret goes to the token URL: SumTotal serves it from the site's own host.
    .superRefine(onVendorHosts({ vendor: "SumTotal", domains: [], inputs: ["oauthTokenUrl"], alsoAccept: (inputs) => [hostOf(inputs.connectionUrl)] })),
  examples: {
    connectionUrl: '"https://acme.sumtotal.host"',
    oauthEntityName: '"SumTotal OAuth"',
    oauthClientId: '"servicenow-client"',
    oauthClientSecret: 'config.requireSecret("sumtotalClientSecret")',
    oauthTokenUrl: '"https://acme.sumtotal.host/apisecurity/connect/token"',
  },
  secretInputs: ["oauthClientSecret"],
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
      inputNames: {
        entityName: "oauthEntityName",
        clientId: "oauthClientId",
        clientSecret: "oauthClientSecret",
        tokenUrl: "oauthTokenUrl",
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
