import { z } from "zod";
import { defineKind } from "../lifecycle/resource-kind";
import { recordOf } from "../lifecycle/resource-state";
import { defaultRedirectUrl, oauthEntity } from "../records/oauth-entity";
import { adopt, clientId, positiveInteger, recordName, scope, secret } from "./fields";
import { input } from "./input";
import { url } from "./url-fields";

export const grantTypes = ["client_credentials", "authorization_code", "password", "refresh_token", "jwt_bearer"] as const;

/**
 * OAuthProvider: an Application Registry entry for a third-party OAuth provider that the
 * instance signs in to, with its scopes on the default profile (which the instance makes).
 */
export const oauthProviderKind = defineKind({
  name: "OAuthProvider",
  description: "A third-party OAuth provider the instance signs in to (`oauth_entity`, type `oauth_provider`), with its scopes on the default profile.",
  schema: z.object({
    name: input(recordName, { description: "The entry's name in the Application Registry; changing it replaces the provider.", column: "entity.name", example: "Acme OAuth" }),
    clientId: input(clientId, { description: "The client id the third party issued.", column: "entity.client_id", example: "0oa1b2c3d4" }),
    clientSecret: input(secret, { description: "The client secret the third party issued.", secret: true, column: "entity.client_secret" }),
    grantType: input(z.enum(grantTypes, { error: `must be one of ${grantTypes.join(", ")}` }).default("client_credentials"), {
      description: "The grant the instance asks tokens with.",
      example: "client_credentials",
    }),
    tokenUrl: input(url, { description: "The third party's token URL (https).", column: "entity.token_url", example: "https://login.acme.com/oauth2/token" }),
    authorizationUrl: input(url.optional(), { description: "The third party's authorization URL, for the authorization code grant.", column: "entity.auth_url" }),
    redirectUrl: input(url.optional(), { description: "Where the third party sends authorization codes. Default `https://<instance>/oauth_redirect.do`." }),
    revokeUrl: input(url.optional(), { description: "The third party's token revocation URL." }),
    scopes: input(z.array(scope).default([]), { description: "The scopes to ask for, each on the default profile.", example: ["read", "write"] }),
    accessTokenLifespan: input(positiveInteger.optional(), { description: "Access token lifespan in seconds." }),
    refreshTokenLifespan: input(positiveInteger.optional(), { description: "Refresh token lifespan in seconds." }),
    adopt,
  }),
  outputSchema: z.object({
    profileSysId: z.string().meta({ description: "The entity's default profile, for an `OAuth2Credential`." }),
  }),
  replaceOnChange: ["name"],
  primaryStep: "entity",
  plan: (inputs, context) =>
    oauthEntity({
      ...inputs,
      type: "oauth_provider",
      authUrl: inputs.authorizationUrl,
      redirectUrl: inputs.redirectUrl ?? defaultRedirectUrl(context.instanceUrl),
    }),
  outputs: (_inputs, records) => ({ profileSysId: recordOf(records, "profile")?.sysId ?? "" }),
});
