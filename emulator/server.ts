/**
 * The HTTP side: reads a request, lets the faults decide, routes it (control endpoint,
 * `/oauth_token.do`, Table API, third-party stand-ins) and writes the answer, slowly when
 * asked. Whatever goes wrong becomes an answer, never a crash.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Auth } from "./auth";
import { controlReply, CONTROL_PREFIX, isLoopback } from "./control";
import { isEmulatorApiError, noResource, oauthDenied, tooLarge, type EmulatorApiError } from "./errors";
import type { Faults } from "./faults";
import type { NormalizedOptions } from "./options";
import type { Stats } from "./stats";
import type { Store } from "./store";
import { handleTableRequest } from "./table-api";
import { thirdPartyReply, type Reply } from "./third-party";

/** Bodies above this get 413, like the instance's REST size limit (10 MB). */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

export interface ServerParts {
  readonly store: Store;
  readonly auth: Auth;
  readonly faults: Faults;
  readonly stats: Stats;
  readonly options: NormalizedOptions;
  /** Instance URL, known once listening. */
  readonly baseUrl: () => string;
  readonly warn: (message: string) => void;
}

const TABLE_PATH = /^(\/api\/now(?:\/v[12])?\/table)\/([^/]+)(?:\/([^/]+))?\/?$/;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

class BodyTooLarge extends Error {}
/** The client went away while sending its body: nobody to answer. */
class ClientGone extends Error {}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        req.removeAllListeners("data");
        req.resume();
        reject(new BodyTooLarge());
      } else chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", () => reject(new ClientGone()));
    req.on("aborted", () => reject(new ClientGone()));
  });
}

const errorReply = (e: EmulatorApiError): Reply => ({ status: e.status, headers: { ...e.headers }, body: e.body });

function safeDecode(s: string): string | undefined {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
}

function route(parts: ServerParts, req: IncomingMessage, url: URL, body: string): Reply {
  const method = req.method ?? "GET";
  if (url.pathname === "/oauth_token.do") {
    if (method !== "POST" || !(req.headers["content-type"] ?? "").startsWith("application/x-www-form-urlencoded")) throw oauthDenied();
    return { status: 200, body: parts.auth.token(new URLSearchParams(body)) };
  }
  const third = thirdPartyReply({ method, path: url.pathname, headers: req.headers, body }, parts.options.thirdParty);
  if (third !== undefined) return third;
  if (url.pathname.startsWith("/api/now/")) {
    const principal = parts.auth.authenticate(req.headers, url);
    const m = TABLE_PATH.exec(url.pathname);
    const table = m === null ? undefined : safeDecode(m[2]);
    const sysId = m?.[3] === undefined ? undefined : safeDecode(m[3]);
    if (m === null || table === undefined || (m[3] !== undefined && sysId === undefined)) throw noResource();
    return handleTableRequest(parts.store, { method, prefix: m[1], table, sysId, params: url.searchParams, body, principal, baseUrl: parts.baseUrl() });
  }
  return { status: 404, body: { error: { message: `Not found: ${url.pathname}`, detail: null }, status: "failure" } };
}

async function write(res: ServerResponse, reply: Reply, slowMs: number): Promise<void> {
  const payload = reply.body === undefined ? undefined : Buffer.from(JSON.stringify(reply.body), "utf8");
  const headers: Record<string, string> = { ...reply.headers };
  if (payload !== undefined) {
    headers["content-type"] = "application/json;charset=UTF-8";
    headers["content-length"] = String(payload.length);
  }
  res.writeHead(reply.status, headers);
  if (payload === undefined || slowMs <= 0) {
    res.end(payload);
    return;
  }
  // A slow body: headers at once, then the body in ten pieces over slowMs.
  const pieces = 10;
  const size = Math.ceil(payload.length / pieces);
  for (let i = 0; i < pieces && !res.destroyed; i++) {
    await sleep(slowMs / pieces);
    res.write(payload.subarray(i * size, (i + 1) * size));
  }
  res.end();
}

export function requestHandler(parts: ServerParts): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void handle(parts, req, res).catch((e: unknown) => {
      parts.warn(`request failed: ${String(e)}`);
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  };
}

async function handle(parts: ServerParts, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const started = Date.now();
  const method = (req.method ?? "GET").toUpperCase();
  const url = new URL(req.url ?? "/", "http://emulator.invalid");

  if (url.pathname.startsWith(CONTROL_PREFIX)) {
    if (!isLoopback(req.socket.remoteAddress)) return write(res, { status: 403, body: { error: "The control endpoint answers loopback callers only" } }, 0);
    const body = await readBody(req).catch(() => "");
    return write(res, controlReply(method, url.pathname, body, parts.faults, parts.stats), 0);
  }

  const tablePath = TABLE_PATH.exec(url.pathname);
  const table = tablePath === null ? undefined : safeDecode(tablePath[2]);
  parts.stats.request(method, table);
  const decision = await parts.faults.decide({ method, table, tableApi: tablePath !== null });
  let reply: Reply;
  if (decision.kind === "drop") {
    parts.stats.answered(0);
    req.socket.destroy();
    return;
  }
  if (decision.kind === "fail") reply = errorReply(decision.error);
  else {
    try {
      const body = await readBody(req);
      reply = route(parts, req, url, body);
    } catch (e) {
      if (e instanceof ClientGone) return;
      if (e instanceof BodyTooLarge) reply = { ...errorReply(tooLarge(MAX_BODY_BYTES)), headers: { connection: "close" } };
      else if (isEmulatorApiError(e)) reply = errorReply(e);
      else {
        parts.warn(`internal error on ${method} ${url.pathname}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        reply = { status: 500, body: { error: { message: "Internal Server Error", detail: String(e) }, status: "failure" } };
      }
    }
    if (decision.after === "drop") {
      parts.stats.answered(0);
      req.socket.destroy();
      return;
    }
    if (decision.after !== undefined) reply = errorReply(decision.after);
  }
  parts.stats.answered(reply.status);
  await write(res, reply, parts.faults.slowBodyMs);
  if (parts.options.logRequests) process.stdout.write(`${method} ${url.pathname}${url.search} ${reply.status} ${Date.now() - started}ms\n`);
}
