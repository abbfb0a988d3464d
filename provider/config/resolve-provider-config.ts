import { z } from "zod";
import type { ConfigSource } from "./config-source";
import { configKeys, configSetCommand, type SettingName } from "./config-keys";
import { normalizeInstanceUrl } from "./instance-url";
import {
  defaultMaxConcurrency,
  defaultMaxRetries,
  defaultTimeoutMs,
  type AuthConfig,
  type ProviderConfig,
} from "./provider-config";
import { ProviderConfigError, type ConfigProblem } from "./provider-config-error";

/** A raw setting and where it came from (a config key or an environment variable). */
interface RawSetting {
  readonly value: string;
  readonly from: string;
}
type RawSettings = Partial<Record<SettingName, RawSetting>>;

const signInGrantTypes = ["password", "refresh_token", "client_credentials"] as const;

/** Field-level rules. Numbers arrive as strings from config and the environment. */
const fieldSchemas = {
  grantType: z.enum(signInGrantTypes),
  timeoutSeconds: z.coerce.number().positive().max(3600),
  maxConcurrency: z.coerce.number().int().min(1).max(64),
  maxRetries: z.coerce.number().int().min(0).max(20),
} as const;

const fieldRules: Record<keyof typeof fieldSchemas, string> = {
  grantType: `must be one of ${signInGrantTypes.join(", ")}`,
  timeoutSeconds: "must be a number of seconds greater than 0 and at most 3600",
  maxConcurrency: "must be a whole number from 1 to 64",
  maxRetries: "must be a whole number from 0 to 20",
};

/** The complete result, checked once more as a whole (a guard against mistakes in this file). */
const nonEmpty = z.string().min(1);
const providerConfigSchema = z.object({
  instanceUrl: z.url({ protocol: /^https?$/ }),
  auth: z.discriminatedUnion("mode", [
    z.object({ mode: z.literal("basic"), username: nonEmpty, password: nonEmpty }),
    z.object({
      mode: z.literal("oauth-password"),
      clientId: nonEmpty,
      clientSecret: nonEmpty,
      username: nonEmpty,
      password: nonEmpty,
    }),
    z.object({ mode: z.literal("oauth-refresh-token"), clientId: nonEmpty, clientSecret: nonEmpty, refreshToken: nonEmpty }),
    z.object({ mode: z.literal("oauth-client-credentials"), clientId: nonEmpty, clientSecret: nonEmpty }),
    z.object({ mode: z.literal("api-key"), apiKey: nonEmpty }),
    z.object({ mode: z.literal("bearer"), accessToken: nonEmpty }),
  ]),
  timeoutMs: z.number().positive(),
  maxConcurrency: z.number().int().positive(),
  maxRetries: z.number().int().min(0),
});

/**
 * Resolves the provider configuration: each setting from stack config (`servicenow:<name>`),
 * else `SERVICENOW_<NAME>`, else the Ansible `SN_*` name; picks the sign-in mode; validates.
 * Throws `ProviderConfigError` listing every problem, one line each, with no secret values.
 *
 * Sign-in mode, first match wins: `apiKey` → api-key; `accessToken` → bearer;
 * `clientId` or `clientSecret` or `grantType` → OAuth with `grantType` (default `password`
 * when `username` is set, else `refresh_token` when `refreshToken` is set, else
 * `client_credentials`); `username` or `password` → basic.
 */
export function resolveProviderConfig(source: ConfigSource, env: NodeJS.ProcessEnv): ProviderConfig {
  const raw = readSettings(source, env);
  const problems: ConfigProblem[] = [];

  let instanceUrl = "";
  const url = raw.instanceUrl;
  if (!url) {
    problems.push(missing("instanceUrl"));
  } else {
    const result = normalizeInstanceUrl(url.value);
    if (result.ok) instanceUrl = result.url;
    else problems.push(invalid("instanceUrl", url, result.reason));
  }

  const grantType = parseField("grantType", raw, problems);
  const timeoutSeconds = parseField("timeoutSeconds", raw, problems);
  const maxConcurrency = parseField("maxConcurrency", raw, problems);
  const maxRetries = parseField("maxRetries", raw, problems);

  const auth = resolveAuth(raw, grantType, problems);

  if (problems.length > 0 || !auth) throw new ProviderConfigError(problems);

  const config = {
    instanceUrl,
    auth,
    timeoutMs: timeoutSeconds !== undefined ? Math.round(timeoutSeconds * 1000) : defaultTimeoutMs,
    maxConcurrency: maxConcurrency ?? defaultMaxConcurrency,
    maxRetries: maxRetries ?? defaultMaxRetries,
  };
  providerConfigSchema.parse(config);
  return config;
}

function readSettings(source: ConfigSource, env: NodeJS.ProcessEnv): RawSettings {
  const raw: RawSettings = {};
  for (const k of Object.values(configKeys)) {
    const candidates: [string, string | undefined][] = [
      [`\`${k.key}\``, source.get(k.key)],
      ...k.envVars.map((name): [string, string | undefined] => [name, env[name]]),
    ];
    for (const [from, value] of candidates) {
      const trimmed = value?.trim();
      if (trimmed) {
        raw[k.name] = { value: trimmed, from };
        break;
      }
    }
  }
  return raw;
}

function parseField<K extends keyof typeof fieldSchemas>(
  name: K,
  raw: RawSettings,
  problems: ConfigProblem[],
): z.infer<(typeof fieldSchemas)[K]> | undefined {
  const setting = raw[name];
  if (!setting) return undefined;
  const result = fieldSchemas[name].safeParse(setting.value);
  if (result.success) return result.data as z.infer<(typeof fieldSchemas)[K]>;
  problems.push(invalid(name, setting, `${fieldRules[name]} (got "${setting.value}")`));
  return undefined;
}

function resolveAuth(
  raw: RawSettings,
  grantType: (typeof signInGrantTypes)[number] | undefined,
  problems: ConfigProblem[],
): AuthConfig | undefined {
  const v = (name: SettingName): string | undefined => raw[name]?.value;
  const need = (mode: string, ...names: SettingName[]): boolean => {
    const absent = names.filter((n) => v(n) === undefined);
    for (const n of absent) problems.push(missing(n, `it is needed for ${mode}`));
    return absent.length === 0;
  };

  const apiKey = v("apiKey");
  if (apiKey !== undefined) return { mode: "api-key", apiKey };
  const accessToken = v("accessToken");
  if (accessToken !== undefined) return { mode: "bearer", accessToken };

  if (v("clientId") !== undefined || v("clientSecret") !== undefined || raw.grantType !== undefined) {
    if (raw.grantType !== undefined && grantType === undefined) return undefined; // already reported
    const grant = grantType ?? (v("username") ? "password" : v("refreshToken") ? "refresh_token" : "client_credentials");
    const what = `OAuth sign-in with grant type ${grant}`;
    switch (grant) {
      case "password":
        if (!need(what, "clientId", "clientSecret", "username", "password")) return undefined;
        return { mode: "oauth-password", clientId: v("clientId")!, clientSecret: v("clientSecret")!, username: v("username")!, password: v("password")! };
      case "refresh_token":
        if (!need(what, "clientId", "clientSecret", "refreshToken")) return undefined;
        return { mode: "oauth-refresh-token", clientId: v("clientId")!, clientSecret: v("clientSecret")!, refreshToken: v("refreshToken")! };
      case "client_credentials":
        if (!need(what, "clientId", "clientSecret")) return undefined;
        return { mode: "oauth-client-credentials", clientId: v("clientId")!, clientSecret: v("clientSecret")! };
    }
  }

  if (v("username") !== undefined || v("password") !== undefined) {
    if (!need("basic authentication", "username", "password")) return undefined;
    return { mode: "basic", username: v("username")!, password: v("password")! };
  }

  problems.push({ setting: undefined, message: noCredentials });
  return undefined;
}

const k = (name: SettingName): string => `\`${configKeys[name].key}\``;
const noCredentials =
  "no credentials are set. Set one of these combinations: " +
  `${k("username")} + ${k("password")} (basic auth); ` +
  `${k("clientId")} + ${k("clientSecret")} + ${k("username")} + ${k("password")} (OAuth, grant type password); ` +
  `${k("clientId")} + ${k("clientSecret")} + ${k("refreshToken")} (OAuth, grant type refresh_token); ` +
  `${k("clientId")} + ${k("clientSecret")} with ${k("grantType")} client_credentials (OAuth); ` +
  `${k("apiKey")} (x-sn-apikey header); ${k("accessToken")} (bearer token). ` +
  "Each can also come from SERVICENOW_<NAME> (e.g. SERVICENOW_USERNAME) or the Ansible SN_* variables. " +
  `For example: \`${configSetCommand("username")}\` and \`${configSetCommand("password")}\`.`;

function envHint(name: SettingName): string {
  return configKeys[name].envVars.join(" or ");
}

function missing(name: SettingName, why?: string): ConfigProblem {
  const key = configKeys[name].key;
  return {
    setting: name,
    message:
      `\`${key}\` is not set${why ? ` (${why})` : ""}. ` +
      `Run \`${configSetCommand(name)}\` or set ${envHint(name)}.`,
  };
}

function invalid(name: SettingName, setting: RawSetting, reason: string): ConfigProblem {
  const key = configKeys[name].key;
  const origin = setting.from === `\`${key}\`` ? "" : ` (from ${setting.from})`;
  return {
    setting: name,
    message:
      `\`${key}\`${origin} ${reason}. ` +
      `Run \`${configSetCommand(name)}\` or set ${envHint(name)}.`,
  };
}
