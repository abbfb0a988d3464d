import type { AuthConfig } from "../../config/provider-config";
import type { AppliedAuth, AuthProvider } from "./auth-provider";

type StaticAuthConfig = Extract<AuthConfig, { mode: "basic" | "api-key" | "bearer" }>;

/**
 * Basic auth, an API key (`x-sn-apikey`), or a given bearer token: the same headers on every
 * request, nothing to renew, so a 401 is final.
 */
export function staticAuth(auth: StaticAuthConfig): AuthProvider {
  let applied: AppliedAuth;
  let secrets: string[];
  let description: string;
  switch (auth.mode) {
    case "basic": {
      const encoded = Buffer.from(`${auth.username}:${auth.password}`, "utf8").toString("base64");
      applied = { headers: { Authorization: `Basic ${encoded}` } };
      secrets = [auth.password, encoded];
      description = `basic auth as \`${auth.username}\``;
      break;
    }
    case "api-key":
      applied = { headers: { "x-sn-apikey": auth.apiKey } };
      secrets = [auth.apiKey];
      description = "API key in the x-sn-apikey header";
      break;
    case "bearer":
      applied = { headers: { Authorization: `Bearer ${auth.accessToken}` } };
      secrets = [auth.accessToken];
      description = "the given bearer access token";
      break;
  }
  return {
    mode: auth.mode,
    description,
    apply: () => Promise.resolve(applied),
    invalidate: () => false,
    secrets: () => secrets,
  };
}
