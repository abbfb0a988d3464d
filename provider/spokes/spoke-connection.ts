import { z } from "zod";
import { aliasId, clientId, columnSize, propertyName, recordName, scope, secret, singleLine } from "../kinds/fields";
import { baseUrl, url } from "../kinds/url-fields";
import { commonSpokeInputs } from "./common-inputs";
import { defineKind } from "../lifecycle/resource-kind";
import { spokeOutputs } from "./spoke-outputs";
import { spokePlan, type SpokeCredential } from "./spoke-plan";
import { verifyClientCredentials } from "./verify-credentials";

const credentialTypes = ["oauth2_client_credentials", "api_key", "basic"] as const;

/** What each credential type needs, checked together so the message lists what is missing. */
const required: Record<(typeof credentialTypes)[number], readonly string[]> = {
  oauth2_client_credentials: ["oauthEntityName", "clientId", "clientSecret", "tokenUrl"],
  api_key: ["apiKey"],
  basic: ["userName", "password"],
};

/**
 * SpokeConnection: any spoke's connection by alias id, with an OAuth client-credentials
 * provider, an API key or basic auth. The spoke presets are the same plan with the form's
 * names; a new spoke is this resource, or a preset of a few lines over `spokePlan`.
 */
export const spokeConnectionKind = defineKind({
  name: "SpokeConnection",
  schema: z
    .object({
      connectionAlias: aliasId,
      connectionUrl: baseUrl,
      credentialType: z.enum(credentialTypes, { error: `must be one of ${credentialTypes.join(", ")}` }),
      ...commonSpokeInputs(""),
      connectionName: recordName.optional(),
      credentialName: recordName.optional(),
      oauthEntityName: recordName.optional(),
      clientId: clientId.optional(),
      clientSecret: secret.optional(),
      tokenUrl: url.optional(),
      scopes: z.array(scope).default([]),
      apiKey: secret.optional(),
      userName: singleLine(columnSize.name).optional(),
      password: secret.optional(),
      attributes: z.record(z.string().regex(/^[a-z0-9_]+$/, { message: "keys must be attribute column names such as x_api_token" }), secret).optional(),
      properties: z.record(propertyName, z.string({ error: "values must be strings" })).optional(),
    })
    .superRefine((inputs, ctx) => {
      for (const name of required[inputs.credentialType]) {
        if ((inputs as Record<string, unknown>)[name] === undefined) {
          ctx.addIssue({ code: "custom", path: [name], message: `is required when credentialType is ${inputs.credentialType}` });
        }
      }
    }),
  examples: {
    connectionAlias: '"sn_workday_spoke.Workday"',
    connectionUrl: '"https://wd2-impl-services1.workday.com"',
    credentialType: '"oauth2_client_credentials"',
    oauthEntityName: '"Workday OAuth"',
    clientId: '"servicenow"',
    clientSecret: 'config.requireSecret("workdayClientSecret")',
    tokenUrl: '"https://wd2-impl-services1.workday.com/ccx/oauth2/acme/token"',
    apiKey: 'config.requireSecret("apiKey")',
    userName: '"svc_servicenow"',
    password: 'config.requireSecret("password")',
  },
  secretInputs: ["clientSecret", "apiKey", "password", "attributes"],
  replaceOnChange: ["connectionAlias", "credentialType"],
  primaryStep: "connection",
  plan: (inputs, context) => {
    const spokeName = inputs.connectionAlias.split(".")[1]!;
    const connectionName = inputs.connectionName ?? spokeName;
    const credentialName = inputs.credentialName ?? inputs.oauthEntityName ?? `${connectionName} Credential`;
    const credential: SpokeCredential =
      inputs.credentialType === "api_key"
        ? { type: "api_key", credentialName, apiKey: inputs.apiKey! }
        : inputs.credentialType === "basic"
          ? { type: "basic", credentialName, userName: inputs.userName!, password: inputs.password! }
          : {
              type: "oauth2",
              credentialName,
              entityName: inputs.oauthEntityName!,
              clientId: inputs.clientId!,
              clientSecret: inputs.clientSecret!,
              grantType: "client_credentials",
              tokenUrl: inputs.tokenUrl!,
              scopes: inputs.scopes,
            };
    return spokePlan({
      aliasId: inputs.connectionAlias,
      spokeName,
      connectionName,
      connectionUrl: inputs.connectionUrl,
      active: inputs.active,
      credential,
      attributes: Object.entries(inputs.attributes ?? {}).map(([element, value]) => ({ element, value, secret: true, input: "attributes" })),
      properties: Object.entries(inputs.properties ?? {}).map(([name, value]) => ({ name, value, input: "properties" })),
      inputNames: {
        credentialName: "credentialName",
        entityName: "oauthEntityName",
        clientId: "clientId",
        clientSecret: "clientSecret",
        tokenUrl: "tokenUrl",
        userName: "userName",
        secret: inputs.credentialType === "api_key" ? "apiKey" : "password",
      },
    }, context);
  },
  preflight: async (inputs) => {
    if (!inputs.verifyCredentials || inputs.credentialType !== "oauth2_client_credentials") return;
    await verifyClientCredentials({
      spokeName: inputs.connectionAlias,
      tokenUrl: inputs.tokenUrl!,
      clientId: inputs.clientId!,
      clientSecret: inputs.clientSecret!,
      scope: inputs.scopes.join(" ") || undefined,
      inputNames: "`clientId` and `clientSecret`",
    });
  },
  outputs: spokeOutputs,
});
