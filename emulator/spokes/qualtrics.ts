import { connectionFields, DEFAULT_POST_PROCESS_SCRIPT, oauthEntityDefaults, secretField, type AliasTemplateContents } from "../alias-templates";
import type { SpokeSeed } from "./spoke-seed";

/** seeds/001: the Qualtrics Configure form, with the X-API-TOKEN connection attribute (scope manage:all). */
const template: AliasTemplateContents = {
  name: "Qualtrics Spoke Template",
  dynamicDataSchema: {
    connection_fields: [
      ...connectionFields("Qualtrics", "https://<Organization-ID>.qualtrics.com/API/v3"),
      secretField("connection.extended_attributes.x_api_token", "X-API-TOKEN"),
    ],
    credential_fields: [
      { name: "credential.oauth_entity.name", label: "OAuth Name", type: "text", mandatory: true },
      { name: "credential.oauth_entity.client_id", label: "OAuth Client ID", type: "text", mandatory: true },
      secretField("credential.oauth_entity.client_secret", "OAuth Client Secret"),
      { name: "credential.oauth_entity.token_url", label: "Token URL", type: "text", mandatory: true, defaultValue: "https://<Data-Center-ID>.qualtrics.com/oauth2/token" },
    ],
    additional_fields: [],
  },
  defaultDataTemplate: {
    connection: { table: "http_connection", name: "Qualtrics", connection_url: "", use_mid: false, extended_attributes: { x_api_token: "" } },
    credential: { table: "oauth_2_0_credentials", name: "", oauth_entity: oauthEntityDefaults("client_credentials", ["manage:all"]) },
  },
  postProcessScript: DEFAULT_POST_PROCESS_SCRIPT,
};

export const qualtrics = {
  name: "qualtrics" as const,
  alias: { id: "sn_qualtrics_spoke.Qualtrics", name: "Qualtrics" },
  properties: [{ name: "sn_qualtrics_spoke.qualtrics_directory", value: "", type: "string", description: "Qualtrics Directory ID" }],
  attributes: [{ element: "x_api_token", label: "X-API-TOKEN" }],
  template,
} satisfies SpokeSeed;
