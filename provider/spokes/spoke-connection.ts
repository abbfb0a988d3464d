import { z } from "zod";
import { aliasId, clientId, columnSize, propertyName, recordName, scope, secret, singleLine } from "../kinds/fields";
import { baseUrl, url } from "../kinds/url-fields";
import { commonSpokeInputs } from "./common-inputs";
import { defineKind } from "../lifecycle/resource-kind";
import { input } from "../kinds/input";
import { inputColumnsOf } from "../schema/describe-kind";
import { spokeOutputSchema, spokeOutputs } from "./spoke-outputs";
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
  description: "Any spoke's connection by alias id, with an OAuth client-credentials provider, an API key or basic auth; or by its own Configure form (`form`).",
  schema: z
    .object({
      connectionAlias: input(aliasId, { description: "The spoke's alias id, e.g. `sn_workday_spoke.Workday`; changing it replaces the connection.", example: "sn_workday_spoke.Workday" }),
      connectionUrl: input(baseUrl.optional(), { description: "The third party's base URL. Required unless `form` gives it.", column: "connection.connection_url", example: "https://wd2-impl-services1.workday.com" }),
      credentialType: input(z.enum(credentialTypes, { error: `must be one of ${credentialTypes.join(", ")}` }).optional(), {
        description: "How the connection signs in. Required unless `form` is given: then the template's credential table decides it. Changing it replaces the connection.",
        example: "oauth2_client_credentials",
      }),
      form: input(z.record(singleLine(columnSize.name), z.string({ error: "values must be strings" })).optional(), {
        description: "The spoke's Configure form, keyed by its labels as the setup page prints them: checked against the alias's template before any write; password fields are written as secrets. Secret as a whole.",
        secret: true,
        example: { code: '{ "Connection URL": "https://acme.atlassian.net", "OAuth Client ID": "servicenow", ... }' },
      }),
      ...commonSpokeInputs(""),
      connectionName: input(recordName.optional(), { description: "The connection's name on the alias. Default: the alias's name.", column: "connection.name" }),
      credentialName: input(recordName.optional(), { description: "The credential's name. Default: the OAuth entity's name, else `<connectionName> Credential`.", column: "credential.name" }),
      oauthEntityName: input(recordName.optional(), { description: "The OAuth entity's name (OAuth client credentials).", column: "entity.name", example: "Workday OAuth" }),
      clientId: input(clientId.optional(), { description: "The OAuth client id the third party issued.", column: "entity.client_id", example: "servicenow" }),
      clientSecret: input(secret.optional(), { description: "The OAuth client secret the third party issued.", secret: true, column: "entity.client_secret" }),
      tokenUrl: input(url.optional(), { description: "The third party's token URL.", column: "entity.token_url", example: "https://wd2-impl-services1.workday.com/ccx/oauth2/acme/token" }),
      scopes: input(z.array(scope).default([]), { description: "The OAuth scopes. Default with `form`: the template's." }),
      apiKey: input(secret.optional(), { description: "The API key (credentialType `api_key`).", secret: true, column: "credential.api_key" }),
      userName: input(singleLine(columnSize.name).optional(), { description: "The user name (credentialType `basic`).", column: "credential.user_name", example: "svc_servicenow" }),
      password: input(secret.optional(), { description: "The password (credentialType `basic`).", secret: true, column: "credential.password" }),
      attributes: input(z.record(z.string().regex(/^[a-z0-9_]+$/, { message: "keys must be attribute column names such as x_api_token" }), secret).optional(), {
        description: "Connection attribute values by column, e.g. `{ x_api_token }`. Secret.",
        secret: true,
        column: "attribute-value:*.value",
      }),
      properties: input(z.record(propertyName, z.string({ error: "values must be strings" })).optional(), {
        description: "Properties the spoke ships, set here and given back on destroy.",
        column: "property:*.value",
      }),
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
  outputSchema: spokeOutputSchema,
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
    const form = formInputsOf(inputs, context, inputColumnsOf(spokeConnectionKind));
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
        attributes: Object.entries(named.attributes).map(([element, value]) => ({ element, value, secret: true })),
        properties: Object.entries(inputs.properties ?? {}).map(([name, value]) => ({ name, value })),
      }, context),
    );
  },
  preflight: async (inputs, _api, context) => {
    const named = formInputsOf(inputs, context, inputColumnsOf(spokeConnectionKind));
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
