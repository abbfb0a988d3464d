/**
 * The Connection & Credential templates (`sys_alias_templates`) that the emulated spokes'
 * aliases point to: each spoke's Configure form as the instance stores it. Written from the
 * form tables of the setup pages (../shared/seeds) over the platform's standard "OAuth Client
 * Credentials" and "OAuth Authorization Code" templates as ServiceNow's SDK documents them
 * (docs/guides/alias-template-guide.md); stored JSON uses snake_case keys (`connection_fields`,
 * `connection_url`, `use_mid`). Data only; seed.ts writes it. What a real instance holds is
 * captured by `npm run test:instance`.
 */

export type TemplateField = {
  readonly name: string;
  readonly label: string;
  readonly type: "text" | "password" | "number" | "checkbox" | "choice";
  readonly mandatory?: boolean;
  readonly defaultValue?: string;
  readonly hint?: string;
};

export interface AliasTemplateContents {
  readonly name: string;
  readonly dynamicDataSchema: {
    readonly connection_fields: readonly TemplateField[];
    readonly credential_fields: readonly TemplateField[];
    readonly additional_fields: readonly TemplateField[];
  };
  readonly defaultDataTemplate: Readonly<Record<string, unknown>>;
  readonly postProcessScript: string;
}

/** How an emulated spoke's alias is set up, for testing each case of the provider's form checks. */
export type AliasTemplateVariant =
  /** The spoke's template, as shipped. */
  | "standard"
  /** No template selected on the alias (`configuration_template` empty). */
  | "none"
  /** The template's On Create Script does real work (the Table API never runs it). */
  | "post-process-script"
  /** A newer release's form: a mandatory field (`Tenant ID`, a connection attribute) no preset input covers. */
  | "extra-mandatory-field";

export const ALIAS_TEMPLATE_VARIANTS: readonly AliasTemplateVariant[] = ["standard", "none", "post-process-script", "extra-mandatory-field"];

/** The attribute the `extra-mandatory-field` variant adds to the form and defines on the alias. */
export const EXTRA_MANDATORY_ATTRIBUTE = { element: "tenant_id", label: "Tenant ID" } as const;

/** The stub the platform writes when a template has no script of its own: it does nothing. */
export const DEFAULT_POST_PROCESS_SCRIPT = `(function execute(aliasId, connectionSysId, jsonDefaultData, jsonDynamicData) {
   // aliasId: sys_id of the alias record
   // connectionSysId: sys_id of the connection record created by using the default and dynamic data
   // jsonDefaultData (String): The default JSON template data from template table
   // jsonDynamicData (String): User input based on the key/values defined in "Dynamic Data"
})(aliasId, connectionSysId, jsonDefaultData, jsonDynamicData);
`;

const WORKING_POST_PROCESS_SCRIPT = `(function execute(aliasId, connectionSysId, jsonDefaultData, jsonDynamicData) {
   var property = new GlideRecord("sys_properties");
   property.addQuery("name", "sn_spoke.connection_ready");
   property.query();
   if (property.next()) { property.setValue("value", connectionSysId); property.update(); }
})(aliasId, connectionSysId, jsonDefaultData, jsonDynamicData);
`;

/** The OAuth entity the platform's OAuth templates write, besides the form's fields. */
function oauthEntityDefaults(grantType: string, scopes: readonly string[]): Record<string, unknown> {
  return {
    name: "",
    type: "consumer",
    default_grant_type: grantType,
    client_id: "",
    client_secret: "",
    token_url: "",
    code_challenge_method: "S256",
    public_client: false,
    use_mutual_auth: false,
    oauth_api_script: "3e3a3a11c333210016194ffe5bba8f70",
    oauth_entity_scope: scopes.map((scope) => ({ name: scope, oauth_entity_scope: scope })),
    oauth_entity_profile: [{ name: "", grant_type: grantType, default: true, oauth_entity_profile_scope: [...scopes] }],
  };
}

const connectionFields = (spokeName: string, urlHint: string): TemplateField[] => [
  { name: "connection.name", label: "Connection Name", type: "text", mandatory: true, defaultValue: spokeName, hint: "Name of the connection." },
  { name: "connection.connection_url", label: "Connection URL", type: "text", mandatory: true, defaultValue: "", hint: urlHint },
];

const secretField = (name: string, label: string): TemplateField => ({ name, label, type: "password", mandatory: true, defaultValue: "" });

/** seeds/000: the SumTotal Configure form (client credentials, scope allapis). */
const sumtotal: AliasTemplateContents = {
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

/** seeds/001: the Qualtrics Configure form, with the X-API-TOKEN connection attribute (scope manage:all). */
const qualtrics: AliasTemplateContents = {
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

/** seeds/002, OAuth path: Okta's authorization-code form (the API-key path configures records directly). */
const okta: AliasTemplateContents = {
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

export const STANDARD_TEMPLATES = { sumtotal, qualtrics, okta } as const;

/** The template an alias gets for a variant, or undefined for `none`. */
export function templateFor(standard: AliasTemplateContents, variant: AliasTemplateVariant): AliasTemplateContents | undefined {
  switch (variant) {
    case "none":
      return undefined;
    case "standard":
      return standard;
    case "post-process-script":
      return { ...standard, postProcessScript: WORKING_POST_PROCESS_SCRIPT };
    case "extra-mandatory-field": {
      const schema = standard.dynamicDataSchema;
      const field = addedMandatoryField(`connection.extended_attributes.${EXTRA_MANDATORY_ATTRIBUTE.element}`, EXTRA_MANDATORY_ATTRIBUTE.label);
      const connection = standard.defaultDataTemplate.connection as Record<string, unknown>;
      const attributes = (connection.extended_attributes ?? {}) as Record<string, unknown>;
      return {
        ...standard,
        dynamicDataSchema: { ...schema, connection_fields: [...schema.connection_fields, field] },
        defaultDataTemplate: {
          ...standard.defaultDataTemplate,
          connection: { ...connection, extended_attributes: { ...attributes, [EXTRA_MANDATORY_ATTRIBUTE.element]: "" } },
        },
      };
    }
  }
}

function addedMandatoryField(name: string, label: string): TemplateField {
  return { name, label, type: "text", mandatory: true, defaultValue: "", hint: "Added by a newer release of the spoke." };
}
