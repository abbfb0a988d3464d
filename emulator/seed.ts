/**
 * The contents of an instance at start: users and roles, the OAuth client the emulator
 * advertises, and the activated spokes. Idempotent, so a restart from a data file keeps what
 * is there, adds what is missing and removes spokes that are no longer activated.
 */
import { createHash, randomBytes } from "node:crypto";
import { EXTRA_MANDATORY_ATTRIBUTE, templateFor, type AliasTemplateVariant } from "./alias-templates";
import { ALL_SPOKES, SPOKES, type SpokeName } from "./spokes";
import type { Store, StoredRecord, WriteContext } from "./store";

export const ADMIN_USER = "admin";
export const NON_ADMIN_USER = "itil.user";
export const OAUTH_CLIENT_NAME = "ServiceNow emulator client";
export const CLIENT_CREDENTIALS_PROPERTY = "glide.oauth.inbound.client.credential.grant_type.enabled";

const SYSTEM: WriteContext = { user: "system", inputDisplayValue: true };

export interface SeededCredentials {
  admin: { username: string; password: string };
  user: { username: string; password: string };
  oauthClient: { clientId: string; clientSecret: string };
}

const randomPassword = (): string => randomBytes(12).toString("base64url");

function ensure(store: Store, table: string, key: Record<string, string>, fields: Record<string, string> = {}): StoredRecord {
  const query = Object.entries(key)
    .map(([k, v]) => `${k}=${v.replace(/\^/g, "^^")}`)
    .join("^");
  return store.query(table, query)[0] ?? store.insert(table, { ...key, ...fields }, SYSTEM);
}

function ensureUser(store: Store, userName: string, role: string, fields: Record<string, string>, password: string | undefined): { username: string; password: string } {
  const user = ensure(store, "sys_user", { user_name: userName }, { ...fields, user_password: password ?? randomPassword() });
  if (password !== undefined && store.secrets.open(user.values.user_password) !== password) {
    store.update("sys_user", user.sysId, { user_password: password }, SYSTEM);
  }
  const roleRecord = ensure(store, "sys_user_role", { name: role });
  ensure(store, "sys_user_has_role", { user: user.sysId, role: roleRecord.sysId });
  const current = store.get("sys_user", user.sysId);
  return { username: userName, password: store.secrets.open(current?.values.user_password ?? "") ?? "" };
}

function seedSpoke(store: Store, name: SpokeName, variant: AliasTemplateVariant): void {
  const spoke = SPOKES[name];
  const alias = ensure(store, "sys_alias", { id: spoke.alias.id }, { name: spoke.alias.name, type: "connection", connection_type: "http_connection", multiple_connections: "false" });
  for (const p of spoke.properties) ensure(store, "sys_properties", { name: p.name }, { value: p.value, type: p.type, description: p.description });
  for (const a of spoke.attributes) ensure(store, "var_dictionary", { model_table: "sys_alias", model_id: alias.sysId, element: a.element }, { label: a.label, internal_type: "password2" });
  if (variant === "extra-mandatory-field") {
    const extra = EXTRA_MANDATORY_ATTRIBUTE;
    ensure(store, "var_dictionary", { model_table: "sys_alias", model_id: alias.sysId, element: extra.element }, { label: extra.label, internal_type: "string" });
  }
  selectTemplate(store, alias, templateFor(spoke.template, variant));
}

/** Writes the alias's template as the instance stores it (JSON text) and selects it on the alias; `undefined` clears it. */
function selectTemplate(store: Store, alias: StoredRecord, template: ReturnType<typeof templateFor>): void {
  const stored = template && {
    name: template.name,
    dynamic_data_schema: JSON.stringify(template.dynamicDataSchema),
    default_data_template: JSON.stringify(template.defaultDataTemplate),
    post_process_script: template.postProcessScript,
  };
  // Seeded with a sys_id named after the template, so every instance seeded alike holds the same ids.
  const sysId = stored && createHash("sha256").update(`sys_alias_templates:${stored.name}`).digest("hex").slice(0, 32);
  const record = stored && (store.get("sys_alias_templates", sysId!) ?? store.insert("sys_alias_templates", { ...stored, sys_id: sysId }, SYSTEM));
  if (record && stored && Object.entries(stored).some(([field, value]) => record.values[field] !== value)) store.update("sys_alias_templates", record.sysId, stored, SYSTEM);
  const selected = record?.sysId ?? "";
  if (alias.values.configuration_template !== selected) store.update("sys_alias", alias.sysId, { configuration_template: selected }, SYSTEM);
}

function removeSpoke(store: Store, name: SpokeName): void {
  const spoke = SPOKES[name];
  for (const r of store.findBy("sys_alias", "id", spoke.alias.id)) store.delete("sys_alias", r.sysId, SYSTEM);
  for (const p of spoke.properties) for (const r of store.findBy("sys_properties", "name", p.name)) store.delete("sys_properties", r.sysId, SYSTEM);
}

export function seedInstance(
  store: Store,
  spokes: readonly SpokeName[],
  adminPassword: string | undefined,
  templates: Readonly<Record<SpokeName, AliasTemplateVariant>>,
): SeededCredentials {
  const admin = ensureUser(store, ADMIN_USER, "admin", { first_name: "System", last_name: "Administrator", email: "admin@example.com" }, adminPassword);
  const user = ensureUser(store, NON_ADMIN_USER, "itil", { first_name: "ITIL", last_name: "User", email: "itil.user@example.com" }, undefined);
  ensure(store, "sys_properties", { name: CLIENT_CREDENTIALS_PROPERTY }, { value: "true", type: "boolean", description: "Allow the client_credentials grant for inbound OAuth" });
  // An external client: the business rule gives it a client_id and a secret.
  const client = ensure(store, "oauth_entity", { name: OAUTH_CLIENT_NAME }, { type: "client", default_grant_type: "password" });
  for (const s of ALL_SPOKES) {
    if (spokes.includes(s)) seedSpoke(store, s, templates[s]);
    else removeSpoke(store, s);
  }
  return {
    admin,
    user,
    oauthClient: { clientId: client.values.client_id, clientSecret: store.secrets.open(client.values.client_secret) ?? "" },
  };
}
