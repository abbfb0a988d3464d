import type { FieldInput, RunningEmulator } from "../../emulator";

/**
 * One case per resource kind, run through the same lifecycle tests (kinds.test.ts): what to
 * create, one in-place update, a change made behind Pulumi's back, and (where the kind has
 * secrets) a secret rewritten behind its back.
 */
export interface KindCase {
  readonly kind: string;
  /** Valid inputs; may depend on records made first (a credential for a connection). */
  inputs(emulator: RunningEmulator): Record<string, unknown>;
  /** Inputs to change in place (no replacement). */
  readonly update: Record<string, unknown> | ((emulator: RunningEmulator) => Record<string, unknown>);
  /** A column changed in the UI; `input` is the input that refresh should show it on. */
  readonly drift: { readonly step: string; readonly fields: FieldInput; readonly input?: string };
  /** A secret column rewritten in the UI. */
  readonly secretDrift?: { readonly step: string; readonly column: string; readonly original: string };
  /** Spoke forms: a new value for each field, each applied in place in turn. */
  readonly eachField?: Record<string, unknown>;
  /** Whether an existing record makes create fail unless `adopt: true` (false: adopted by default). */
  readonly conflictsWithoutAdopt: boolean;
}

const qualtricsInputs = {
  connectionUrl: "https://acme.qualtrics.com/API/v3",
  xApiToken: "qualtrics-api-token-1",
  oauthName: "Qualtrics OAuth",
  oauthClientId: "qualtrics-client",
  oauthClientSecret: "qualtrics-secret-1",
  tokenUrl: "https://iad1.qualtrics.com/oauth2/token",
  directoryId: "POOL_1a2B3c",
};

export const kindCases: readonly KindCase[] = [
  {
    kind: "SystemProperty",
    inputs: () => ({ name: "x_acme.lifecycle.level", value: "3", description: "test level" }),
    update: { value: "4" },
    drift: { step: "property", fields: { value: "99" }, input: "value" },
    conflictsWithoutAdopt: false,
  },
  {
    kind: "ConnectionAlias",
    inputs: () => ({ aliasId: "x_acme_hr.Workday", name: "Workday" }),
    update: { multipleConnections: true },
    drift: { step: "alias", fields: { name: "Renamed" }, input: "name" },
    conflictsWithoutAdopt: true,
  },
  {
    kind: "HttpConnection",
    inputs: () => ({ connectionAlias: "sn_okta_spoke.Okta", connectionName: "Okta lifecycle", connectionUrl: "https://acme.okta.com" }),
    update: { connectionUrl: "https://acme-2.okta.com" },
    drift: { step: "connection", fields: { connection_url: "https://evil.example.com" }, input: "connectionUrl" },
    conflictsWithoutAdopt: true,
  },
  {
    kind: "BasicAuthCredential",
    inputs: () => ({ name: "Workday basic", userName: "svc_sn", password: "basic-password-1" }),
    update: { userName: "svc_sn2" },
    drift: { step: "credential", fields: { user_name: "someone" }, input: "userName" },
    secretDrift: { step: "credential", column: "password", original: "basic-password-1" },
    conflictsWithoutAdopt: true,
  },
  {
    kind: "ApiKeyCredential",
    inputs: () => ({ name: "Acme key", apiKey: "api-key-value-1" }),
    update: { apiKey: "api-key-value-2" },
    drift: { step: "credential", fields: { active: false } },
    secretDrift: { step: "credential", column: "api_key", original: "api-key-value-2" },
    conflictsWithoutAdopt: true,
  },
  {
    kind: "OAuth2Credential",
    inputs: (emulator) => {
      const entity = emulator.insert("oauth_entity", { name: "Profile source", type: "oauth_provider", client_id: "x" });
      const profile = emulator.records("oauth_entity_profile", `oauth_entity=${entity.sys_id}`)[0]!;
      return { name: "Acme OAuth credential", oauthEntityProfileSysId: profile.sys_id };
    },
    update: (emulator) => {
      const entity = emulator.insert("oauth_entity", { name: "Second profile source", type: "oauth_provider", client_id: "y" });
      return { oauthEntityProfileSysId: emulator.records("oauth_entity_profile", `oauth_entity=${entity.sys_id}`)[0]!.sys_id };
    },
    drift: { step: "credential", fields: { oauth_entity_profile: "" }, input: "oauthEntityProfileSysId" },
    conflictsWithoutAdopt: true,
  },
  {
    kind: "OAuthProvider",
    inputs: () => ({ name: "Acme provider", clientId: "acme-id", clientSecret: "acme-secret-1", tokenUrl: "https://login.acme.com/oauth2/token", scopes: ["read", "write"] }),
    update: { scopes: ["read"], tokenUrl: "https://login2.acme.com/oauth2/token" },
    drift: { step: "entity", fields: { token_url: "https://evil.example.com/token" }, input: "tokenUrl" },
    secretDrift: { step: "entity", column: "client_secret", original: "acme-secret-1" },
    conflictsWithoutAdopt: true,
  },
  {
    kind: "OAuthExternalClient",
    inputs: () => ({ name: "Terraform Cloud", clientSecret: "tool-client-secret-0001", redirectUrl: "https://tool.example.com/callback" }),
    update: { accessTokenLifespan: 600 },
    drift: { step: "entity", fields: { redirect_url: "https://evil.example.com/cb" }, input: "redirectUrl" },
    secretDrift: { step: "entity", column: "client_secret", original: "tool-client-secret-0001" },
    conflictsWithoutAdopt: true,
  },
  {
    kind: "IntegrationUser",
    inputs: () => ({ userName: "svc.terraform", password: "user-password-1", roles: ["itil"] }),
    update: { firstName: "Terraform" },
    drift: { step: "user", fields: { web_service_access_only: false }, input: "webServiceAccessOnly" },
    secretDrift: { step: "user", column: "user_password", original: "user-password-1" },
    conflictsWithoutAdopt: true,
  },
  {
    kind: "RestApiKey",
    inputs: (emulator) => ({
      name: "WorkBoard lifecycle",
      userSysId: emulator.records("sys_user", "user_name=itil.user")[0]!.sys_id,
      token: "rest-api-key-token-1-0123456789abcdef",
    }),
    update: { description: "WorkBoard key results", expiresAt: "2099-06-30 00:00:00" },
    drift: { step: "key", fields: { active: false }, input: "active" },
    secretDrift: { step: "key", column: "token", original: "rest-api-key-token-1-0123456789abcdef" },
    conflictsWithoutAdopt: true,
  },
  {
    kind: "TableRecord",
    inputs: () => ({ table: "sys_properties", fields: { name: "x_acme.table_record", value: "1" }, key: ["name"] }),
    update: { fields: { name: "x_acme.table_record", value: "2" } },
    drift: { step: "record", fields: { value: "7" } },
    conflictsWithoutAdopt: true,
  },
  {
    kind: "SumTotalConnection",
    inputs: () => ({ connectionUrl: "https://acme.sumtotal.host", oauthEntityName: "SumTotal OAuth", oauthClientId: "sumtotal-client", oauthClientSecret: "sumtotal-secret-1" }),
    update: { connectionUrl: "https://acme2.sumtotal.host", oauthClientId: "sumtotal-client-2" },
    drift: { step: "entity", fields: { default_grant_type: "password" } },
    secretDrift: { step: "entity", column: "client_secret", original: "sumtotal-secret-1" },
    eachField: {
      connectionUrl: "https://acme3.sumtotal.host",
      oauthEntityName: "SumTotal OAuth 2",
      oauthClientId: "sumtotal-client-3",
      oauthClientSecret: "sumtotal-secret-3",
      oauthTokenUrl: "https://acme3.sumtotal.host/apisecurity/connect/token",
      connectionName: "SumTotal 2",
      active: false,
    },
    conflictsWithoutAdopt: true,
  },
  {
    kind: "QualtricsConnection",
    inputs: () => qualtricsInputs,
    update: { directoryId: "POOL_9z8Y7x", xApiToken: "qualtrics-api-token-2" },
    drift: { step: "connection", fields: { connection_url: "https://other.qualtrics.com/API/v3" }, input: "connectionUrl" },
    secretDrift: { step: "attribute-value:x_api_token", column: "value", original: "qualtrics-api-token-2" },
    eachField: {
      connectionUrl: "https://acme2.qualtrics.com/API/v3",
      xApiToken: "qualtrics-api-token-3",
      oauthName: "Qualtrics OAuth 2",
      oauthClientId: "qualtrics-client-3",
      oauthClientSecret: "qualtrics-secret-3",
      tokenUrl: "https://fra1.qualtrics.com/oauth2/token",
      directoryId: "POOL_zz9",
      connectionName: "Qualtrics 2",
      active: false,
    },
    conflictsWithoutAdopt: true,
  },
  {
    kind: "OktaApiKeyCredential",
    inputs: () => ({ name: "Okta API key", apiKey: "okta-token-1" }),
    update: { apiKey: "SSWS okta-token-2" },
    drift: { step: "credential", fields: { active: false } },
    secretDrift: { step: "credential", column: "api_key", original: "SSWS okta-token-2" },
    eachField: { apiKey: "okta-token-3" },
    conflictsWithoutAdopt: true,
  },
  {
    kind: "OktaConnection",
    inputs: (emulator) => {
      const credential = emulator.insert("api_key_credentials", { name: "Okta key for connection", api_key: "SSWS t" });
      return { connectionUrl: "https://acme.okta.com", credentialSysId: credential.sys_id };
    },
    update: { active: false },
    drift: { step: "connection", fields: { connection_url: "https://evil.okta.com" }, input: "connectionUrl" },
    eachField: { connectionUrl: "https://acme3.okta.com", connectionName: "Okta 3", active: false },
    conflictsWithoutAdopt: true,
  },
  {
    kind: "OktaOAuthConnection",
    inputs: () => ({ connectionUrl: "https://acme.okta.com", clientId: "0oa123", clientSecret: "okta-client-secret-1" }),
    update: { apiVersion: "v2" },
    drift: { step: "entity", fields: { auth_url: "https://evil.example.com/authorize" } },
    secretDrift: { step: "entity", column: "client_secret", original: "okta-client-secret-1" },
    eachField: {
      connectionUrl: "https://acme3.okta.com",
      apiVersion: "v2",
      clientId: "0oa456",
      clientSecret: "okta-client-secret-3",
      authorizationUrl: "https://acme3.okta.com/oauth2/v2/authorize-x",
      tokenUrl: "https://acme3.okta.com/oauth2/v2/token-x",
      revokeUrl: "https://acme3.okta.com/oauth2/v2/revoke-x",
      redirectUrl: "https://instance.example.com/oauth_redirect.do",
      scopes: ["okta.users.manage"],
      oauthEntityName: "Okta OAuth 2",
      connectionName: "Okta OAuth 2",
      active: false,
    },
    conflictsWithoutAdopt: true,
  },
  {
    kind: "SpokeConnection",
    inputs: () => ({
      connectionAlias: "sn_okta_spoke.Okta",
      connectionName: "Okta generic",
      connectionUrl: "https://acme.okta.com",
      credentialType: "basic",
      userName: "svc",
      password: "generic-password-1",
    }),
    update: { userName: "svc2" },
    drift: { step: "credential", fields: { user_name: "other" }, input: "userName" },
    secretDrift: { step: "credential", column: "password", original: "generic-password-1" },
    eachField: {
      connectionUrl: "https://acme3.okta.com",
      connectionName: "Okta generic 2",
      credentialName: "Generic credential 2",
      userName: "svc3",
      password: "generic-password-3",
      active: false,
    },
    conflictsWithoutAdopt: true,
  },
];
