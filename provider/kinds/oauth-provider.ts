import { z } from "zod";
import { defineKind } from "../lifecycle/resource-kind";
import { recordOf } from "../lifecycle/resource-state";
import { defaultRedirectUrl, oauthEntity } from "../records/oauth-entity";
import { adopt, clientId, positiveInteger, recordName, scope, secret } from "./fields";
import { url } from "./url-fields";

export const grantTypes = ["client_credentials", "authorization_code", "password", "refresh_token", "jwt_bearer"] as const;

/**
 * OAuthProvider: an Application Registry entry for a third-party OAuth provider that the
 * instance signs in to, with its scopes on the default profile (which the instance makes).
 */
export const oauthProviderKind = defineKind({
  name: "OAuthProvider",
  schema: z.object({
    name: recordName,
    clientId,
    clientSecret: secret,
    grantType: z.enum(grantTypes, { error: `must be one of ${grantTypes.join(", ")}` }).default("client_credentials"),
    tokenUrl: url,
    authorizationUrl: url.optional(),
    redirectUrl: url.optional(),
    revokeUrl: url.optional(),
    scopes: z.array(scope).default([]),
    accessTokenLifespan: positiveInteger.optional(),
    refreshTokenLifespan: positiveInteger.optional(),
    adopt,
  }),
  examples: {
    name: '"Acme OAuth"',
    clientId: '"0oa1b2c3d4"',
    clientSecret: 'config.requireSecret("acmeClientSecret")',
    grantType: '"client_credentials"',
    tokenUrl: '"https://login.acme.com/oauth2/token"',
    scopes: '["read", "write"]',
  },
  secretInputs: ["clientSecret"],
  replaceOnChange: ["name"],
  primaryStep: "entity",
  plan: (inputs, context) =>
    oauthEntity({
      ...inputs,
      type: "oauth_provider",
      authUrl: inputs.authorizationUrl,
      redirectUrl: inputs.redirectUrl ?? defaultRedirectUrl(context.instanceUrl),
      inputNames: { name: "name", clientId: "clientId", clientSecret: "clientSecret", tokenUrl: "tokenUrl", authUrl: "authorizationUrl" },
    }),
  outputs: (_inputs, records) => ({ profileSysId: recordOf(records, "profile")?.sysId ?? "" }),
});
