import { z } from "zod";
import { defineKind } from "../lifecycle/resource-kind";
import { apiKeyCredential, basicAuthCredential, oauth2Credential } from "../records/credentials";
import { adopt, columnSize, recordName, secret, singleLine, sysId } from "./fields";
import { input } from "./input";

/** A credential's name, the natural key it is found by. */
function credentialName(example: string) {
  return input(recordName, { description: "The credential's name; records are found by it, and changing it replaces the resource.", column: "credential.name", example });
}

/** BasicAuthCredential (`basic_auth_credentials`): a user name and password for a connection. */
export const basicAuthCredentialKind = defineKind({
  name: "BasicAuthCredential",
  description: "A user name and password for a connection (`basic_auth_credentials`).",
  schema: z.object({
    name: credentialName("Workday integration"),
    userName: input(singleLine(columnSize.name), { description: "The user name the third party knows.", column: "credential.user_name", example: "svc_servicenow" }),
    password: input(secret, { description: "The password.", secret: true, column: "credential.password" }),
    adopt,
  }),
  replaceOnChange: ["name"],
  primaryStep: "credential",
  plan: (inputs) => [basicAuthCredential("credential", inputs.name, inputs.userName, inputs.password)],
});

/** ApiKeyCredential (`api_key_credentials`): an API key sent by the spoke's actions. */
export const apiKeyCredentialKind = defineKind({
  name: "ApiKeyCredential",
  description: "An API key that a spoke's actions send (`api_key_credentials`).",
  schema: z.object({
    name: credentialName("Acme API key"),
    apiKey: input(secret, { description: "The API key.", secret: true, column: "credential.api_key" }),
    adopt,
  }),
  replaceOnChange: ["name"],
  primaryStep: "credential",
  plan: (inputs) => [apiKeyCredential("credential", inputs.name, inputs.apiKey)],
});

/** OAuth2Credential (`oauth_2_0_credentials`): signs in with an OAuth entity profile. */
export const oauth2CredentialKind = defineKind({
  name: "OAuth2Credential",
  description: "An OAuth 2.0 credential (`oauth_2_0_credentials`): the instance signs in with an OAuth entity's profile.",
  schema: z.object({
    name: credentialName("SumTotal OAuth"),
    oauthEntityProfileSysId: input(sysId, {
      description: "The OAuth entity profile to sign in with, e.g. an `OAuthProvider`'s `profileSysId`.",
      column: "credential.oauth_entity_profile",
      example: { code: "provider.profileSysId" },
    }),
    adopt,
  }),
  replaceOnChange: ["name"],
  primaryStep: "credential",
  plan: (inputs) => [oauth2Credential("credential", inputs.name, inputs.oauthEntityProfileSysId)],
});
