/**
 * The corpus of bad inputs: what a new user (or a hostile value in stack config) may hand each
 * kind, with the input the failure must name. Each case starts from a valid resource of its
 * kind and changes one thing. Families (every URL input, every name input, every kind's
 * misspelt inputs) are generated from tables; the rest are written out.
 */

/** Planted in every secret and URL password: no message may contain it. */
export const secretMarker = "Hunter2secret";
const secretValue = (name: string) => `${name}-${secretMarker}-0123456789`;

/** A valid resource of each kind: the corpus changes one input at a time. */
export const validInputs: Record<string, Record<string, unknown>> = {
  SystemProperty: { name: "x_acme.integration.level", value: "3" },
  ConnectionAlias: { aliasId: "x_acme_hr.Workday", name: "Workday" },
  HttpConnection: { connectionAlias: "x_acme_hr.Workday", connectionName: "Workday", connectionUrl: "https://wd2.workday.com", attributes: { x_api_token: secretValue("attr") } },
  BasicAuthCredential: { name: "Workday integration", userName: "svc_servicenow", password: secretValue("basic") },
  ApiKeyCredential: { name: "Acme API key", apiKey: secretValue("apikey") },
  OAuth2Credential: { name: "Acme OAuth", oauthEntityProfileSysId: "0123456789abcdef0123456789abcdef" },
  OAuthProvider: { name: "Acme OAuth", clientId: "0oa1b2c3d4", clientSecret: secretValue("provider"), tokenUrl: "https://login.acme.com/oauth2/token", scopes: ["read"] },
  OAuthExternalClient: { name: "Terraform Cloud", clientSecret: secretValue("external"), redirectUrl: "https://tool.example.com/callback" },
  IntegrationUser: { userName: "svc.terraform", password: secretValue("user"), roles: ["itil"], firstName: "Terraform" },
  RestApiKey: { name: "WorkBoard", userSysId: "0123456789abcdef0123456789abcdef", expiresAt: "2099-06-30 00:00:00", apis: ["table"], token: secretValue("restapikey") },
  TableRecord: { table: "u_acme_settings", fields: { u_name: "default", u_level: "3" }, key: ["u_name"], secretFields: { u_token: secretValue("field") } },
  SumTotalConnection: { connectionUrl: "https://acme.sumtotal.host", oauthEntityName: "SumTotal OAuth", oauthClientId: "servicenow-client", oauthClientSecret: secretValue("sumtotal") },
  QualtricsConnection: {
    connectionUrl: "https://acme.qualtrics.com/API/v3",
    xApiToken: secretValue("xapi"),
    oauthName: "Qualtrics OAuth",
    oauthClientId: "a1b2c3d4e5",
    oauthClientSecret: secretValue("qualtrics"),
    tokenUrl: "https://iad1.qualtrics.com/oauth2/token",
  },
  OktaApiKeyCredential: { name: "Okta API key", apiKey: secretValue("okta"), verifyAtOrgUrl: "https://acme.okta.com" },
  OktaConnection: { connectionUrl: "https://acme.okta.com", credentialSysId: "0123456789abcdef0123456789abcdef" },
  OktaOAuthConnection: { connectionUrl: "https://acme.okta.com", clientId: "0oa1b2c3d4e5f6g7h8", clientSecret: secretValue("oktaoauth") },
  SpokeConnection: {
    connectionAlias: "sn_workday_spoke.Workday",
    connectionUrl: "https://wd2-impl-services1.workday.com",
    credentialType: "oauth2_client_credentials",
    oauthEntityName: "Workday OAuth",
    clientId: "servicenow",
    clientSecret: secretValue("spoke"),
    tokenUrl: "https://wd2-impl-services1.workday.com/ccx/oauth2/acme/token",
    scopes: ["read"],
    properties: { "sn_workday_spoke.tenant": "acme" },
  },
};

export interface BadInput {
  readonly kind: string;
  /** What is wrong, for the test's title. */
  readonly what: string;
  readonly inputs: Record<string, unknown>;
  /** The input the failure must name (a nested one as `fields.u_name`). */
  readonly property: string;
  /** What the message must say. */
  readonly says: RegExp;
}

const bad = (kind: string, what: string, change: Record<string, unknown>, property: string, says: RegExp): BadInput => ({
  kind,
  what,
  inputs: { ...validInputs[kind], ...change },
  property,
  says,
});

/** Every URL input: [kind, input, is it a base URL (no query)]. */
const urlInputs: readonly [string, string, boolean][] = [
  ["HttpConnection", "connectionUrl", true],
  ["OAuthProvider", "tokenUrl", false],
  ["OAuthProvider", "authorizationUrl", false],
  ["OAuthProvider", "redirectUrl", false],
  ["OAuthProvider", "revokeUrl", false],
  ["OAuthExternalClient", "redirectUrl", false],
  ["SumTotalConnection", "connectionUrl", true],
  ["SumTotalConnection", "oauthTokenUrl", false],
  ["QualtricsConnection", "connectionUrl", true],
  ["QualtricsConnection", "tokenUrl", true],
  ["OktaApiKeyCredential", "verifyAtOrgUrl", true],
  ["OktaConnection", "connectionUrl", true],
  ["OktaOAuthConnection", "connectionUrl", true],
  ["OktaOAuthConnection", "authorizationUrl", false],
  ["OktaOAuthConnection", "tokenUrl", false],
  ["OktaOAuthConnection", "revokeUrl", false],
  ["OktaOAuthConnection", "redirectUrl", false],
  ["SpokeConnection", "connectionUrl", true],
  ["SpokeConnection", "tokenUrl", false],
];

/** A URL the input would accept, so that one change at a time is tested. */
function goodUrl(kind: string, input: string): string {
  const current = validInputs[kind]![input];
  if (typeof current === "string") return current;
  if (kind.startsWith("Okta")) return "https://acme.okta.com/oauth2/v1/authorize";
  if (kind === "SumTotalConnection") return "https://acme.sumtotal.host/apisecurity/connect/token";
  return "https://login.acme.com/oauth2/authorize";
}

function withUserInfo(value: string): string {
  const url = new URL(value);
  url.username = "svc";
  url.password = secretMarker;
  return url.toString();
}

const urlCases: BadInput[] = urlInputs.flatMap(([kind, input, base]) => {
  const good = goodUrl(kind, input);
  const cases = [
    bad(kind, "credentials in the URL", { [input]: withUserInfo(good) }, input, /must not hold a user name or password/),
    bad(kind, "a fragment", { [input]: `${good}#${secretMarker}` }, input, /must not have a fragment/),
    bad(kind, "not a URL", { [input]: `${secretMarker} not a url` }, input, /must be an absolute URL/),
    bad(kind, "plain http to a remote host", { [input]: good.replace("https:", "http:") }, input, /must use https/),
    bad(kind, "another scheme", { [input]: good.replace("https:", "ftp:") }, input, /must use https/),
  ];
  if (base) cases.push(bad(kind, "a query string", { [input]: `${good}?token=${secretMarker}` }, input, /must not have a query string/));
  return cases;
});

/** Every input that names a record (and so is looked up by it): [kind, input, column size (default 100)]. */
const nameInputs: readonly [string, string, number?][] = [
  ["ConnectionAlias", "name", 255],
  ["HttpConnection", "connectionName"],
  ["BasicAuthCredential", "name"],
  ["ApiKeyCredential", "name"],
  ["OAuth2Credential", "name"],
  ["OAuthProvider", "name"],
  ["OAuthExternalClient", "name"],
  ["SumTotalConnection", "oauthEntityName"],
  ["SumTotalConnection", "connectionName"],
  ["QualtricsConnection", "oauthName"],
  ["OktaApiKeyCredential", "name"],
  ["OktaOAuthConnection", "oauthEntityName"],
  ["SpokeConnection", "credentialName"],
];

const nameCases: BadInput[] = nameInputs.flatMap(([kind, input, size = 100]) => [
  bad(kind, "a ^ that would add a query condition", { [input]: "Acme^ORname=glide.servlet.uri" }, input, /must not contain `\^`/),
  bad(kind, "only whitespace", { [input]: "   " }, input, /must not be empty/),
  bad(kind, "a trailing newline", { [input]: "Acme OAuth\n" }, input, /control characters/),
  bad(kind, "a leading space", { [input]: " Acme OAuth" }, input, /must not start or end with whitespace/),
  bad(kind, "more than the column holds", { [input]: "A".repeat(size + 1) }, input, new RegExp(`at most ${size} characters`)),
]);

/** Misspelt inputs a user could write: [kind, the misspelling, the input meant]. */
const misspellings: readonly [string, string, string][] = [
  ["SystemProperty", "deleteBehaviour", "deleteBehavior"],
  ["SystemProperty", "Value", "value"],
  ["SystemProperty", "private", "isPrivate"],
  ["HttpConnection", "midserver", "midServer"],
  ["HttpConnection", "timeout", "timeoutMs"],
  ["HttpConnection", "credentialSysID", "credentialSysId"],
  ["IntegrationUser", "role", "roles"],
  ["IntegrationUser", "webServiceOnly", "webServiceAccessOnly"],
  ["SumTotalConnection", "oauthTokenURL", "oauthTokenUrl"],
  ["SumTotalConnection", "verifyCredential", "verifyCredentials"],
  ["SpokeConnection", "credentialname", "credentialName"],
  ["SpokeConnection", "scope", "scopes"],
  ["QualtricsConnection", "directoryID", "directoryId"],
  ["QualtricsConnection", "tokenURL", "tokenUrl"],
  ["OktaOAuthConnection", "revokeURL", "revokeUrl"],
  ["OktaOAuthConnection", "apiversion", "apiVersion"],
  ["OktaApiKeyCredential", "verifyAtOrgURL", "verifyAtOrgUrl"],
  ["OAuthProvider", "grant_type", "grantType"],
  ["OAuthExternalClient", "clientID", "clientId"],
  ["TableRecord", "keys", "key"],
  ["ConnectionAlias", "multipleConnection", "multipleConnections"],
  ["OktaConnection", "credentialId", "credentialSysId"],
  ["RestApiKey", "expires", "expiresAt"],
  ["RestApiKey", "api", "apis"],
];

const misspeltCases: BadInput[] = misspellings.map(([kind, wrong, meant]) =>
  bad(kind, `the misspelt input ${wrong}`, { [wrong]: "true" }, wrong, new RegExp(`is not an input of ${kind}\\. Did you mean \`${meant}\`\\?`)),
);

const okta = "OktaOAuthConnection";

/** Written out: hosts, credentials, whitespace, lengths and lookup keys. */
const writtenCases: BadInput[] = [
  // Hosts that only look like the vendor's.
  bad("QualtricsConnection", "the vendor's name in the path of another host", { connectionUrl: "https://evil.example.com/x.qualtrics.com/API/v3" }, "connectionUrl", /must have the path \/API\/v3/),
  bad("QualtricsConnection", "a token URL with the vendor's name in the path", { tokenUrl: "https://evil.example.com/a.qualtrics.com/oauth2/token" }, "tokenUrl", /must have the path \/oauth2\/token/),
  bad("QualtricsConnection", "another host with the form's path", { connectionUrl: "https://evil.example.com/API/v3" }, "connectionUrl", /is on evil\.example\.com, not on a domain of Qualtrics/),
  bad("QualtricsConnection", "a token URL on another host", { tokenUrl: "https://evil.example.com/oauth2/token" }, "tokenUrl", /not on a domain of Qualtrics.*customDomain: "evil\.example\.com"/),
  bad("QualtricsConnection", "a lookalike host", { connectionUrl: "https://acme.qualtrics.com.evil.example/API/v3" }, "connectionUrl", /not on a domain of Qualtrics/),
  bad("QualtricsConnection", "the wrong path", { connectionUrl: "https://acme.qualtrics.com/API/v2" }, "connectionUrl", /must have the path \/API\/v3/),
  bad("QualtricsConnection", "a token URL without /oauth2/token", { tokenUrl: "https://iad1.qualtrics.com/token" }, "tokenUrl", /must have the path \/oauth2\/token/),
  bad("QualtricsConnection", "a customDomain with a scheme", { customDomain: "https://survey.acme.com" }, "customDomain", /lowercase host name/),
  bad("OktaConnection", "an org URL that is not Okta's", { connectionUrl: "https://evil.example.com" }, "connectionUrl", /not on a domain of Okta \(okta\.com, oktapreview\.com/),
  bad("OktaConnection", "a lookalike Okta host", { connectionUrl: "https://acme.okta.com.evil.example" }, "connectionUrl", /not on a domain of Okta/),
  bad("OktaConnection", "a host that ends like Okta's without the dot", { connectionUrl: "https://evilokta.com" }, "connectionUrl", /not on a domain of Okta/),
  bad("OktaApiKeyCredential", "a verification URL that would receive the token elsewhere", { verifyAtOrgUrl: "https://collector.example.com" }, "verifyAtOrgUrl", /not on a domain of Okta/),
  bad(okta, "an org URL that is not Okta's", { connectionUrl: "https://idp.example.com" }, "connectionUrl", /not on a domain of Okta/),
  bad(okta, "a token URL on another host", { tokenUrl: "https://collector.example.com/oauth2/v1/token" }, "tokenUrl", /not on a domain of Okta/),
  bad(okta, "an authorization URL on another host", { authorizationUrl: "https://collector.example.com/authorize" }, "authorizationUrl", /not on a domain of Okta/),
  bad(okta, "a revoke URL on another host", { revokeUrl: "https://collector.example.com/revoke" }, "revokeUrl", /not on a domain of Okta/),
  // The admin console's host, copied from the browser: the org URL is the same without -admin.
  bad("OktaConnection", "the admin console's URL", { connectionUrl: "https://acme-admin.okta.com" }, "connectionUrl", /acme-admin\.okta\.com, Okta's admin console: use https:\/\/acme\.okta\.com, the org URL without -admin/),
  bad("OktaConnection", "a preview org's admin console", { connectionUrl: "https://acme-admin.oktapreview.com" }, "connectionUrl", /use https:\/\/acme\.oktapreview\.com, the org URL without -admin/),
  bad("OktaApiKeyCredential", "a verification URL on the admin console", { verifyAtOrgUrl: "https://acme-admin.okta-emea.com" }, "verifyAtOrgUrl", /use https:\/\/acme\.okta-emea\.com, the org URL/),
  bad(okta, "an org URL on the admin console", { connectionUrl: "https://dev-123456-admin.okta.com" }, "connectionUrl", /use https:\/\/dev-123456\.okta\.com, the org URL/),
  bad(okta, "a token URL on the admin console", { tokenUrl: "https://acme-admin.okta.com/oauth2/v1/token" }, "tokenUrl", /Okta's admin console/),
  bad(okta, "a custom domain that is not the one used", { customDomain: "login.acme.com", tokenUrl: "https://login.other.com/oauth2/v1/token" }, "tokenUrl", /login\.other\.com/),
  bad("SumTotalConnection", "a token URL on another host than the site", { oauthTokenUrl: "https://collector.example.com/apisecurity/connect/token" }, "oauthTokenUrl", /not on the host of `connectionUrl`/),
  bad("SumTotalConnection", "a customDomain with a path", { customDomain: "acme.sumtotal.host/x" }, "customDomain", /lowercase host name/),
  // Secrets and identifiers that are blank, padded or only a prefix.
  bad("OktaApiKeyCredential", "only the SSWS prefix", { apiKey: "SSWS" }, "apiKey", /the API token from Okta/),
  bad("OktaApiKeyCredential", "the prefix and a space", { apiKey: "SSWS  " }, "apiKey", /whitespace|API token/),
  bad("OktaApiKeyCredential", "a token with a space inside", { apiKey: `SSWS two ${secretMarker}` }, "apiKey", /as one word/),
  bad("OktaApiKeyCredential", "an empty key", { apiKey: "" }, "apiKey", /must not be empty/),
  bad("ApiKeyCredential", "a key with a pasted newline", { apiKey: `${secretMarker}\n` }, "apiKey", /whitespace/),
  bad("BasicAuthCredential", "a blank user name", { userName: "  " }, "userName", /must not be empty/),
  bad("BasicAuthCredential", "a user name with a newline", { userName: "svc\n" }, "userName", /control characters/),
  bad("BasicAuthCredential", "a password of spaces", { password: "    " }, "password", /must not be empty/),
  bad("SpokeConnection", "a blank client id", { clientId: "   " }, "clientId", /must not be empty/),
  bad("SpokeConnection", "a basic user name of spaces", { credentialType: "basic", userName: "  ", password: secretValue("p") }, "userName", /must not be empty/),
  bad(okta, "a client id with a trailing newline", { clientId: "0oa1b2c3d4e5f6g7h8\n" }, "clientId", /control characters/),
  bad("OAuthProvider", "a blank client id", { clientId: " " }, "clientId", /must not be empty/),
  bad("OAuthProvider", "a client id padded with spaces", { clientId: " 0oa1b2c3d4 " }, "clientId", /whitespace/),
  bad("QualtricsConnection", "a blank client id", { oauthClientId: "\t" }, "oauthClientId", /must not be empty/),
  bad("SumTotalConnection", "a client id longer than the column", { oauthClientId: "c".repeat(256) }, "oauthClientId", /at most 255/),
  bad("OAuthExternalClient", "a client secret that is too short", { clientSecret: "short-secret" }, "clientSecret", /at least 16 characters/),
  bad("OAuthExternalClient", "a client id with spaces", { clientId: "my tool client" }, "clientId", /letters, digits/),
  // Column sizes and shapes.
  bad("IntegrationUser", "a 300-character user name", { userName: "u".repeat(300) }, "userName", /at most 40 characters/),
  bad("IntegrationUser", "a user name with a space", { userName: "svc terraform" }, "userName", /letters, digits/),
  bad("IntegrationUser", "a first name with a newline", { firstName: "Terra\nform" }, "firstName", /control characters/),
  bad("IntegrationUser", "a last name longer than the column", { lastName: "L".repeat(51) }, "lastName", /at most 50/),
  bad("IntegrationUser", "a role with a caret", { roles: ["itil^ORname=admin"] }, "roles.0", /role name/),
  bad("IntegrationUser", "a blank password", { password: "" }, "password", /must not be empty/),
  bad("TableRecord", "a 102-character table name", { table: "u".repeat(102) }, "table", /at most 80 characters/),
  bad("TableRecord", "a table name with a dot", { table: "u_acme.settings" }, "table", /table name/),
  bad("TableRecord", "an empty secret field", { secretFields: { u_token: "" } }, "secretFields.u_token", /must not be empty/),
  bad("TableRecord", "a key value with a caret", { fields: { u_name: "default^ORu_level=9", u_level: "3" } }, "fields.u_name", /must not contain `\^`/),
  bad("TableRecord", "a key value with a newline", { fields: { u_name: "default\nx", u_level: "3" } }, "fields.u_name", /control characters/),
  bad("TableRecord", "an empty key value", { fields: { u_name: "", u_level: "3" } }, "fields.u_name", /must not be empty/),
  bad("TableRecord", "a key naming a column not in fields", { key: ["u_other"] }, "key", /u_other, which is not in `fields`/),
  bad("TableRecord", "a key column that is not a column name", { key: ["u name"] }, "key.0", /column name/),
  bad("SpokeConnection", "a property key that rewrites the lookup", { properties: { "sn_x.a^ORname=glide.servlet.uri": "evil" } }, "properties.sn_x.a^ORname=glide.servlet.uri", /dotted property name/),
  bad("SpokeConnection", "a property key with a space", { properties: { "sn_x.a b": "1" } }, "properties.sn_x.a b", /dotted property name/),
  bad("SpokeConnection", "a property value that is not text", { properties: { "sn_x.a": 3 } }, "properties.sn_x.a", /values must be strings/),
  bad("SpokeConnection", "a scope with a caret", { scopes: ["read^ORname=admin"] }, "scopes.0", /must not contain `\^`/),
  bad("SpokeConnection", "a scope with a space", { scopes: ["read write"] }, "scopes.0", /one word/),
  bad("OAuthProvider", "a scope with a caret", { scopes: ["a^b"] }, "scopes.0", /must not contain `\^`/),
  bad(okta, "an empty scope", { scopes: [""] }, "scopes.0", /must not be empty/),
  bad("SystemProperty", "a name with a caret", { name: "x_acme.a^ORname=glide.servlet.uri" }, "name", /dotted property name/),
  bad("SystemProperty", "a name longer than the column", { name: `x_acme.${"a".repeat(100)}` }, "name", /at most 100/),
  // ServiceNow's own definitions (scripts/servicenow-tables): what an instance would cut or not know.
  bad("SystemProperty", "a value longer than sys_properties.value", { value: "v".repeat(4001) }, "value", /at most 4000 characters \(the size of sys_properties\.value.*keep a longer text/),
  bad("SystemProperty", "a type ServiceNow spells otherwise", { type: "time_zone" }, "type", /one of ServiceNow's property types: .*timezone/),
  bad("ConnectionAlias", "an alias id longer than sys_alias.id", { aliasId: `x_acme.${"a".repeat(250)}` }, "aliasId", /at most 255 characters/),
  bad("SpokeConnection", "an alias id longer than sys_alias.id", { connectionAlias: `sn_x.${"a".repeat(251)}` }, "connectionAlias", /at most 255 characters/),
  bad("IntegrationUser", "a password longer than sys_user.user_password", { password: `${secretMarker}${"p".repeat(100)}` }, "password", /at most 100 characters/),
  bad("ConnectionAlias", "an alias id with a caret", { aliasId: "x_acme.a^b" }, "aliasId", /<scope>\.<name>/),
  bad("HttpConnection", "an attribute key that is not a column", { attributes: { "X-API-TOKEN": secretValue("a") } }, "attributes.X-API-TOKEN", /attribute column names/),
  bad("HttpConnection", "a blank attribute value", { attributes: { x_api_token: " " } }, "attributes.x_api_token", /must not be empty/),
  bad("OAuth2Credential", "a profile that is not a sys_id", { oauthEntityProfileSysId: "Acme OAuth" }, "oauthEntityProfileSysId", /32 lowercase hex/),
  // REST API keys (a user that does not exist is found by preflight: test/lifecycle/rest-api-key.test.ts).
  bad("RestApiKey", "an expiry in the past", { expiresAt: "2020-01-01 00:00:00" }, "expiresAt", /is in the past/),
  bad("RestApiKey", "an expiry in ISO form", { expiresAt: "2099-06-30T00:00:00Z" }, "expiresAt", /YYYY-MM-DD HH:mm:ss/),
  bad("RestApiKey", "an expiry that is not a date", { expiresAt: "2099-13-45 00:00:00" }, "expiresAt", /not a real date/),
  bad("RestApiKey", "an unknown API name", { apis: ["table", "graphql"] }, "apis.1", /must be one of table, attachment, aggregate, import/),
  bad("RestApiKey", "no API at all", { apis: [] }, "apis", /at least one API/),
  bad("RestApiKey", "a user that is not a sys_id", { userSysId: "svc.workboard" }, "userSysId", /32 lowercase hex/),
  bad("RestApiKey", "a token that is too short", { token: `${secretMarker}` }, "token", /at least 32 characters/),
  bad("RestApiKey", "a key name with a caret", { name: "WorkBoard^ORname=admin" }, "name", /must not contain `\^`/),
  bad("RestApiKey", "a key name longer than its suffixes allow", { name: "K".repeat(81) }, "name", /at most 80/),
  bad("RestApiKey", "an unknown sign-in to keep", { alsoAccept: ["saml"] }, "alsoAccept.0", /basic or oauth/),
];

export const badInputs: readonly BadInput[] = [...urlCases, ...nameCases, ...misspeltCases, ...writtenCases];
