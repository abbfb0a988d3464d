import { connectionFields, DEFAULT_POST_PROCESS_SCRIPT, oauthEntityDefaults, secretField, type AliasTemplateContents } from "../alias-templates";
import type { SpokeSeed } from "./spoke-seed";

/** seeds/000: the SumTotal Configure form (client credentials, scope allapis). */
const template: AliasTemplateContents = {
  name: "SumTotal Spoke Template",
  dynamicDataSchema: {
    connection_fields: connectionFields("SumTotal", "URL to connect to the SumTotal host."),
    credential_fields: [
      { name: "credential.oauth_entity.name", label: "OAuth Entity Name", type: "text", mandatory: true, hint: "Custom name of the OAuth entity." },
      { name: "credential.oauth_entity.client_id", label: "OAuth Client ID", type: "text", mandatory: true },
      secretField("credential.oauth_entity.client_secret", "OAuth Client Secret"),
      { name: "credential.oauth_entity.token_url", label: "OAuth Token URL", type: "text", mandatory: true, defaultValue: "https://{site-url}/apisecurity/connect/token" },
    ],
    additional_fields: [],
  },
  defaultDataTemplate: {
    connection: { table: "http_connection", name: "SumTotal", connection_url: "", use_mid: false },
    credential: { table: "oauth_2_0_credentials", name: "", oauth_entity: oauthEntityDefaults("client_credentials", ["allapis"]) },
  },
  postProcessScript: DEFAULT_POST_PROCESS_SCRIPT,
};

export const sumtotal = {
  name: "sumtotal" as const,
  alias: { id: "sn_sumtotal_spoke.SumTotal", name: "SumTotal" },
  properties: [],
  attributes: [],
  template,
} satisfies SpokeSeed;
