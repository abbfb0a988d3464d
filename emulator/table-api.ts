/**
 * The Table API (`/api/now/table/{table}[/{sys_id}]`, also under `/api/now/v2/`): list, get,
 * create, partial update (PATCH and PUT), delete. Checks in the instance's order: table, then
 * record, then ACL (writes need the admin role; reads the table's read roles, if it has any).
 */
import type { Principal } from "./auth";
import { aclDenied, invalidJson, methodNotAllowed, noRecord, type WriteOperation } from "./errors";
import { recordRenderer, type DisplayMode, type RenderOptions } from "./render";
import type { Store, WriteContext } from "./store";
import type { Reply } from "./third-party";

export const DEFAULT_LIMIT = 10_000;

export interface TableRequest {
  readonly method: string;
  /** `/api/now/table` or `/api/now/v2/table`, for Location and Link headers. */
  readonly prefix: string;
  readonly table: string;
  readonly sysId: string | undefined;
  readonly params: URLSearchParams;
  readonly body: string;
  readonly principal: Principal;
  /** Instance URL (no trailing slash). */
  readonly baseUrl: string;
}

const flag = (params: URLSearchParams, name: string): boolean => (params.get(name) ?? "").toLowerCase() === "true";

function renderOptions(req: TableRequest): RenderOptions {
  const dv = (req.params.get("sysparm_display_value") ?? "false").toLowerCase();
  const fields = (req.params.get("sysparm_fields") ?? "")
    .split(",")
    .map((f) => f.trim())
    .filter((f) => f !== "");
  return {
    fields: fields.length > 0 ? fields : undefined,
    displayValue: (["true", "all"].includes(dv) ? dv : "false") as DisplayMode,
    excludeReferenceLink: flag(req.params, "sysparm_exclude_reference_link"),
    baseUrl: req.baseUrl,
  };
}

function parseBody(body: string): Record<string, unknown> {
  if (body.trim() === "") return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw invalidJson();
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw invalidJson();
  return parsed as Record<string, unknown>;
}

function requireAdmin(req: TableRequest, op: WriteOperation): void {
  if (!req.principal.isAdmin) throw aclDenied(op);
}

/**
 * The table's read roles (schema.ts, TableDef.readRoles): admins, or a user with one of them.
 * A refused list is the read ACL's 403; a refused record is the 404 whose detail says "or ACL
 * restricts the record retrieval", so a record cannot be told apart from a missing one.
 */
function requireReader(store: Store, req: TableRequest): void {
  const roles = store.schema.readRoles(req.table);
  if (roles === undefined || req.principal.isAdmin || roles.some((role) => req.principal.roles.includes(role))) return;
  throw req.sysId === undefined ? aclDenied("Read") : noRecord();
}

const intParam = (params: URLSearchParams, name: string, fallback: number, min: number): number => {
  const n = Number.parseInt(params.get(name) ?? "", 10);
  return Number.isFinite(n) && n >= min ? n : fallback;
};

function list(store: Store, req: TableRequest): Reply {
  const all = store.query(req.table, req.params.get("sysparm_query") ?? "");
  const limit = intParam(req.params, "sysparm_limit", DEFAULT_LIMIT, 1);
  const offset = intParam(req.params, "sysparm_offset", 0, 0);
  const render = recordRenderer(store, req.table, renderOptions(req));
  return {
    status: 200,
    headers: { "x-total-count": String(all.length), link: linkHeader(req, all.length, offset, limit) },
    body: { result: all.slice(offset, offset + limit).map((r) => render(r.values)) },
  };
}

/** `Link` with first/prev/next/last pages, keeping the request's other parameters. */
function linkHeader(req: TableRequest, total: number, offset: number, limit: number): string {
  const page = (at: number, rel: string): string => {
    const p = new URLSearchParams(req.params);
    p.set("sysparm_limit", String(limit));
    p.set("sysparm_offset", String(at));
    return `<${req.baseUrl}${req.prefix}/${req.table}?${p.toString()}>;rel="${rel}"`;
  };
  const last = total === 0 ? 0 : Math.floor((total - 1) / limit) * limit;
  const links = [page(0, "first")];
  if (offset > 0) links.push(page(Math.max(0, offset - limit), "prev"));
  if (offset + limit < total) links.push(page(offset + limit, "next"));
  links.push(page(last, "last"));
  return links.join(",");
}

export function handleTableRequest(store: Store, req: TableRequest): Reply {
  store.assertTable(req.table);
  if (req.method === "GET") requireReader(store, req);
  const displayValues = flag(req.params, "sysparm_input_display_value");
  const ctx: WriteContext = { user: req.principal.userName, inputDisplayValue: displayValues, strictDisplayValues: displayValues };
  const render = (values: Record<string, string>): unknown => recordRenderer(store, req.table, renderOptions(req))(values);
  const existing = (): { sysId: string; values: Record<string, string> } => {
    const rec = req.sysId === undefined ? undefined : store.get(req.table, req.sysId);
    if (rec === undefined) throw noRecord();
    return rec;
  };

  if (req.sysId === undefined) {
    switch (req.method) {
      case "GET":
        return list(store, req);
      case "POST": {
        const body = parseBody(req.body);
        if (store.ignoreClientSysIds) delete body.sys_id;
        requireAdmin(req, "Insert");
        const rec = store.insert(req.table, body, ctx);
        return { status: 201, headers: { location: `${req.baseUrl}${req.prefix}/${req.table}/${rec.sysId}` }, body: { result: render(rec.values) } };
      }
      default:
        throw methodNotAllowed(req.method);
    }
  }

  switch (req.method) {
    case "GET":
      return { status: 200, body: { result: render(existing().values) } };
    case "PUT":
    case "PATCH": {
      const body = parseBody(req.body);
      const rec = existing();
      requireAdmin(req, "Update");
      return { status: 200, body: { result: render(store.update(req.table, rec.sysId, body, ctx).values) } };
    }
    case "DELETE": {
      const rec = existing();
      requireAdmin(req, "Delete");
      store.delete(req.table, rec.sysId, ctx);
      return { status: 204 };
    }
    default:
      throw methodNotAllowed(req.method);
  }
}
