import { z } from "zod";
import { adopt, clientId, recordName, scope, secret, sysId } from "../kinds/fields";
import { baseUrl, customDomain, hostOf, onVendorHosts, url } from "../kinds/url-fields";
import { commonSpokeInputs, spokeForm } from "./common-inputs";
import { defineKind } from "../lifecycle/resource-kind";
import { recordOf } from "../lifecycle/resource-state";
import { apiKeyCredential } from "../records/credentials";
import { input } from "../kinds/input";
import { spokeOutputSchema, spokeOutputs } from "./spoke-outputs";
import { isCredentialCheckError } from "./credential-check-error";
import type { SpokePreset } from "./spoke-preset";
import { spokePlan } from "./spoke-plan";
import { verifyClientCredentials, verifyOktaApiKey } from "./verify-credentials";

export const oktaAliasId = "sn_okta_spoke.Okta";

/** Okta orgs: production, preview, EMEA and government cells. */
const oktaDomains = ["okta.com", "oktapreview.com", "okta-emea.com", "okta-gov.com", "okta.mil"];
const onVendorDomains = (inputs: string[]) => onVendorHosts({ vendor: "Okta", domains: oktaDomains, inputs });

/**
 * An org's admin console is `<org>-admin.<domain>` (`https://acme-admin.okta.com`), the address
 * users copy from their browser; the org's API, OAuth endpoints and sign-in are on the org URL
 * without `-admin`. Messages show only the hosts.
 */
function notOnAdminConsole(inputs: readonly string[]) {
  return (values: Record<string, unknown>, ctx: z.RefinementCtx): void => {
    for (const input of inputs) {
      const host = hostOf(values[input]);
      const domain = oktaDomains.find((candidate) => host?.endsWith(`.${candidate}`));
      const org = domain === undefined ? undefined : /^([^.]+)-admin$/.exec(host!.slice(0, -(domain.length + 1)))?.[1];
      if (org === undefined) continue;
      ctx.addIssue({
        code: "custom",
        path: [input],
        message: `is on ${host}, Okta's admin console: use https://${org}.${domain}, the org URL without -admin`,
      });
    }
  };
}

/** Every Okta URL input: on an Okta domain (or the customer's own) and not on the admin console. */
const onOktaHosts = (inputs: string[]) => (values: Record<string, unknown>, ctx: z.RefinementCtx): void => {
  onVendorDomains(inputs)(values, ctx);
  notOnAdminConsole(inputs)(values, ctx);
};

/** The API token, with or without its `SSWS ` prefix: more than the prefix, one word. */
const oktaApiToken = secret.refine((value) => /^(SSWS )?\S+$/.test(value) && value !== "SSWS", {
  message: "must be the API token from Okta (Security > API > Tokens), with or without `SSWS ` before it, as one word",
});

/** Okta expects `Authorization: SSWS <token>`; users paste the token with or without it. */
export function withSswsPrefix(apiKey: string): string {
  return apiKey.startsWith("SSWS ") ? apiKey : `SSWS ${apiKey}`;
}

/**
 * OktaApiKeyCredential: the API-key path of seeds/002 (`api_key_credentials`, `SSWS <token>`).
 * With `verifyAtOrgUrl`, Okta is asked who the token belongs to before anything is written.
 */
export const oktaApiKeyCredentialKind = defineKind({
  name: "OktaApiKeyCredential",
  description: "The Okta spoke's API-key credential (`api_key_credentials`, `SSWS <token>`), for an `OktaConnection`.",
  schema: z
    .object({
      name: input(recordName, { description: "The credential's name; changing it replaces the credential.", column: "credential.name", example: "Okta API key" }),
      apiKey: input(oktaApiToken, { description: "The Okta API token, with or without the `SSWS ` prefix (stored with it).", secret: true, column: "credential.api_key" }),
      verifyAtOrgUrl: input(baseUrl.optional(), {
        description: "An Okta org URL (an Okta domain, or `customDomain`): before writing, check the token there (`GET /api/v1/users/me`).",
        example: "https://acme.okta.com",
      }),
      customDomain,
      adopt,
    })
    // verifyAtOrgUrl receives the API token: only an Okta org (or the customer's own domain for it).
    .superRefine(onOktaHosts(["verifyAtOrgUrl"])),
  replaceOnChange: ["name"],
  primaryStep: "credential",
  plan: (inputs) => [apiKeyCredential("credential", inputs.name, withSswsPrefix(inputs.apiKey))],
  preflight: async (inputs) => {
    if (inputs.verifyAtOrgUrl === undefined) return;
    await verifyOktaApiKey({ orgUrl: inputs.verifyAtOrgUrl, apiKey: withSswsPrefix(inputs.apiKey), inputNames: "`apiKey`" });
  },
});

/** OktaConnection: the connection on the Okta alias, with the org URL and a credential. */
function withoutVerify<Inputs extends { verifyCredentials: unknown }>(inputs: Inputs): Omit<Inputs, "verifyCredentials"> {
  const { verifyCredentials: _none, ...rest } = inputs;
  return rest;
}

export const oktaConnectionKind = defineKind({
  name: "OktaConnection",
  description: "The Okta spoke's connection on the alias `sn_okta_spoke.Okta`, with the org URL and an `OktaApiKeyCredential`.",
  schema: z
    .object({
      connectionUrl: input(baseUrl, { description: "The Okta org URL, e.g. `https://acme.okta.com`.", column: "connection.connection_url", example: "https://acme.okta.com" }),
      credentialSysId: input(sysId, { description: "The credential, e.g. an `OktaApiKeyCredential`'s `sysId`.", example: { code: "credential.sysId" } }),
      customDomain,
      // No third-party check here: the API key is checked where it is set (OktaApiKeyCredential's verifyAtOrgUrl).
      ...withoutVerify(commonSpokeInputs("Okta")),
    })
    .superRefine(onOktaHosts(["connectionUrl"])),
  outputSchema: spokeOutputSchema,
  replaceOnChange: [],
  primaryStep: "connection",
  form: spokeForm("Okta", oktaAliasId),
  plan: (inputs, context) =>
    spokePlan({
      aliasId: oktaAliasId,
      spokeName: "Okta",
      connectionName: inputs.connectionName,
      connectionUrl: inputs.connectionUrl,
      active: inputs.active,
      credential: { type: "existing", sysId: inputs.credentialSysId },
    }, context),
  outputs: spokeOutputs,
});

/**
 * OktaOAuthConnection: the OAuth path of seeds/002. The authorization-code grant ends with an
 * interactive Okta sign-in that no API can perform: everything else is configured, and
 * `finishSignInUrl` is the credential record where an admin clicks "Get OAuth Token" once.
 */
export const oktaOAuthConnectionKind = defineKind({
  name: "OktaOAuthConnection",
  description: "The Okta spoke over OAuth (authorization code): OAuth provider, credential and connection; an admin finishes once at `finishSignInUrl`.",
  schema: z
    .object({
      connectionUrl: input(baseUrl, { description: "The Okta org URL, e.g. `https://acme.okta.com`.", column: "connection.connection_url", example: "https://acme.okta.com" }),
      apiVersion: input(z.string().regex(/^v\d+$/, { message: "must be an Okta API version such as v1" }).default("v1"), { description: "The Okta API version in the OAuth URLs.", example: "v1" }),
      clientId: input(clientId, { description: "The client id of the Okta app integration.", column: "entity.client_id", example: "0oa1b2c3d4e5f6g7h8" }),
      clientSecret: input(secret, { description: "The client secret of the Okta app integration.", secret: true, column: "entity.client_secret" }),
      authorizationUrl: input(url.optional(), { description: "Default `https://<org>/oauth2/<apiVersion>/authorize`.", column: "entity.auth_url" }),
      tokenUrl: input(url.optional(), { description: "Default `https://<org>/oauth2/<apiVersion>/token`.", column: "entity.token_url" }),
      revokeUrl: input(url.optional(), { description: "Default `https://<org>/oauth2/<apiVersion>/revoke`.", column: "entity.revoke_token_url" }),
      redirectUrl: input(url.optional(), { description: "Default `https://<instance>/oauth_redirect.do`.", column: "entity.redirect_url" }),
      scopes: input(z.array(scope).default([]), { description: "The Okta scopes to ask for, e.g. `okta.users.manage`." }),
      oauthEntityName: input(recordName.default("Okta OAuth"), { description: "The OAuth entity's name.", column: "entity.name" }),
      customDomain,
      ...commonSpokeInputs("Okta"),
    })
    .superRefine(onOktaHosts(["connectionUrl", "authorizationUrl", "tokenUrl", "revokeUrl"])),
  outputSchema: spokeOutputSchema.extend({
    finishSignInUrl: z.string().meta({ description: "The credential record where an admin clicks \"Get OAuth Token\" once (Okta's interactive sign-in)." }),
  }),
  replaceOnChange: [],
  primaryStep: "connection",
  form: spokeForm("Okta", oktaAliasId),
  plan: (inputs, context) =>
    spokePlan({
      aliasId: oktaAliasId,
      spokeName: "Okta",
      connectionName: inputs.connectionName,
      connectionUrl: inputs.connectionUrl,
      active: inputs.active,
      credential: {
        type: "oauth2",
        entityName: inputs.oauthEntityName,
        clientId: inputs.clientId,
        clientSecret: inputs.clientSecret,
        grantType: "authorization_code",
        ...oktaOAuthUrls(inputs),
        redirectUrl: inputs.redirectUrl,
        scopes: inputs.scopes,
      },
    }, context),
  preflight: async (inputs) => {
    if (!inputs.verifyCredentials) return;
    // Okta refuses client credentials for a web app without the scope grant; a 400
    // `unauthorized_client` still proves the id and secret are right, 401 proves them wrong.
    await verifyClientCredentials({
      spokeName: "Okta",
      tokenUrl: oktaOAuthUrls(inputs).tokenUrl,
      clientId: inputs.clientId,
      clientSecret: inputs.clientSecret,
      inputNames: "`clientId` and `clientSecret`",
    }).catch((error: unknown) => {
      if (!(isCredentialCheckError(error) && error.status === 400)) throw error;
    });
  },
  outputs: (inputs, records, context) => ({
    ...spokeOutputs(inputs, records),
    finishSignInUrl: `${context.instanceUrl}/oauth_2_0_credentials.do?sys_id=${recordOf(records, "credential")?.sysId ?? ""}`,
  }),
});

/** The form's defaults: `https://{domain}/oauth2/{ver}/authorize|token|revoke`. */
function oktaOAuthUrls(inputs: { connectionUrl: string; apiVersion: string; authorizationUrl?: string; tokenUrl?: string; revokeUrl?: string }) {
  const base = `${new URL(inputs.connectionUrl).origin}/oauth2/${inputs.apiVersion}`;
  return {
    authorizationUrl: inputs.authorizationUrl ?? `${base}/authorize`,
    tokenUrl: inputs.tokenUrl ?? `${base}/token`,
    revokeUrl: inputs.revokeUrl ?? `${base}/revoke`,
  };
}

/** The Okta spoke: an API key (credential and connection, two resources) or OAuth. */
export const oktaPreset: SpokePreset = {
  aliasId: oktaAliasId,
  kinds: [oktaApiKeyCredentialKind, oktaConnectionKind, oktaOAuthConnectionKind],
  scanAs: (found) => {
    if (found.credentialTable === "api_key_credentials") {
      return [
        [
          { kind: oktaApiKeyCredentialKind, name: `${found.name}-key` },
          { kind: oktaConnectionKind, name: found.name, given: { credentialSysId: found.credentialSysId }, references: { credentialSysId: `${found.name}-key` } },
        ],
      ];
    }
    return found.credentialTable === "oauth_2_0_credentials" ? [[{ kind: oktaOAuthConnectionKind, name: found.name, given: { scopes: found.scopes } }]] : [];
  },
};
