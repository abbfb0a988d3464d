import { randomBytes } from "node:crypto";
import { z } from "zod";
import { defineKind } from "../lifecycle/resource-kind";
import { oauthEntity } from "../records/oauth-entity";
import { adopt, positiveInteger, recordName, secret, url } from "./fields";

/**
 * OAuthExternalClient: an Application Registry entry that lets an external tool sign in to
 * ServiceNow with OAuth (seeds/003). Without a given client id and secret, they are generated
 * here (as the form does), kept in state (the secret as a secret) and output for the tool.
 * We generate them rather than letting the instance do it because the instance never returns
 * a secret in plaintext.
 */
export const oauthExternalClientKind = defineKind({
  name: "OAuthExternalClient",
  schema: z.object({
    name: recordName,
    // Optional in the schema because they are generated when absent (see `generated`).
    clientId: z.string().regex(/^[A-Za-z0-9_-]{8,}$/, { message: "must be at least 8 letters, digits, `_` or `-`" }).optional(),
    clientSecret: secret.optional(),
    redirectUrl: url.optional(),
    accessTokenLifespan: positiveInteger.default(1800),
    refreshTokenLifespan: positiveInteger.default(8_640_000),
    adopt,
  }),
  examples: { name: '"Terraform Cloud"', clientId: "(omit to generate)", clientSecret: "(omit to generate)", redirectUrl: '"https://tool.example.com/callback"' },
  secretInputs: ["clientSecret"],
  replaceOnChange: ["name"],
  primaryStep: "entity",
  generated: {
    clientId: () => randomBytes(16).toString("hex"),
    clientSecret: () => randomBytes(24).toString("base64url"),
  },
  plan: (inputs) =>
    oauthEntity({
      ...inputs,
      clientId: inputs.clientId ?? "",
      clientSecret: inputs.clientSecret ?? "",
      type: "client",
      inputNames: { name: "name", clientId: "clientId", clientSecret: "clientSecret", redirectUrl: "redirectUrl" },
    }),
  outputs: (_inputs, _records, context) => ({ tokenUrl: `${context.instanceUrl}/oauth_token.do` }),
});
