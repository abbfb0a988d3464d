/**
 * The tables the emulator knows, as data: adding a table is a few lines here. Column names
 * follow ../shared/servicenow-reference.md; where the reference marks a name unconfirmed it
 * is still only written here, so a correction is one edit.
 */

export type FieldType = "string" | "boolean" | "integer" | "reference" | "password2" | "glide_date_time";

export interface FieldDef {
  readonly type: FieldType;
  /** Target table of a reference. */
  readonly reference?: string;
  /** Value a new record gets when the insert leaves the field out. Default "" ("false" for booleans). */
  readonly default?: string;
  /** The database refuses a second record with the same non-empty value. */
  readonly unique?: boolean;
  /**
   * The column's size: longer values are cut to it on write, silently, as an instance does.
   * Taken from ServiceNow's own definition where it states one (scripts/servicenow-tables).
   */
  readonly maxLength?: number;
  /** A choice column: stored value → the label the form shows. */
  readonly choices?: Readonly<Record<string, string>>;
  /**
   * What deleting the referenced record does to this record: `"delete"` (cascade) or
   * `"clear"` (empty the reference: the instance's default for reference fields).
   */
  readonly onDelete?: "delete" | "clear";
}

export interface TableDef {
  readonly name: string;
  readonly parent?: string;
  /** Field shown as the display value of a reference to this table. */
  readonly display?: string;
  /** Fields this table adds to its parent's. */
  readonly fields: Readonly<Record<string, FieldDef>>;
  /**
   * Who may read the table besides `admin` (a minimal read ACL, docs/emulator.md): absent, any
   * signed-in user; `[]`, admins only; else users with one of these roles. Inherited.
   */
  readonly readRoles?: readonly string[];
}

const str: FieldDef = { type: "string" };
const bool: FieldDef = { type: "boolean" };
const yes: FieldDef = { type: "boolean", default: "true" };
const int: FieldDef = { type: "integer" };
const secret: FieldDef = { type: "password2" };
const dateTime: FieldDef = { type: "glide_date_time" };
const text = (maxLength: number, more: Partial<FieldDef> = {}): FieldDef => ({ type: "string", maxLength, ...more });
const ref = (table: string, onDelete: "delete" | "clear" = "clear"): FieldDef => ({ type: "reference", reference: table, onDelete });

/** `sys_properties.type`, as ServiceNow defines it (stored value → label). */
const PROPERTY_TYPES: Readonly<Record<string, string>> = {
  boolean: "true | false",
  password2: "password2",
  date_format: "date format",
  integer: "integer",
  choicelist: "choice list",
  time_format: "time format",
  image: "image",
  color: "color",
  uploaded_image: "uploaded image",
  password: "password",
  timezone: "timezone",
  short_string: "short string (40 characters or less)",
  string: "string",
};

/** Maintained by the instance on every table; never written by a client. */
export const SYS_FIELDS: Readonly<Record<string, FieldDef>> = {
  sys_id: str,
  sys_class_name: str,
  sys_created_on: { type: "glide_date_time" },
  sys_created_by: str,
  sys_updated_on: { type: "glide_date_time" },
  sys_updated_by: str,
  sys_mod_count: { type: "integer", default: "0" },
};

export const TABLES: readonly TableDef[] = [
  {
    name: "sys_alias",
    display: "name",
    fields: {
      id: text(255, { unique: true }),
      name: text(255),
      type: text(40, { default: "connection", choices: { connection: "Connection and Credential", credential: "Credential" } }),
      connection_type: text(40, {
        choices: { http_connection: "HTTP", jdbc_connection: "JDBC", sys_connection: "Basic", orch_jms_ds: "JMS" },
      }),
      multiple_connections: bool,
      configuration_template: ref("sys_alias_templates"),
      parent: ref("sys_alias"),
    },
  },
  {
    // The Configure form of a spoke, as data (servicenow-reference.md, "The Configure form is
    // data"): `dynamic_data_schema` lists the form's fields, `default_data_template` what the
    // form writes besides them. Both hold JSON text.
    name: "sys_alias_templates",
    display: "name",
    fields: {
      name: text(100),
      dynamic_data_schema: text(10000),
      default_data_template: text(10000),
      pre_edit_script: text(8000),
      on_edit_script: text(8000),
      post_process_script: text(8000),
      test_action: str,
    },
  },
  {
    name: "sys_connection",
    display: "name",
    fields: {
      name: str,
      connection_alias: ref("sys_alias"),
      credential: ref("discovery_credentials"),
      active: yes,
      use_mid: bool,
      mid_server: str,
      order: { type: "integer", default: "100" },
    },
  },
  {
    name: "http_connection",
    parent: "sys_connection",
    fields: { connection_url: str, host: str, protocol: str, connection_timeout: int, connection_retries: int },
  },
  {
    name: "discovery_credentials",
    display: "name",
    fields: { name: str, active: yes, order: { type: "integer", default: "100" }, applies_to: str, tag: str },
  },
  { name: "basic_auth_credentials", parent: "discovery_credentials", fields: { user_name: str, password: secret } },
  { name: "api_key_credentials", parent: "discovery_credentials", fields: { api_key: secret } },
  { name: "oauth_2_0_credentials", parent: "discovery_credentials", fields: { oauth_entity_profile: ref("oauth_entity_profile") } },
  {
    name: "oauth_entity",
    display: "name",
    fields: {
      name: str,
      client_id: str,
      client_secret: secret,
      default_grant_type: {
        type: "string",
        default: "authorization_code",
        choices: {
          authorization_code: "Authorization Code",
          client_credentials: "Client Credentials",
          password: "Resource Owner Password Credentials",
          refresh_token: "Refresh Token",
          jwt_bearer: "JWT Bearer",
        },
      },
      token_url: str,
      auth_url: str,
      redirect_url: str,
      revoke_token_url: str,
      type: { type: "string", default: "oauth_provider" },
      send_client_credentials_as: str,
      // Written by the OAuth templates' defaults (alias-templates.ts).
      code_challenge_method: str,
      public_client: bool,
      use_mutual_auth: bool,
      oauth_api_script: str,
      active: yes,
      access_token_lifespan: { type: "integer", default: "1800" },
      refresh_token_lifespan: { type: "integer", default: "8640000" },
    },
  },
  {
    name: "oauth_entity_profile",
    display: "name",
    fields: { name: str, oauth_entity: ref("oauth_entity", "delete"), grant_type: str, default: bool },
  },
  {
    name: "oauth_entity_scope",
    display: "name",
    fields: { name: str, oauth_entity: ref("oauth_entity", "delete"), oauth_entity_scope: str },
  },
  {
    name: "oauth_entity_profile_scope",
    fields: {
      oauth_entity_profile: ref("oauth_entity_profile", "delete"),
      oauth_entity_scope: ref("oauth_entity_scope", "delete"),
    },
  },
  {
    name: "oauth_credential",
    fields: { peer: ref("oauth_entity", "delete"), type: str, expires: { type: "glide_date_time" } },
  },
  {
    // Connection attributes as ServiceNow's own table definitions describe them: dictionary
    // entries of the alias (`model_table` + `model_id`, a document-id pair), servicenow-reference.md.
    name: "var_dictionary",
    display: "label",
    fields: { model_table: str, model_id: str, element: text(80), label: text(50), internal_type: str },
  },
  {
    // The shape guessed before that research; kept so the provider's fallback lookup is tested.
    name: "sys_connection_attribute",
    display: "label",
    fields: { model: ref("sys_alias", "delete"), element: str, label: str },
  },
  {
    // `document` holds a table name and `document_key` a sys_id (a document-id pair, not a
    // reference), so deleting a connection clears them by business rule, not by cascade.
    name: "sys_variable_value",
    fields: { document: str, document_key: str, variable: ref("var_dictionary", "delete"), value: str },
  },
  {
    name: "sys_properties",
    display: "name",
    fields: {
      name: text(100, { unique: true }),
      value: text(4000),
      type: text(40, { default: "string", choices: PROPERTY_TYPES }),
      description: str,
      choices: text(512),
      is_private: bool,
      ignore_cache: bool,
      suffix: text(100),
      read_roles: str,
      write_roles: str,
    },
  },
  {
    name: "sys_user",
    display: "user_name",
    fields: {
      user_name: { type: "string", unique: true },
      first_name: text(50),
      last_name: text(50),
      email: text(100),
      active: yes,
      web_service_access_only: bool,
      user_password: { type: "password2", maxLength: 100 },
      locked_out: bool,
      // Newer releases only (an instance without it: EmulatorOptions.withoutColumns).
      identity_type: { type: "string", choices: { human: "Human", machine: "Machine", ai_agent: "AI Agent", unclassified: "-" } },
    },
  },
  { name: "sys_user_role", display: "name", fields: { name: { type: "string", unique: true } } },
  {
    name: "sys_user_has_role",
    fields: { user: ref("sys_user", "delete"), role: ref("sys_user_role", "delete") },
  },
  // Token-based authentication for inbound REST (plugin com.glide.tokenbased_auth). Labels from
  // ServiceNowDocs (platform-security/authentication/configure-api-key.md); table and column
  // names seen in public setup scripts, not in the documentation (docs/resources.md, RestApiKey).
  { name: "sys_token_auth_parameter", display: "parameter_name", readRoles: [], fields: { parameter_name: str, type: str, prefix: str } },
  { name: "inbound_auth_profile", display: "name", readRoles: [], fields: { name: str, active: yes } },
  { name: "http_key_auth", parent: "inbound_auth_profile", fields: { auth_parameter: ref("sys_token_auth_parameter") } },
  { name: "std_http_auth", parent: "inbound_auth_profile", fields: { type: str } },
  {
    name: "api_key",
    display: "name",
    readRoles: [],
    fields: { name: str, description: str, active: yes, user: ref("sys_user", "delete"), auth_scope: str, token: secret, expires: dateTime },
  },
  {
    name: "sys_api_access_policy",
    display: "name",
    readRoles: [],
    fields: {
      name: str,
      active: yes,
      api: str,
      api_path: str,
      http_method: str,
      version: str,
      api_resource: str,
      apply_all: bool,
      apply_all_methods: bool,
      apply_all_resources: bool,
      apply_all_versions: bool,
      apply_all_tables: bool,
      apply_global: bool,
    },
  },
  {
    name: "sys_auth_profile_mapping",
    readRoles: [],
    fields: { api_access_policy: ref("sys_api_access_policy", "delete"), inbound_auth_profile: ref("inbound_auth_profile", "delete") },
  },
  // What an external tool reads (seeds/003: the data behind WorkBoard's key results); the
  // itil role may read it, which the sign-in tests use.
  { name: "incident", display: "number", readRoles: ["itil"], fields: { number: str, short_description: str, priority: str, state: str } },
];

/** The tables as an instance that lacks some columns has them (`table.column`, e.g. an older release's sys_user). */
export function withoutColumns(defs: readonly TableDef[], columns: readonly string[]): readonly TableDef[] {
  if (columns.length === 0) return defs;
  return defs.map((def) => {
    const fields = Object.entries(def.fields).filter(([field]) => !columns.includes(`${def.name}.${field}`));
    return fields.length === Object.keys(def.fields).length ? def : { ...def, fields: Object.fromEntries(fields) };
  });
}

/** The tables with inheritance resolved. */
export class Schema {
  private readonly tables = new Map<string, TableDef>();
  private readonly fieldCache = new Map<string, ReadonlyMap<string, FieldDef>>();
  private readonly descendantCache = new Map<string, readonly string[]>();

  constructor(defs: readonly TableDef[] = TABLES) {
    for (const d of defs) this.tables.set(d.name, d);
    for (const d of defs) {
      if (d.parent !== undefined && !this.tables.has(d.parent)) throw new Error(`Table ${d.name}: unknown parent ${d.parent}`);
      for (const [f, def] of Object.entries(d.fields)) {
        if (def.reference !== undefined && !this.tables.has(def.reference)) throw new Error(`${d.name}.${f}: unknown table ${def.reference}`);
      }
    }
  }

  has(table: string): boolean {
    return this.tables.has(table);
  }

  names(): string[] {
    return [...this.tables.keys()];
  }

  /** The table and its ancestors, nearest first. */
  ancestry(table: string): string[] {
    const out: string[] = [];
    for (let t = this.tables.get(table); t !== undefined; t = t.parent === undefined ? undefined : this.tables.get(t.parent)) out.push(t.name);
    return out;
  }

  /** The table and every table that extends it, at any depth. */
  family(table: string): readonly string[] {
    let out = this.descendantCache.get(table);
    if (out === undefined) {
      const list = [table];
      for (const d of this.tables.values()) if (d.parent === table) list.push(...this.family(d.name));
      out = list;
      this.descendantCache.set(table, out);
    }
    return out;
  }

  isA(className: string, table: string): boolean {
    return this.ancestry(className).includes(table);
  }

  /** Every field of a table: sys fields, then ancestors' fields, then its own. */
  fields(table: string): ReadonlyMap<string, FieldDef> {
    let out = this.fieldCache.get(table);
    if (out === undefined) {
      const map = new Map<string, FieldDef>(Object.entries(SYS_FIELDS));
      for (const t of this.ancestry(table).reverse()) for (const [f, d] of Object.entries(this.tables.get(t)?.fields ?? {})) map.set(f, d);
      out = map;
      this.fieldCache.set(table, out);
    }
    return out;
  }

  field(table: string, name: string): FieldDef | undefined {
    return this.fields(table).get(name);
  }

  /** The table's read roles (see TableDef.readRoles), from the nearest table that sets them. */
  readRoles(table: string): readonly string[] | undefined {
    for (const t of this.ancestry(table)) {
      const roles = this.tables.get(t)?.readRoles;
      if (roles !== undefined) return roles;
    }
    return undefined;
  }

  displayField(table: string): string {
    for (const t of this.ancestry(table)) {
      const d = this.tables.get(t)?.display;
      if (d !== undefined) return d;
    }
    return "sys_id";
  }

  /** Reference fields, anywhere, that point at `table` or one of its ancestors. */
  referencesTo(className: string): { table: string; field: string; def: FieldDef }[] {
    const targets = this.ancestry(className);
    const out: { table: string; field: string; def: FieldDef }[] = [];
    for (const d of this.tables.values()) {
      for (const [f, def] of Object.entries(d.fields)) {
        if (def.reference !== undefined && targets.includes(def.reference)) out.push({ table: d.name, field: f, def });
      }
    }
    return out;
  }
}

export const isSysField = (name: string): boolean => Object.prototype.hasOwnProperty.call(SYS_FIELDS, name);
