import type { AuthMode } from "./provider-config";

/**
 * Every setting, with its stack-config key and the environment variables that stand in for it,
 * in order of precedence. One table, so that resolution, error messages and docs agree.
 */
export interface ConfigKey {
  /** Property name, e.g. `instanceUrl`. */
  readonly name: SettingName;
  /** Stack configuration key, e.g. `servicenow:instanceUrl`. */
  readonly key: string;
  /** Environment fallbacks: `SERVICENOW_<UPPER_SNAKE>`, then the Ansible `SN_*` name if any. */
  readonly envVars: readonly string[];
  /** A secret: never echoed, examples use `pulumi config set --secret`. */
  readonly secret: boolean;
  /** Placeholder used in example commands. */
  readonly example: string;
  /** One sentence for the docs and the package schema. */
  readonly description: string;
}

export type SettingName =
  | "instanceUrl"
  | "username"
  | "password"
  | "clientId"
  | "clientSecret"
  | "grantType"
  | "refreshToken"
  | "apiKey"
  | "accessToken"
  | "timeoutSeconds"
  | "maxConcurrency"
  | "maxRetries";

function setting(name: SettingName, ansible: string | undefined, secret: boolean, example: string, description: string): ConfigKey {
  const snake = name.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase();
  const envVars = [`SERVICENOW_${snake}`, ...(ansible ? [ansible] : [])];
  return { name, key: `servicenow:${name}`, envVars, secret, example, description };
}

export const configKeys: Readonly<Record<SettingName, ConfigKey>> = {
  instanceUrl: setting("instanceUrl", "SN_HOST", false, "https://dev12345.service-now.com", "The instance's URL, e.g. `https://dev12345.service-now.com` (a bare host gets https)."),
  username: setting("username", "SN_USERNAME", false, "admin", "The user to sign in as (basic auth, or the OAuth password grant)."),
  password: setting("password", "SN_PASSWORD", true, "<password>", "That user's password."),
  clientId: setting("clientId", "SN_CLIENT_ID", false, "<client id>", "An OAuth client id registered on the instance: signs in with OAuth."),
  clientSecret: setting("clientSecret", "SN_CLIENT_SECRET", true, "<client secret>", "That OAuth client's secret."),
  grantType: setting("grantType", "SN_GRANT_TYPE", false, "password", "The OAuth grant: password, refresh_token or client_credentials (default: password with a username, else refresh_token with a refreshToken, else client_credentials)."),
  refreshToken: setting("refreshToken", "SN_REFRESH_TOKEN", true, "<refresh token>", "An OAuth refresh token (the refresh_token grant)."),
  apiKey: setting("apiKey", "SN_API_KEY", true, "<api key>", "A REST API key (`x-sn-apikey`)."),
  accessToken: setting("accessToken", "SN_ACCESS_TOKEN", true, "<access token>", "A bearer token obtained elsewhere."),
  timeoutSeconds: setting("timeoutSeconds", "SN_TIMEOUT", false, "60", "Seconds before a request is given up (default 60)."),
  maxConcurrency: setting("maxConcurrency", undefined, false, "8", "Requests in flight at once per instance (default 8)."),
  maxRetries: setting("maxRetries", undefined, false, "5", "Retries of a request the instance throttled or failed transiently (default 5)."),
};

/** `pulumi config set [--secret] <key> <example>` for one setting. */
export function configSetCommand(name: SettingName): string {
  const k = configKeys[name];
  return `pulumi config set${k.secret ? " --secret" : ""} ${k.key} ${k.example}`;
}

/** "`servicenow:password` (or SERVICENOW_PASSWORD / SN_PASSWORD)": how messages name a setting. */
export function describeSetting(name: SettingName): string {
  const k = configKeys[name];
  return `\`${k.key}\` (or ${k.envVars.join(" / ")})`;
}

/** The settings that hold the credentials of a sign-in mode, for "check these" messages. */
export function credentialSettings(mode: AuthMode): readonly SettingName[] {
  switch (mode) {
    case "basic":
      return ["username", "password"];
    case "oauth-password":
      return ["clientId", "clientSecret", "username", "password"];
    case "oauth-refresh-token":
      return ["clientId", "clientSecret", "refreshToken"];
    case "oauth-client-credentials":
      return ["clientId", "clientSecret"];
    case "api-key":
      return ["apiKey"];
    case "bearer":
      return ["accessToken"];
  }
}
