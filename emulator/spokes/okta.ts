import { connectionFields, DEFAULT_POST_PROCESS_SCRIPT, oauthEntityDefaults, secretField, type AliasTemplateContents } from "../alias-templates";
import type { SpokeSeed } from "./spoke-seed";

/** seeds/002, OAuth path: Okta's authorization-code form (the API-key path configures records directly). */
const template: AliasTemplateContents = {
  name: "Okta Spoke Template",
  dynamicDataSchema: {
    connection_fields: connectionFields("Okta", "https://{domain}"),
    credential_fields: [
      { name: "credential.oauth_entity.auth_url", label: "Authorization URL", type: "text", mandatory: true, defaultValue: "https://{domain}/oauth2/{ver}/authorize" },
      { name: "credential.oauth_entity.token_url", label: "Token URL", type: "text", mandatory: true, defaultValue: "https://{domain}/oauth2/{ver}/token" },
      { name: "credential.oauth_entity.revoke_token_url", label: "Revocation URL", type: "text", mandatory: false, defaultValue: "https://{domain}/oauth2/{ver}/revoke" },
      { name: "credential.oauth_entity.client_id", label: "Client ID", type: "text", mandatory: true },
      secretField("credential.oauth_entity.client_secret", "Client Secret"),
      { name: "credential.oauth_entity.redirect_url", label: "Redirect URL", type: "text", mandatory: true, defaultValue: "https://<instance-name>.service-now.com/oauth_redirect.do" },
    ],
    additional_fields: [{ name: "additional.api_version", label: "API Version", type: "text", mandatory: false, defaultValue: "v1" }],
  },
  defaultDataTemplate: {
    connection: { table: "http_connection", name: "Okta", connection_url: "", use_mid: false },
    credential: { table: "oauth_2_0_credentials", name: "", oauth_entity: { ...oauthEntityDefaults("authorization_code", []), name: "Okta OAuth" } },
    additional: { api_version: "v1" },
  },
  postProcessScript: DEFAULT_POST_PROCESS_SCRIPT,
};

export const okta = {
  name: "okta" as const,
  alias: { id: "sn_okta_spoke.Okta", name: "Okta" },
  properties: [],
  attributes: [],
  template,
} satisfies SpokeSeed;
