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

function setting(name: SettingName, ansible: string | undefined, secret: boolean, example: string): ConfigKey {
  const snake = name.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase();
  const envVars = [`SERVICENOW_${snake}`, ...(ansible ? [ansible] : [])];
  return { name, key: `servicenow:${name}`, envVars, secret, example };
}

export const configKeys: Readonly<Record<SettingName, ConfigKey>> = {
  instanceUrl: setting("instanceUrl", "SN_HOST", false, "https://dev12345.service-now.com"),
  username: setting("username", "SN_USERNAME", false, "admin"),
  password: setting("password", "SN_PASSWORD", true, "<password>"),
  clientId: setting("clientId", "SN_CLIENT_ID", false, "<client id>"),
  clientSecret: setting("clientSecret", "SN_CLIENT_SECRET", true, "<client secret>"),
  grantType: setting("grantType", "SN_GRANT_TYPE", false, "password"),
  refreshToken: setting("refreshToken", "SN_REFRESH_TOKEN", true, "<refresh token>"),
  apiKey: setting("apiKey", "SN_API_KEY", true, "<api key>"),
  accessToken: setting("accessToken", "SN_ACCESS_TOKEN", true, "<access token>"),
  timeoutSeconds: setting("timeoutSeconds", "SN_TIMEOUT", false, "60"),
  maxConcurrency: setting("maxConcurrency", undefined, false, "8"),
  maxRetries: setting("maxRetries", undefined, false, "5"),
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
