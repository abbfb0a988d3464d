import * as assert from "node:assert/strict";
import { useEmulator } from "../helpers/emulator";

const SYS_ID = /^[0-9a-f]{32}$/;
const DATE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

describe("emulator Table API", () => {
  const sn = useEmulator();

  const create = async (table: string, json: unknown, query = ""): Promise<Record<string, unknown>> => {
    const res = await sn.fetch(`/api/now/table/${table}${query}`, { method: "POST", json });
    assert.equal(res.status, 201, await res.clone().text());
    return ((await res.json()) as { result: Record<string, unknown> }).result;
  };

  it("POST creates a record: 201, Location, every value a string, sys fields maintained", async () => {
    const res = await sn.fetch("/api/now/table/sys_properties", { method: "POST", json: { name: "x.create", value: 42, is_private: true, bogus: "ignored" } });
    assert.equal(res.status, 201);
    const { result } = (await res.json()) as { result: Record<string, string> };
    assert.match(result.sys_id, SYS_ID);
    assert.equal(res.headers.get("location"), `${sn.url}/api/now/table/sys_properties/${result.sys_id}`);
    assert.equal(result.value, "42");
    assert.equal(result.is_private, "true");
    assert.equal(result.ignore_cache, "false");
    assert.equal(result.description, "");
    assert.equal(result.type, "string");
    assert.equal(result.sys_class_name, "sys_properties");
    assert.equal(result.sys_created_by, "admin");
    assert.equal(result.sys_updated_by, "admin");
    assert.equal(result.sys_mod_count, "0");
    assert.match(result.sys_created_on, DATE);
    assert.equal(result.sys_updated_on, result.sys_created_on);
    assert.equal("bogus" in result, false);
    for (const v of Object.values(result)) assert.equal(typeof v, "string");
  });

  it("GET by sys_id returns the record; a missing one is 404 with the exact body", async () => {
    const made = await create("sys_properties", { name: "x.get", value: "v" });
    const res = await sn.fetch(`/api/now/table/sys_properties/${String(made.sys_id)}`);
    assert.equal(res.status, 200);
    assert.deepEqual(((await res.json()) as { result: unknown }).result, made);
    for (const id of ["0123456789abcdef0123456789abcdef", "not-a-sys-id"]) {
      const missing = await sn.fetch(`/api/now/table/sys_properties/${id}`);
      assert.equal(missing.status, 404);
      assert.deepEqual(await missing.json(), {
        error: { message: "No Record found", detail: "Record doesn't exist or ACL restricts the record retrieval" },
        status: "failure",
      });
    }
  });

  it("PATCH and PUT are partial updates that bump sys_mod_count and sys_updated_*", async () => {
    const made = await create("sys_properties", { name: "x.update", value: "a", description: "kept" });
    const id = String(made.sys_id);
    const patched = await sn.fetch(`/api/now/table/sys_properties/${id}`, { method: "PATCH", json: { value: "b" } });
    assert.equal(patched.status, 200);
    const p = ((await patched.json()) as { result: Record<string, string> }).result;
    assert.equal(p.value, "b");
    assert.equal(p.description, "kept");
    assert.equal(p.sys_mod_count, "1");
    const put = await sn.fetch(`/api/now/v2/table/sys_properties/${id}`, { method: "PUT", json: { value: "c" } });
    assert.equal(put.status, 200);
    const q = ((await put.json()) as { result: Record<string, string> }).result;
    assert.equal(q.value, "c");
    assert.equal(q.description, "kept");
    assert.equal(q.sys_mod_count, "2");
    // Writing the same values again changes nothing.
    const same = await sn.fetch(`/api/now/table/sys_properties/${id}`, { method: "PATCH", json: { value: "c", nonsense: 1 } });
    assert.equal(((await same.json()) as { result: Record<string, string> }).result.sys_mod_count, "2");
    const missing = await sn.fetch("/api/now/table/sys_properties/0123456789abcdef0123456789abcdef", { method: "PATCH", json: { value: "x" } });
    assert.equal(missing.status, 404);
  });

  it("DELETE answers 204 with no body, then 404", async () => {
    const made = await create("sys_properties", { name: "x.delete" });
    const path = `/api/now/table/sys_properties/${String(made.sys_id)}`;
    const res = await sn.fetch(path, { method: "DELETE" });
    assert.equal(res.status, 204);
    assert.equal(await res.text(), "");
    assert.equal((await sn.fetch(path)).status, 404);
    assert.equal((await sn.fetch(path, { method: "DELETE" })).status, 404);
  });

  it("an unknown table is 400 with the exact body, for reads and writes", async () => {
    for (const [method, path] of [
      ["GET", "/api/now/table/x_no_such_table"],
      ["POST", "/api/now/table/x_no_such_table"],
      ["GET", "/api/now/v2/table/x_no_such_table/0123456789abcdef0123456789abcdef"],
    ] as const) {
      const res = await sn.fetch(path, { method, json: method === "POST" ? {} : undefined });
      assert.equal(res.status, 400);
      assert.deepEqual(await res.json(), { error: { message: "Invalid table x_no_such_table", detail: null }, status: "failure" });
    }
  });

  it("lists with X-Total-Count, sysparm_limit, sysparm_offset and a Link header", async () => {
    for (let i = 0; i < 5; i++) await create("sys_properties", { name: `x.page.${i}`, value: String(i) });
    const res = await sn.fetch("/api/now/table/sys_properties?sysparm_query=nameSTARTSWITHx.page.^ORDERBYname&sysparm_limit=2&sysparm_offset=2");
    assert.equal(res.status, 200);
    assert.equal(res.headers.get("x-total-count"), "5");
    const body = (await res.json()) as { result: { name: string }[] };
    assert.deepEqual(body.result.map((r) => r.name), ["x.page.2", "x.page.3"]);
    const link = res.headers.get("link") ?? "";
    const rels = Object.fromEntries(
      link.split(",").map((part) => {
        const m = /^<([^>]+)>;rel="(\w+)"$/.exec(part);
        assert.ok(m, part);
        return [m[2], new URL(m[1]).searchParams.get("sysparm_offset")];
      }),
    );
    assert.deepEqual(rels, { first: "0", prev: "0", next: "4", last: "4" });
    assert.ok(link.includes("sysparm_query=nameSTARTSWITHx.page."));
  });

  it("sysparm_limit defaults to 10000", async () => {
    const res = await sn.fetch("/api/now/table/sys_properties?sysparm_query=nameSTARTSWITHx.page.");
    assert.equal(((await res.json()) as { result: unknown[] }).result.length, 5);
    assert.match(res.headers.get("link") ?? "", /sysparm_limit=10000/);
  });

  it("the v2 path serves the same API", async () => {
    const res = await sn.fetch("/api/now/v2/table/sys_properties", { method: "POST", json: { name: "x.v2" } });
    assert.equal(res.status, 201);
    const { result } = (await res.json()) as { result: { sys_id: string } };
    assert.equal(res.headers.get("location"), `${sn.url}/api/now/v2/table/sys_properties/${result.sys_id}`);
    assert.equal((await sn.fetch(`/api/now/table/sys_properties/${result.sys_id}`)).status, 200);
  });

  it("a child record is listed and reachable through its parent tables, with its class", async () => {
    const cred = await create("basic_auth_credentials", { name: "x.cred", user_name: "u" });
    const conn = await create("http_connection", { name: "x.conn", connection_url: "https://example.com/api" });
    const list = await sn.fetch("/api/now/table/discovery_credentials?sysparm_query=name=x.cred");
    const rows = ((await list.json()) as { result: Record<string, string>[] }).result;
    assert.equal(rows.length, 1);
    assert.equal(rows[0].sys_class_name, "basic_auth_credentials");
    assert.equal("user_name" in rows[0], false, "only the parent table's fields");
    const byId = await sn.fetch(`/api/now/table/sys_connection/${String(conn.sys_id)}`);
    assert.equal(byId.status, 200);
    assert.equal(((await byId.json()) as { result: Record<string, string> }).result.sys_class_name, "http_connection");
    // Not the other way round.
    assert.equal((await sn.fetch(`/api/now/table/api_key_credentials/${String(cred.sys_id)}`)).status, 404);
  });

  it("POST with sys_id or a sub-path is refused like the instance does", async () => {
    const res = await sn.fetch("/api/now/table/sys_properties/0123456789abcdef0123456789abcdef", { method: "POST", json: {} });
    assert.equal(res.status, 405);
    const noId = await sn.fetch("/api/now/table/sys_properties", { method: "DELETE" });
    assert.equal(noId.status, 405);
    const other = await sn.fetch("/api/now/stats/sys_properties");
    assert.equal(other.status, 400);
    assert.deepEqual(await other.json(), { error: { message: "Requested URI does not represent any resource", detail: null }, status: "failure" });
  });

  it("accepts a sys_id chosen by the client on insert", async () => {
    const id = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa01";
    const made = await create("sys_properties", { sys_id: id, name: "x.own.id" });
    assert.equal(made.sys_id, id);
    const again = await sn.fetch("/api/now/table/sys_properties", { method: "POST", json: { sys_id: id, name: "x.own.id2" } });
    assert.equal(again.status, 403);
  });

  it("refuses a second record with the same unique key (sys_properties.name)", async () => {
    await create("sys_properties", { name: "x.unique" });
    const res = await sn.fetch("/api/now/table/sys_properties", { method: "POST", json: { name: "x.unique" } });
    assert.equal(res.status, 403);
    const body = (await res.json()) as { error: { message: string }; status: string };
    assert.equal(body.error.message, "Operation Failed");
    assert.equal(body.status, "failure");
  });
});
