import { z } from "zod";
import { defineKind } from "../lifecycle/resource-kind";
import { apiKeyCredential, basicAuthCredential, oauth2Credential } from "../records/credentials";
import { adopt, columnSize, recordName, secret, singleLine, sysId } from "./fields";

/** BasicAuthCredential (`basic_auth_credentials`): a user name and password for a connection. */
export const basicAuthCredentialKind = defineKind({
  name: "BasicAuthCredential",
  schema: z.object({ name: recordName, userName: singleLine(columnSize.name), password: secret, adopt }),
  examples: { name: '"Workday integration"', userName: '"svc_servicenow"', password: 'config.requireSecret("workdayPassword")' },
  secretInputs: ["password"],
  replaceOnChange: ["name"],
  primaryStep: "credential",
  plan: (inputs) => [basicAuthCredential("credential", inputs.name, inputs.userName, inputs.password, { name: "name", userName: "userName", secret: "password" })],
});

/** ApiKeyCredential (`api_key_credentials`): an API key sent by the spoke's actions. */
export const apiKeyCredentialKind = defineKind({
  name: "ApiKeyCredential",
  schema: z.object({ name: recordName, apiKey: secret, adopt }),
  examples: { name: '"Acme API key"', apiKey: 'config.requireSecret("acmeApiKey")' },
  secretInputs: ["apiKey"],
  replaceOnChange: ["name"],
  primaryStep: "credential",
  plan: (inputs) => [apiKeyCredential("credential", inputs.name, inputs.apiKey, { name: "name", secret: "apiKey" })],
});

/** OAuth2Credential (`oauth_2_0_credentials`): signs in with an OAuth entity profile. */
export const oauth2CredentialKind = defineKind({
  name: "OAuth2Credential",
  schema: z.object({ name: recordName, oauthEntityProfileSysId: sysId, adopt }),
  examples: { name: '"SumTotal OAuth"', oauthEntityProfileSysId: "provider.profileSysId" },
  secretInputs: [],
  replaceOnChange: ["name"],
  primaryStep: "credential",
  plan: (inputs) => [
    { ...oauth2Credential("credential", inputs.name, inputs.oauthEntityProfileSysId, { name: "name" }), inputs: { name: "name", oauth_entity_profile: "oauthEntityProfileSysId" } },
  ],
});
