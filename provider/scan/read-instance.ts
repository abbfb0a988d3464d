import { all, any, eq, neq, startsWith } from "../client/encoded-query";
import type { SnRecord, TableApi } from "../client/table-api";
import { parseFormTemplate, type FormTemplate } from "../forms/form-template";
import { isFormTemplateFormatError } from "../forms/form-template-format-error";
import { attributeDefinitionTable, attributeValueTable } from "../records/connection-attributes";

/**
 * Reading an instance's spoke configuration, as the Configure forms left it: every connection
 * on a connection alias, with its credential, OAuth entity (default profile and scopes) and
 * attribute values; the properties that active spokes ship and someone changed; on request,
 * OAuth clients and integration users. Read only: GETs through the provider's client.
 */

export interface ScannedOAuth {
  readonly entity: SnRecord;
  /** The default profile (the one the instance made on insert). */
  readonly profile?: SnRecord;
  /** The profile the credential points at, when it is not the default one. */
  readonly credentialProfile?: SnRecord;
  /** Each `oauth_entity_scope` of the entity, with its link to the default profile if there is one. */
  readonly scopes: readonly { readonly scope: SnRecord; readonly link?: SnRecord }[];
}

export interface ScannedAttribute {
  readonly element: string;
  readonly label: string;
  /** A password-type attribute: its value cannot be read back. */
  readonly secret: boolean;
  readonly definition: SnRecord;
  readonly value: SnRecord;
}

export interface ScannedConnection {
  readonly alias: SnRecord;
  readonly connection: SnRecord;
  /** The credential in its own table (`sys_class_name`); absent when the connection has none. */
  readonly credential?: { readonly table: string; readonly record: SnRecord };
  readonly oauth?: ScannedOAuth;
  readonly attributes: readonly ScannedAttribute[];
  /** The alias's Configure form (its Connection & Credential template), when it has one that parses. */
  readonly template?: FormTemplate;
}

export interface ScannedUser {
  readonly user: SnRecord;
  readonly roles: readonly { readonly role: SnRecord; readonly link: SnRecord }[];
}

export interface ScannedInstance {
  readonly instanceUrl: string;
  readonly connections: readonly ScannedConnection[];
  /** Properties in the scope of a connection alias that were changed or made by hand. */
  readonly properties: readonly SnRecord[];
  /** Connections of other types than http_connection (no kind covers them). */
  readonly otherConnections: readonly { readonly alias?: SnRecord; readonly connection: SnRecord }[];
  readonly oauthClients: readonly ScannedOAuth[];
  readonly users: readonly ScannedUser[];
}

export interface ReadOptions {
  readonly oauthClients: boolean;
  readonly users: boolean;
}

/**
 * Records the instance or a plugin installed carry `system` (or `maint`) as their creator;
 * anything else was made by a person. ServiceNow keeps no "shipped default" of a property, so
 * "changed" is: updated since it was installed, or made by hand.
 */
export function madeOrChangedByHand(record: SnRecord): boolean {
  return Number(record.sys_mod_count ?? "0") > 0 || madeByHand(record);
}

export function madeByHand(record: SnRecord): boolean {
  return !["", "system", "maint"].includes(record.sys_created_by ?? "");
}

export async function readInstance(api: TableApi, options: ReadOptions): Promise<ScannedInstance> {
  const [aliases, templates] = await Promise.all([api.list("sys_alias", eq("type", "connection")), readTemplates(api)]);
  const aliasById = new Map(aliases.map((alias) => [alias.sys_id ?? "", alias]));
  const [httpConnections, otherConnections] = await Promise.all([
    api.list("http_connection", "ORDERBYname"),
    api.list("sys_connection", all(neq("sys_class_name", "http_connection"), "ORDERBYname")),
  ]);
  const connections = await Promise.all(
    httpConnections
      .filter((connection) => aliasById.has(connection.connection_alias ?? ""))
      .map(async (connection) => {
        const alias = aliasById.get(connection.connection_alias ?? "")!;
        const template = templates.get(alias.configuration_template ?? "");
        return { ...(await readConnection(api, alias, connection)), ...(template ? { template } : {}) };
      }),
  );
  const [properties, oauthClients, users] = await Promise.all([
    readProperties(api, aliases),
    options.oauthClients ? readOAuthClients(api) : Promise.resolve([]),
    options.users ? readUsers(api) : Promise.resolve([]),
  ]);
  return {
    instanceUrl: api.instanceUrl,
    connections,
    properties,
    otherConnections: otherConnections.map((connection) => ({ alias: aliasById.get(connection.connection_alias ?? ""), connection })),
    oauthClients,
    users,
  };
}

/** Every Connection & Credential template, by sys_id (one GET); one that does not parse is left out. */
async function readTemplates(api: TableApi): Promise<Map<string, FormTemplate>> {
  const templates = new Map<string, FormTemplate>();
  for (const record of await api.list("sys_alias_templates", "")) {
    try {
      templates.set(record.sys_id ?? "", parseFormTemplate({
        sys_id: record.sys_id ?? "",
        name: record.name ?? "",
        dynamic_data_schema: record.dynamic_data_schema ?? "",
        default_data_template: record.default_data_template ?? "",
        post_process_script: record.post_process_script ?? "",
      }));
    } catch (error) {
      if (!isFormTemplateFormatError(error)) throw error;
    }
  }
  return templates;
}

export async function readConnection(api: TableApi, alias: SnRecord, connection: SnRecord): Promise<ScannedConnection> {
  const [credential, attributes] = await Promise.all([readCredential(api, connection.credential ?? ""), readAttributes(api, connection)]);
  const profileId = credential?.table === "oauth_2_0_credentials" ? (credential.record.oauth_entity_profile ?? "") : "";
  const oauth = profileId === "" ? undefined : await readOAuthOfProfile(api, profileId);
  return { alias, connection, ...(credential ? { credential } : {}), ...(oauth ? { oauth } : {}), attributes };
}

/** The base record says which table the credential lives in; its columns are read there. */
async function readCredential(api: TableApi, sysId: string): Promise<ScannedConnection["credential"]> {
  if (sysId === "") return undefined;
  const base = await api.get("discovery_credentials", sysId);
  if (!base) return undefined;
  const table = base.sys_class_name || "discovery_credentials";
  const record = table === "discovery_credentials" ? base : ((await api.get(table, sysId)) ?? base);
  return { table, record };
}

async function readOAuthOfProfile(api: TableApi, profileId: string): Promise<ScannedOAuth | undefined> {
  const credentialProfile = await api.get("oauth_entity_profile", profileId);
  const entity = credentialProfile ? await api.get("oauth_entity", credentialProfile.oauth_entity ?? "") : undefined;
  if (!entity) return undefined;
  const oauth = await readOAuth(api, entity);
  return credentialProfile!.sys_id === oauth.profile?.sys_id ? oauth : { ...oauth, credentialProfile };
}

export async function readOAuth(api: TableApi, entity: SnRecord): Promise<ScannedOAuth> {
  const entityId = entity.sys_id ?? "";
  const [profiles, scopes] = await Promise.all([
    api.list("oauth_entity_profile", all(eq("oauth_entity", entityId), eq("default", "true"))),
    api.list("oauth_entity_scope", all(eq("oauth_entity", entityId), "ORDERBYoauth_entity_scope")),
  ]);
  const profile = profiles[0];
  const links = profile ? await api.list("oauth_entity_profile_scope", eq("oauth_entity_profile", profile.sys_id ?? "")) : [];
  return {
    entity,
    ...(profile ? { profile } : {}),
    scopes: scopes.map((scope) => {
      const link = links.find((candidate) => candidate.oauth_entity_scope === scope.sys_id);
      return link ? { scope, link } : { scope };
    }),
  };
}

/** Attribute values of the connection with their definitions (var_dictionary, or the older sys_connection_attribute). */
async function readAttributes(api: TableApi, connection: SnRecord): Promise<ScannedAttribute[]> {
  const values = await api.list(attributeValueTable, all(eq("document", "http_connection"), eq("document_key", connection.sys_id ?? "")));
  const read = await Promise.all(
    values.map(async (value): Promise<ScannedAttribute | undefined> => {
      const variable = value.variable ?? "";
      const definition = (await api.get(attributeDefinitionTable, variable)) ?? (await api.get("sys_connection_attribute", variable));
      if (!definition) return undefined;
      return {
        element: definition.element ?? "",
        label: definition.label || definition.element || "",
        secret: /password/.test(definition.internal_type ?? "password2"),
        definition,
        value,
      };
    }),
  );
  return read.filter((attribute): attribute is ScannedAttribute => attribute !== undefined);
}

/** Properties of the aliases' scopes (`<scope>.*`), a few scopes per request. */
export async function readProperties(api: TableApi, aliases: readonly SnRecord[]): Promise<SnRecord[]> {
  const scopes = [...new Set(aliases.map((alias) => (alias.id ?? "").split(".")[0] ?? "").filter((scope) => scope !== "" && scope !== "global"))].sort();
  const batches: string[][] = [];
  for (let i = 0; i < scopes.length; i += 20) batches.push(scopes.slice(i, i + 20));
  const found = await Promise.all(batches.map((batch) => api.list("sys_properties", all(any(...batch.map((scope) => startsWith("name", `${scope}.`))), "ORDERBYname"))));
  return found.flat().filter(madeOrChangedByHand);
}

/** External clients (`type=client`) registered by a person. */
async function readOAuthClients(api: TableApi): Promise<ScannedOAuth[]> {
  const entities = await api.list("oauth_entity", all(eq("type", "client"), "ORDERBYname"));
  return Promise.all(entities.filter(madeByHand).map((entity) => readOAuth(api, entity)));
}

/** Web-service-only accounts, with their roles. */
async function readUsers(api: TableApi): Promise<ScannedUser[]> {
  const users = await api.list("sys_user", all(eq("web_service_access_only", "true"), "ORDERBYuser_name"));
  return Promise.all(users.map((user) => readUser(api, user)));
}

/** One user with its roles. */
export async function readUser(api: TableApi, user: SnRecord): Promise<ScannedUser> {
  const links = await api.list("sys_user_has_role", eq("user", user.sys_id ?? ""));
  const roles = await Promise.all(links.map(async (link) => ({ role: await api.get("sys_user_role", link.role ?? ""), link })));
  return { user, roles: roles.filter((entry): entry is { role: SnRecord; link: SnRecord } => entry.role !== undefined) };
}
