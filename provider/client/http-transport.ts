import * as http from "node:http";
import * as https from "node:https";
import type { AxiosInstance } from "axios";
import { loadAxios } from "./load-axios";
import { SpokesError } from "../errors/spokes-error";

/** One HTTP request, relative to the instance URL. */
export interface HttpRequest {
  readonly method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** Path from the instance root, already encoded, e.g. `/api/now/table/incident`. */
  readonly path: string;
  /** Query parameters, encoded here with encodeURIComponent (`^` → `%5E`, space → `%20`). */
  readonly params?: Readonly<Record<string, string>>;
  readonly headers: Readonly<Record<string, string>>;
  /** JSON body. */
  readonly json?: unknown;
  /** `application/x-www-form-urlencoded` body (OAuth token requests). */
  readonly form?: Readonly<Record<string, string>>;
}

export interface HttpResponse {
  readonly status: number;
  /** Lower-case header names. */
  readonly headers: Readonly<Record<string, string>>;
  /** Parsed JSON, or the raw text when the body is not JSON, or undefined when empty. */
  readonly data: unknown;
}

/**
 * The instance did not answer. Carries only the error code: the axios error, which holds the
 * request headers (Authorization) and body, is dropped here and never leaves this file.
 */
export class NetworkFailure extends SpokesError {
  constructor(readonly code: string) {
    super(`network error ${code}`);
  }
}

export interface HttpTransport {
  send(request: HttpRequest): Promise<HttpResponse>;
  /** Closes idle keep-alive sockets. */
  close(): void;
}

export interface HttpTransportOptions {
  readonly baseUrl: string;
  readonly timeoutMs: number;
  /** Upper bound of sockets per host (the client's concurrency). */
  readonly maxSockets: number;
}

export function queryString(params: Readonly<Record<string, string>> | undefined): string {
  const entries = Object.entries(params ?? {});
  if (entries.length === 0) return "";
  return `?${entries.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&")}`;
}

/** axios with keep-alive agents, made by the first request; every status is returned, only network failures throw. */
export function createHttpTransport(options: HttpTransportOptions): HttpTransport {
  const agentOptions = { keepAlive: true, maxSockets: options.maxSockets };
  const httpAgent = new http.Agent(agentOptions);
  const httpsAgent = new https.Agent(agentOptions);
  let axiosInstance: AxiosInstance | undefined;
  const instance = (): AxiosInstance =>
    (axiosInstance ??= loadAxios().create({
      baseURL: options.baseUrl,
      timeout: options.timeoutMs,
      httpAgent,
      httpsAgent,
      maxRedirects: 0,
      validateStatus: () => true,
      // ETIMEDOUT instead of ECONNABORTED for timeouts.
      transitional: { clarifyTimeoutError: true, silentJSONParsing: true },
      responseType: "json",
    }));

  return {
    async send(request) {
      const headers: Record<string, string> = { Accept: "application/json", ...request.headers };
      let data: string | undefined;
      if (request.form !== undefined) {
        headers["Content-Type"] = "application/x-www-form-urlencoded";
        data = new URLSearchParams(request.form as Record<string, string>).toString();
      } else if (request.json !== undefined) {
        headers["Content-Type"] = "application/json";
        data = JSON.stringify(request.json);
      }
      try {
        const response = await instance().request({
          method: request.method,
          url: `${request.path}${queryString(request.params)}`,
          headers,
          data,
        });
        const responseHeaders: Record<string, string> = {};
        for (const [name, value] of Object.entries(response.headers ?? {})) {
          if (value !== undefined && value !== null) responseHeaders[name.toLowerCase()] = String(value);
        }
        const body: unknown = response.data === "" ? undefined : response.data;
        return { status: response.status, headers: responseHeaders, data: body };
      } catch (error) {
        throw new NetworkFailure(networkErrorCode(error));
      }
    },
    close() {
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  };
}

/** A short, safe code for a network failure: the error's `code`, else a classification. */
export function networkErrorCode(error: unknown): string {
  const e = error as { code?: unknown; message?: unknown; cause?: { code?: unknown } } | undefined;
  const own = typeof e?.code === "string" ? e.code : undefined;
  const cause = typeof e?.cause?.code === "string" ? e.cause.code : undefined;
  const message = typeof e?.message === "string" ? e.message : "";
  // axios wraps socket errors as ERR_NETWORK / ERR_BAD_RESPONSE: the cause says more.
  const generic = own === undefined || own === "ERR_NETWORK" || own === "ERR_BAD_RESPONSE";
  if (!generic) return own;
  if (cause) return cause;
  if (/socket hang up/i.test(message)) return "ECONNRESET";
  if (/timeout/i.test(message)) return "ETIMEDOUT";
  return own ?? "ENETWORK";
}
