import { z } from "zod";
import { aliasId, clientId, columnSize, propertyName, recordName, scope, secret, singleLine } from "../kinds/fields";
import { baseUrl, url } from "../kinds/url-fields";
import { commonSpokeInputs } from "./common-inputs";
import { defineKind } from "../lifecycle/resource-kind";
import { spokeOutputs } from "./spoke-outputs";
import { spokePlan, type SpokeCredential } from "./spoke-plan";
import { verifyClientCredentials } from "./verify-credentials";
import { formInputsOf } from "./spoke-form-inputs";

const credentialTypes = ["oauth2_client_credentials", "api_key", "basic"] as const;
export type SpokeCredentialType = (typeof credentialTypes)[number];

/** What each credential type needs, checked together so the message lists what is missing. */
const required: Record<SpokeCredentialType, readonly string[]> = {
  oauth2_client_credentials: ["oauthEntityName", "clientId", "clientSecret", "tokenUrl"],
  api_key: ["apiKey"],
  basic: ["userName", "password"],
};

/**
 * SpokeConnection: any spoke's connection by alias id, with an OAuth client-credentials
 * provider, an API key or basic auth. The spoke presets are the same plan with the form's
 * names; a new spoke is this resource, or a preset of a few lines over `spokePlan`. With
 * `form`, a spoke is configured by its own Configure form: values keyed by the form's labels,
 * checked against the alias's template before any write.
 */
export const spokeConnectionKind = defineKind({
  name: "SpokeConnection",
  schema: z
    .object({
      connectionAlias: aliasId,
      connectionUrl: baseUrl.optional(),
      credentialType: z.enum(credentialTypes, { error: `must be one of ${credentialTypes.join(", ")}` }).optional(),
      form: z.record(singleLine(columnSize.name), z.string({ error: "values must be strings" })).optional(),
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
      // With `form`, what is missing is known only against the instance's form: checked before any write.
      if (inputs.form !== undefined) return;
      for (const name of ["connectionUrl", "credentialType"] as const) {
        if (inputs[name] === undefined) ctx.addIssue({ code: "custom", path: [name], message: "is required (or give the spoke's Configure form values in `form`)" });
      }
      for (const name of inputs.credentialType ? required[inputs.credentialType] : []) {
        if ((inputs as Record<string, unknown>)[name] === undefined) {
          ctx.addIssue({ code: "custom", path: [name], message: `is required when credentialType is ${inputs.credentialType}` });
        }
      }
    }),
  examples: {
    connectionAlias: '"sn_workday_spoke.Workday"',
    connectionUrl: '"https://wd2-impl-services1.workday.com"',
    credentialType: '"oauth2_client_credentials"',
    form: '{ "Connection URL": "https://acme.atlassian.net", "OAuth Client ID": "servicenow", ... }',
    oauthEntityName: '"Workday OAuth"',
    clientId: '"servicenow"',
    clientSecret: 'config.requireSecret("workdayClientSecret")',
    tokenUrl: '"https://wd2-impl-services1.workday.com/ccx/oauth2/acme/token"',
    apiKey: 'config.requireSecret("apiKey")',
    userName: '"svc_servicenow"',
    password: 'config.requireSecret("password")',
  },
  secretInputs: ["clientSecret", "apiKey", "password", "attributes", "form"],
  replaceOnChange: ["connectionAlias", "credentialType"],
  primaryStep: "connection",
  form: (inputs) => ({
    aliasId: inputs.connectionAlias,
    spokeName: inputs.connectionAlias.split(".")[1]!,
    templateRequired: inputs.form !== undefined,
    acknowledgeOnCreateScript: inputs.acknowledgeOnCreateScript,
  }),
  plan: (inputs, context) => {
    // Without the form (a refresh of state written before `form` was read), nothing can be planned from it.
    const form = formInputsOf(inputs, context);
    if (form === "unknown") return [];
    const spokeName = inputs.connectionAlias.split(".")[1]!;
    const named = form.resolved;
    const connectionName = named.connectionName ?? spokeName;
    const credentialName = named.credentialName ?? named.oauthEntityName ?? `${connectionName} Credential`;
    const credential: SpokeCredential =
      named.credentialType === "api_key"
        ? { type: "api_key", credentialName, apiKey: named.apiKey! }
        : named.credentialType === "basic"
          ? { type: "basic", credentialName, userName: named.userName!, password: named.password! }
          : {
              type: "oauth2",
              credentialName,
              entityName: named.oauthEntityName!,
              clientId: named.clientId!,
              clientSecret: named.clientSecret!,
              grantType: named.grantType,
              tokenUrl: named.tokenUrl!,
              scopes: named.scopes,
            };
    return form.withColumns(
      spokePlan({
        aliasId: inputs.connectionAlias,
        spokeName,
        connectionName,
        connectionUrl: named.connectionUrl!,
        active: inputs.active,
        credential,
        attributes: Object.entries(named.attributes).map(([element, value]) => ({ element, value, secret: true, input: form.inputOf(`connection.extended_attributes.${element}`, "attributes") })),
        properties: Object.entries(inputs.properties ?? {}).map(([name, value]) => ({ name, value, input: "properties" })),
        inputNames: form.inputNames({
          connectionName: "connectionName",
          connectionUrl: "connectionUrl",
          credentialName: "credentialName",
          entityName: "oauthEntityName",
          clientId: "clientId",
          clientSecret: "clientSecret",
          tokenUrl: "tokenUrl",
          userName: "userName",
          secret: named.credentialType === "api_key" ? "apiKey" : "password",
        }),
      }, context),
    );
  },
  preflight: async (inputs, _api, context) => {
    const named = formInputsOf(inputs, context);
    if (!inputs.verifyCredentials || named === "unknown" || named.resolved.credentialType !== "oauth2_client_credentials") return;
    await verifyClientCredentials({
      spokeName: inputs.connectionAlias,
      tokenUrl: named.resolved.tokenUrl!,
      clientId: named.resolved.clientId!,
      clientSecret: named.resolved.clientSecret!,
      scope: named.resolved.scopes.join(" ") || undefined,
      inputNames: "`clientId` and `clientSecret`",
    });
  },
  outputs: spokeOutputs,
});
