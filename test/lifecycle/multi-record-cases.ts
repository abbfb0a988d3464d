/** Multi-record kinds, with inputs; each must create all-or-nothing. */
export const multiRecordCases: readonly [kind: string, inputs: Record<string, unknown>][] = [
  ["SumTotalConnection", { connectionUrl: "https://acme.sumtotal.host", oauthEntityName: "SumTotal OAuth", oauthClientId: "id", oauthClientSecret: "sumtotal-secret" }],
  [
    "QualtricsConnection",
    {
      connectionUrl: "https://acme.qualtrics.com/API/v3",
      xApiToken: "qualtrics-token",
      oauthName: "Qualtrics OAuth",
      oauthClientId: "id",
      oauthClientSecret: "qualtrics-secret",
      tokenUrl: "https://iad1.qualtrics.com/oauth2/token",
      directoryId: "POOL_abc",
    },
  ],
  ["OktaOAuthConnection", { connectionUrl: "https://acme.okta.com", clientId: "0oa1", clientSecret: "okta-secret", scopes: ["okta.users.manage"] }],
  ["OAuthProvider", { name: "Acme", clientId: "c", clientSecret: "acme-secret", tokenUrl: "https://login.acme.com/token", scopes: ["a", "b"] }],
  ["IntegrationUser", { userName: "svc.tx", password: "user-password", roles: ["itil", "admin"] }],
  [
    "SpokeConnection",
    {
      connectionAlias: "sn_qualtrics_spoke.Qualtrics",
      connectionName: "Generic",
      connectionUrl: "https://x.example.com",
      credentialType: "oauth2_client_credentials",
      oauthEntityName: "Generic OAuth",
      clientId: "c",
      clientSecret: "generic-secret",
      tokenUrl: "https://x.example.com/token",
      scopes: ["a"],
      attributes: { x_api_token: "generic-token" },
      properties: { "sn_qualtrics_spoke.qualtrics_directory": "POOL_gen" },
    },
  ],
];

