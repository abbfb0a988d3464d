/**
 * A loopback HTTPS front for the emulator that speaks ServiceNow's legacy JSONv2 processor
 * (`/<table>.do?JSONv2&sysparm_action=...`), the API that the OpenTofu peer's provider
 * (tylerhatton/terraform-provider-servicenow) uses, and forwards each call as one Table API
 * request. The emulator speaks only the Table API over plain HTTP, and that provider insists on
 * an https instance URL, so the peer's requests take one extra loopback hop that ours do not:
 * the comparison is, if anything, tilted against the peer by that hop.
 *
 * The certificate is self-signed, made at run time with `openssl` for 127.0.0.1 (nothing is
 * kept); the peer's Go process trusts it through `SSL_CERT_FILE`.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as http from "node:http";
import * as https from "node:https";
import type { AddressInfo } from "node:net";
import * as os from "node:os";
import * as path from "node:path";

/** One Table API request that a JSONv2 call becomes. */
export interface TableCall {
  readonly method: "GET" | "POST" | "PATCH" | "DELETE";
  /** Path and query under the instance, e.g. `/api/now/table/sys_properties?sysparm_query=...`. */
  readonly path: string;
  readonly body?: Record<string, unknown>;
  /** What the JSONv2 answer holds: the records found or written, or the deleted sys_id. */
  readonly answer: "list" | "record" | "deleted";
  readonly sysId?: string;
}

export class Jsonv2Error extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const JSONV2_PATH = /^\/([A-Za-z0-9_]+)\.do$/;

/**
 * Translates one JSONv2 request into its Table API request. `sysparm_action` is one of
 * `getRecords` (the default for GET), `get`, `insert`, `update` and `deleteRecord`, the ones
 * the peer's provider sends; anything else is refused with 400. On insert into
 * `sys_properties` without a `name`, the name is derived from the scope and `suffix` as the
 * instance does (`<suffix>` in the global scope, `<scope>.<suffix>` otherwise).
 */
export function translate(method: string, pathAndQuery: string, body: string): TableCall {
  const url = new URL(pathAndQuery, "https://instance.invalid");
  const match = JSONV2_PATH.exec(url.pathname);
  if (match === null || !url.searchParams.has("JSONv2")) throw new Jsonv2Error(404, `not a JSONv2 request: ${url.pathname}`);
  const table = match[1]!;
  const base = `/api/now/table/${table}`;
  const params = url.searchParams;
  const action = params.get("sysparm_action") ?? (method === "GET" ? "getRecords" : "");
  const query = params.get("sysparm_query") ?? "";
  const idFromQuery = (): string => {
    const found = /^sys_id=([0-9a-f]{32})$/.exec(query);
    if (found === null) throw new Jsonv2Error(400, `${action} needs sysparm_query=sys_id=<sys_id>, got ${JSON.stringify(query)}`);
    return found[1]!;
  };
  const record = (): Record<string, unknown> => {
    if (body.trim() === "") return {};
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Jsonv2Error(400, "the body is not a JSON object");
    // Envelope fields of JSONv2, not columns.
    const { __status, __error, sys_scope, ...fields } = parsed as Record<string, unknown>;
    void __status;
    void __error;
    void sys_scope;
    return fields;
  };
  switch (action) {
    case "getRecords":
      return { method: "GET", path: query === "" ? base : `${base}?${new URLSearchParams({ sysparm_query: query })}`, answer: "list" };
    case "get": {
      const sysId = params.get("sysparm_sys_id") ?? "";
      return { method: "GET", path: `${base}?${new URLSearchParams({ sysparm_query: `sys_id=${sysId}` })}`, answer: "list" };
    }
    case "insert": {
      const fields = record();
      const scope = params.get("sysparm_record_scope") ?? "global";
      if (table === "sys_properties" && (fields.name === undefined || fields.name === "") && typeof fields.suffix === "string") {
        fields.name = scope === "global" ? fields.suffix : `${scope}.${fields.suffix}`;
      }
      return { method: "POST", path: base, body: fields, answer: "record" };
    }
    case "update": {
      const sysId = idFromQuery();
      return { method: "PATCH", path: `${base}/${sysId}`, body: record(), answer: "record", sysId };
    }
    case "deleteRecord": {
      const sysId = params.get("sysparm_sys_id") ?? "";
      if (!/^[0-9a-f]{32}$/.test(sysId)) throw new Jsonv2Error(400, "deleteRecord needs sysparm_sys_id");
      return { method: "DELETE", path: `${base}/${sysId}`, answer: "deleted", sysId };
    }
    default:
      throw new Jsonv2Error(400, `sysparm_action=${action} is not supported by this shim`);
  }
}

/**
 * The JSONv2 body for a successful Table API answer: `{ records: [...] }`, each with
 * `__status`. The emulator has no application scopes; an instance answers `sys_scope` on every
 * record (`global`, the global scope's sys_id), so the shim does too where the emulator is
 * silent (the peer's `scope` forces replacement when it reads back empty).
 */
export function envelope(call: TableCall, tableBody: string): { records: Record<string, unknown>[] } {
  const ok = (r: Record<string, unknown>) => ({ sys_scope: "global", ...r, __status: "success" });
  if (call.answer === "deleted") return { records: [ok({ sys_id: call.sysId })] };
  const result = (JSON.parse(tableBody) as { result: Record<string, unknown> | Record<string, unknown>[] }).result;
  return { records: (Array.isArray(result) ? result : [result]).map(ok) };
}

export interface RunningShim {
  /** `https://127.0.0.1:<port>` */
  readonly url: string;
  /** The self-signed certificate (PEM), for `SSL_CERT_FILE`. */
  readonly certFile: string;
  /** JSONv2 requests served since the start. */
  requests(): number;
  stop(): Promise<void>;
}

function selfSignedCertificate(dir: string): { key: string; cert: string; certFile: string } {
  const keyFile = path.join(dir, "key.pem");
  const certFile = path.join(dir, "cert.pem");
  try {
    execFileSync(
      "openssl",
      ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", keyFile, "-out", certFile, "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
      { stdio: "pipe" },
    );
  } catch (error) {
    throw new Error(`bench:peer needs the openssl command to make the shim's self-signed certificate (apt-get install openssl): ${error instanceof Error ? error.message : String(error)}`);
  }
  return { key: fs.readFileSync(keyFile, "utf8"), cert: fs.readFileSync(certFile, "utf8"), certFile };
}

/** Starts the shim on 127.0.0.1 in front of `instanceUrl` (the emulator's plain-HTTP URL). */
export async function startJsonv2Shim(instanceUrl: string): Promise<RunningShim> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jsonv2-shim-"));
  const { key, cert, certFile } = selfSignedCertificate(dir);
  const target = new URL(instanceUrl);
  const agent = new http.Agent({ keepAlive: true });
  let served = 0;
  const reply = (res: http.ServerResponse, status: number, body: unknown, headers: http.OutgoingHttpHeaders = {}) => {
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(JSON.stringify(body));
  };
  const server = https.createServer({ key, cert, keepAlive: true }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      served += 1;
      let call: TableCall;
      try {
        call = translate(req.method ?? "GET", req.url ?? "/", Buffer.concat(chunks).toString("utf8"));
      } catch (error) {
        const status = error instanceof Jsonv2Error ? error.status : 400;
        return reply(res, status, { error: { message: error instanceof Error ? error.message : String(error) }, status: "failure" });
      }
      const payload = call.body === undefined ? undefined : JSON.stringify(call.body);
      const forwarded = http.request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          method: call.method,
          path: call.path,
          headers: {
            accept: "application/json",
            ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
            ...(payload === undefined ? {} : { "content-type": "application/json", "content-length": Buffer.byteLength(payload) }),
          },
        },
        (answer) => {
          const parts: Buffer[] = [];
          answer.on("data", (chunk: Buffer) => parts.push(chunk));
          answer.on("end", () => {
            const text = Buffer.concat(parts).toString("utf8");
            const status = answer.statusCode ?? 502;
            const retryAfter = answer.headers["retry-after"];
            if (status < 200 || status >= 300) return reply(res, status, text === "" ? {} : JSON.parse(text), retryAfter ? { "retry-after": retryAfter } : {});
            reply(res, 200, envelope(call, text));
          });
        },
      );
      forwarded.on("error", () => res.destroy()); // the instance cut the connection: so does the shim
      forwarded.end(payload);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `https://127.0.0.1:${port}`,
    certFile,
    requests: () => served,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
