import * as assert from "node:assert/strict";
import { useEmulator } from "../helpers/emulator";

describe("emulator control endpoint and stats", () => {
  const sn = useEmulator({ spokes: [] });

  it("GET/PUT /__emulator/faults reads and replaces the faults, without auth", async () => {
    const put = await fetch(`${sn.url}/__emulator/faults`, { method: "PUT", body: JSON.stringify({ errorRate: 1, failNext: [{ status: 500 }] }) });
    assert.equal(put.status, 200);
    assert.deepEqual(await put.json(), { errorRate: 1, failNext: [{ status: 500, count: 1 }] });
    assert.deepEqual(await (await fetch(`${sn.url}/__emulator/faults`)).json(), { errorRate: 1, failNext: [{ status: 500, count: 1 }] });
    // Control endpoints are never faulted.
    assert.equal((await fetch(`${sn.url}/__emulator/stats`)).status, 200);
    assert.equal((await sn.fetch("/api/now/table/sys_user")).status, 500);
    assert.equal((await sn.fetch("/api/now/table/sys_user")).status, 503);
    const off = await fetch(`${sn.url}/__emulator/faults`, { method: "PUT", body: "{}" });
    assert.deepEqual(await off.json(), {});
    assert.equal((await sn.fetch("/api/now/table/sys_user")).status, 200);
  });

  it("PUT with bad options is 400 and changes nothing", async () => {
    const res = await fetch(`${sn.url}/__emulator/faults`, { method: "PUT", body: JSON.stringify({ dropRate: 5 }) });
    assert.equal(res.status, 400);
    assert.match(((await res.json()) as { error: string }).error, /dropRate/);
    assert.equal((await fetch(`${sn.url}/__emulator/faults`, { method: "PUT", body: "not json" })).status, 400);
    assert.deepEqual(await (await fetch(`${sn.url}/__emulator/faults`)).json(), {});
  });

  it("counts requests by method, table and status; reset-stats clears them", async () => {
    assert.equal((await fetch(`${sn.url}/__emulator/reset-stats`, { method: "POST" })).status, 204);
    await (await sn.fetch("/api/now/table/sys_user")).arrayBuffer();
    await (await sn.fetch("/api/now/v2/table/sys_user_role")).arrayBuffer();
    await (await sn.fetch("/api/now/table/sys_properties", { method: "POST", json: { name: "ctl.x" } })).arrayBuffer();
    await (await sn.fetch("/api/now/table/nope")).arrayBuffer();
    const stats = (await (await fetch(`${sn.url}/__emulator/stats`)).json()) as Record<string, unknown> & { memory: { rss: number } };
    assert.equal(stats.requests, 4);
    assert.deepEqual(stats.byMethod, { GET: 3, POST: 1 });
    assert.deepEqual(stats.byTable, { sys_user: 1, sys_user_role: 1, sys_properties: 1, nope: 1 });
    assert.deepEqual(stats.byStatus, { "200": 2, "201": 1, "400": 1 });
    assert.ok(stats.memory.rss > 0);
    assert.deepEqual(sn.instance.stats(), { requests: 4, byMethod: { GET: 3, POST: 1 }, byTable: { sys_user: 1, sys_user_role: 1, sys_properties: 1, nope: 1 }, byStatus: { "200": 2, "201": 1, "400": 1 } });
    sn.instance.resetStats();
    assert.equal(sn.instance.stats().requests, 0);
  });

  it("an unknown control path is 404", async () => {
    assert.equal((await fetch(`${sn.url}/__emulator/nope`)).status, 404);
  });
});
