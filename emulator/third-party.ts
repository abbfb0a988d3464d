/**
 * Stand-ins for the third parties' token and identity endpoints, on the same server, so a
 * credential check can run on loopback: SumTotal `/apisecurity/connect/token`, Qualtrics
 * `/oauth2/token` (client_credentials, form-encoded; client may also come as basic auth) and
 * Okta `/api/v1/users/me` (`Authorization: SSWS <token>`).
 */
import { randomBytes } from "node:crypto";
import type { ThirdPartyOptions } from "./options";

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface ThirdPartyRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: { authorization?: string; "content-type"?: string };
  readonly body: string;
}

const invalidClient = (): Reply => ({ status: 401, body: { error: "invalid_client" } });

function clientToken(req: ThirdPartyRequest, expected: { clientId: string; clientSecret: string }, scope: string): Reply {
  if (!(req.headers["content-type"] ?? "").startsWith("application/x-www-form-urlencoded")) return invalidClient();
  const form = new URLSearchParams(req.body);
  let id = form.get("client_id") ?? "";
  let secret = form.get("client_secret") ?? "";
  const auth = req.headers.authorization ?? "";
  if (auth.toLowerCase().startsWith("basic ")) {
    const decoded = Buffer.from(auth.slice(6).trim(), "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    id = decoded.slice(0, colon);
    secret = decoded.slice(colon + 1);
  }
  if (form.get("grant_type") !== "client_credentials") return { status: 400, body: { error: "unsupported_grant_type" } };
  if (id !== expected.clientId || secret !== expected.clientSecret) return invalidClient();
  return {
    status: 200,
    body: { access_token: randomBytes(32).toString("base64url"), token_type: "Bearer", expires_in: 3600, scope: form.get("scope") ?? scope },
  };
}

function oktaMe(req: ThirdPartyRequest, token: string): Reply {
  if (req.headers.authorization !== `SSWS ${token}`) {
    return { status: 401, body: { errorCode: "E0000011", errorSummary: "Invalid token provided" } };
  }
  return {
    status: 200,
    body: {
      id: "00u1emulator0000000001",
      status: "ACTIVE",
      profile: { login: "okta.admin@example.com", email: "okta.admin@example.com", firstName: "Okta", lastName: "Admin" },
    },
  };
}

/** The answer for a third-party path, or undefined when the path is not one of theirs. */
export function thirdPartyReply(req: ThirdPartyRequest, config: Required<ThirdPartyOptions>): Reply | undefined {
  const route = `${req.method} ${req.path}`;
  switch (route) {
    case "POST /apisecurity/connect/token":
      return clientToken(req, config.sumtotal, "allapis");
    case "POST /oauth2/token":
      return clientToken(req, config.qualtrics, "manage:all");
    case "GET /api/v1/users/me":
      return oktaMe(req, config.okta.apiToken);
    default:
      return undefined;
  }
}
