/**
 * The Connection & Credential templates (`sys_alias_templates`) that the emulated spokes'
 * aliases point to: each spoke's Configure form as the instance stores it (the forms themselves
 * are in ./spokes/, one file per spoke), written over the platform's standard "OAuth Client
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
export function oauthEntityDefaults(grantType: string, scopes: readonly string[]): Record<string, unknown> {
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

export const connectionFields = (spokeName: string, urlHint: string): TemplateField[] => [
  { name: "connection.name", label: "Connection Name", type: "text", mandatory: true, defaultValue: spokeName, hint: "Name of the connection." },
  { name: "connection.connection_url", label: "Connection URL", type: "text", mandatory: true, defaultValue: "", hint: urlHint },
];

export const secretField = (name: string, label: string): TemplateField => ({ name, label, type: "password", mandatory: true, defaultValue: "" });





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
