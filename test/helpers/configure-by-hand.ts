import type { RunningEmulator } from "../../emulator";
import { basicAuthHeader } from "./emulator";

/**
 * An instance configured by hand, the way an admin does it in the UI: each spoke's Configure
 * form (OAuth entity, its scope on the default profile, the credential, the connection, the
 * Qualtrics X-API-TOKEN and directory property), the Okta API key path, a custom spoke (an alias
 * of its own, a basic-auth connection, two properties), a connection of a type no kind covers,
 * and, for `--include`, an external OAuth client and an integration user. Every write goes
 * through the Table API as admin; secrets are typed in as display values, as the form does.
 */

export interface HandConfiguration {
  readonly sumtotal: { readonly connectionUrl: string; readonly clientId: string };
  readonly qualtrics: { readonly connectionUrl: string; readonly clientId: string; readonly directoryId: string };
  readonly okta: { readonly connectionUrl: string };
  /** The custom spoke and its properties; absent: not configured on this instance. */
  readonly workday?: { readonly connectionUrl: string; readonly batchSize: string };
  /** An OAuth client and an integration user for an external tool. */
  readonly externalTool?: boolean;
  /** A connection of a type no kind writes (a plain sys_connection). */
  readonly legacyConnection?: boolean;
}

/** The secrets typed into the forms, by what the form calls them. */
export interface HandSecrets {
  readonly [field: string]: string;
}

export const demoDev: HandConfiguration = {
  sumtotal: { connectionUrl: "https://acme-dev.sumtotal.host", clientId: "servicenow-dev" },
  qualtrics: { connectionUrl: "https://acmedev.qualtrics.com/API/v3", clientId: "servicenow-dev", directoryId: "POOL_dev1a2B3c" },
  okta: { connectionUrl: "https://acme-dev.okta.com" },
  workday: { connectionUrl: "https://wd2-impl-services1.workday.com", batchSize: "100" },
  externalTool: true,
  legacyConnection: true,
};

export const demoProd: HandConfiguration = {
  sumtotal: { connectionUrl: "https://acme.sumtotal.host", clientId: "servicenow-prod" },
  qualtrics: { connectionUrl: "https://acme.qualtrics.com/API/v3", clientId: "servicenow-prod", directoryId: "POOL_prod9z8Y7x" },
  okta: { connectionUrl: "https://acme.okta.com" },
};

export async function configureByHand(emulator: RunningEmulator, setup: HandConfiguration, tag: string): Promise<HandSecrets> {
  const table = tableApi(emulator);
  const secrets: Record<string, string> = {};
  // One word, as vendors issue them (an Okta token with a space in it is refused at check).
  const secret = (field: string): string => (secrets[field] = `${tag}-${field.replace(/\s+/g, "-")}-${Math.random().toString(36).slice(2, 10)}-hand-typed`);
  const alias = async (id: string): Promise<string> => (await table.list("sys_alias", `id=${id}`))[0]!.sys_id!;

  /** The OAuth part of a spoke's form: entity (the instance adds its default profile), scope, credential. */
  const oauthForm = async (name: string, clientId: string, clientSecret: string, tokenUrl: string, scope: string): Promise<string> => {
    const entity = await table.create("oauth_entity", { name, type: "oauth_provider", client_id: clientId, default_grant_type: "client_credentials", token_url: tokenUrl }, { client_secret: clientSecret });
    const profile = (await table.list("oauth_entity_profile", `oauth_entity=${entity}^default=true`))[0]!.sys_id!;
    const scopeId = await table.create("oauth_entity_scope", { oauth_entity: entity, name: scope, oauth_entity_scope: scope });
    await table.create("oauth_entity_profile_scope", { oauth_entity_profile: profile, oauth_entity_scope: scopeId });
    return table.create("oauth_2_0_credentials", { name, oauth_entity_profile: profile, active: "true" });
  };

  const sumtotalCredential = await oauthForm("SumTotal OAuth", setup.sumtotal.clientId, secret("sumtotal OAuth Client Secret"), `${setup.sumtotal.connectionUrl}/apisecurity/connect/token`, "allapis");
  await table.create("http_connection", { name: "SumTotal", connection_alias: await alias("sn_sumtotal_spoke.SumTotal"), connection_url: setup.sumtotal.connectionUrl, credential: sumtotalCredential, active: "true" });

  const qualtricsCredential = await oauthForm("Qualtrics OAuth", setup.qualtrics.clientId, secret("qualtrics OAuth Client Secret"), "https://iad1.qualtrics.com/oauth2/token", "manage:all");
  const qualtricsAlias = await alias("sn_qualtrics_spoke.Qualtrics");
  const qualtrics = await table.create("http_connection", { name: "Qualtrics", connection_alias: qualtricsAlias, connection_url: setup.qualtrics.connectionUrl, credential: qualtricsCredential, active: "true" });
  const token = (await table.list("var_dictionary", `model_table=sys_alias^model_id=${qualtricsAlias}^element=x_api_token`))[0]!.sys_id!;
  await table.create("sys_variable_value", { document: "http_connection", document_key: qualtrics, variable: token }, { value: secret("qualtrics X-API-TOKEN") });
  const directory = (await table.list("sys_properties", "name=sn_qualtrics_spoke.qualtrics_directory"))[0]!.sys_id!;
  await table.update("sys_properties", directory, { value: setup.qualtrics.directoryId });

  const oktaKey = await table.create("api_key_credentials", { name: "Okta API key", active: "true" }, { api_key: `SSWS ${secret("okta API token")}` });
  await table.create("http_connection", { name: "Okta", connection_alias: await alias("sn_okta_spoke.Okta"), connection_url: setup.okta.connectionUrl, credential: oktaKey, active: "true" });

  if (setup.workday) {
    const workday = await table.create("sys_alias", { id: "x_acme_integrations.Workday", name: "Workday", type: "connection", connection_type: "http_connection" });
    const basic = await table.create("basic_auth_credentials", { name: "Workday integration", user_name: "svc_servicenow", active: "true" }, { password: secret("workday Password") });
    await table.create("http_connection", { name: "Workday", connection_alias: workday, connection_url: setup.workday.connectionUrl, credential: basic, active: "true" });
    await table.create("sys_properties", { name: "x_acme_integrations.sync.enabled", value: "true", type: "boolean" });
    await table.create("sys_properties", { name: "x_acme_integrations.sync.batch_size", value: setup.workday.batchSize, type: "integer" });
    if (setup.legacyConnection) await table.create("sys_connection", { name: "Workday legacy", connection_alias: workday, active: "true" });
  }
  if (setup.externalTool) {
    await table.create("oauth_entity", { name: "WorkBoard", type: "client", client_id: "workboard-client-0001", redirect_url: "https://www.myworkboard.com/wb/oauth/servicenow" }, { client_secret: secret("WorkBoard Client Secret") });
    const user = await table.create("sys_user", { user_name: "svc.workboard", first_name: "WorkBoard", last_name: "Integration", web_service_access_only: "true", active: "true", identity_type: "machine" }, { user_password: secret("svc.workboard Password") });
    const itil = (await table.list("sys_user_role", "name=itil"))[0]!.sys_id!;
    await table.create("sys_user_has_role", { user, role: itil });
  }
  return secrets;
}

/** The Table API as an admin at the UI uses it: plain columns first, then secrets typed in. */
function tableApi(emulator: RunningEmulator) {
  const headers = { authorization: basicAuthHeader(emulator.admin), "content-type": "application/json", accept: "application/json" };
  const send = async (method: string, path: string, body?: unknown): Promise<Record<string, string>> => {
    const response = await fetch(`${emulator.url}/api/now/table/${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${await response.text()}`);
    return ((await response.json()) as { result: Record<string, string> }).result;
  };
  const withSecrets = async (tableName: string, sysId: string, secrets: Record<string, string>): Promise<void> => {
    if (Object.keys(secrets).length > 0) await send("PATCH", `${tableName}/${sysId}?sysparm_input_display_value=true`, secrets);
  };
  return {
    list: async (tableName: string, query: string): Promise<Record<string, string>[]> => {
      const response = await fetch(`${emulator.url}/api/now/table/${tableName}?sysparm_exclude_reference_link=true&sysparm_query=${encodeURIComponent(query)}`, { headers });
      return ((await response.json()) as { result: Record<string, string>[] }).result;
    },
    create: async (tableName: string, fields: Record<string, string>, secrets: Record<string, string> = {}): Promise<string> => {
      const created = await send("POST", `${tableName}?sysparm_exclude_reference_link=true`, fields);
      await withSecrets(tableName, created.sys_id!, secrets);
      return created.sys_id!;
    },
    update: async (tableName: string, sysId: string, fields: Record<string, string>): Promise<void> => {
      await send("PATCH", `${tableName}/${sysId}`, fields);
    },
  };
}
