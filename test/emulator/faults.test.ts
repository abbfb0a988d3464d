import * as assert from "node:assert/strict";
import { Faults } from "../../emulator/faults";
import { useEmulator } from "../helpers/emulator";

const RULE = /^[0-9a-f]{32}$/;

describe("emulator faults", () => {
  const sn = useEmulator({ spokes: [] });
  afterEach(() => sn.instance.setFaults({}));

  const get = (): Promise<Response> => sn.fetch("/api/now/table/sys_user_role");

  it("latencyMs delays every answer", async () => {
    sn.instance.setFaults({ latencyMs: 150 });
    const t = Date.now();
    assert.equal((await get()).status, 200);
    assert.ok(Date.now() - t >= 140);
  });

  it("jitterMs adds a random delay below it", async () => {
    let n = 0;
    const f = new Faults({ jitterMs: 100 }, "r", Date.now, () => (n++ === 0 ? 0.5 : 0.99));
    const t = Date.now();
    await f.decide({ method: "GET", table: "x", tableApi: true });
    assert.ok(Date.now() - t >= 45);
  });

  it("rateLimitEvery: every Nth Table API request gets 429 with the headers and body", async () => {
    sn.instance.setFaults({ rateLimitEvery: 3 });
    const statuses: number[] = [];
    let limited: Response | undefined;
    for (let i = 0; i < 6; i++) {
      const res = await get();
      statuses.push(res.status);
      if (res.status === 429) limited ??= res;
      else await res.arrayBuffer();
    }
    assert.deepEqual(statuses, [200, 200, 429, 200, 200, 429]);
    assert.ok(limited);
    assert.equal(limited.headers.get("retry-after"), "1");
    assert.equal(limited.headers.get("x-ratelimit-limit"), "3");
    assert.match(limited.headers.get("x-ratelimit-rule") ?? "", RULE);
    const reset = Number(limited.headers.get("x-ratelimit-reset"));
    assert.ok(Math.abs(reset - Date.now() / 1000) < 5);
    assert.deepEqual(await limited.json(), { error: { message: "Rate limit exceeded", detail: "Rate limit of 3 requests per hour for Table API exceeded" }, status: "failure" });
  });

  it("rateLimitPerHour: requests beyond the limit in this clock hour get 429 until the hour ends", async () => {
    sn.instance.setFaults({ rateLimitPerHour: 2 });
    assert.equal((await get()).status, 200);
    assert.equal((await get()).status, 200);
    const res = await get();
    assert.equal(res.status, 429);
    const nextHour = Math.ceil(Date.now() / 3_600_000) * 3600;
    assert.equal(Number(res.headers.get("x-ratelimit-reset")), nextHour);
    assert.equal(res.headers.get("x-ratelimit-limit"), "2");
    const retryAfter = Number(res.headers.get("retry-after"));
    assert.ok(retryAfter >= 1 && retryAfter <= 3600);
    assert.match(((await res.json()) as { error: { detail: string } }).error.detail, /Rate limit of 2 requests per hour/);
    // Not the token endpoint or the stand-ins: the limit is the Table API's.
    assert.equal((await fetch(`${sn.url}/api/v1/users/me`, { headers: { authorization: "SSWS okta-api-token" } })).status, 200);
  });

  it("errorRate 1 answers 503 with a ServiceNow body; errorStatuses picks others", async () => {
    sn.instance.setFaults({ errorRate: 1 });
    const res = await get();
    assert.equal(res.status, 503);
    assert.equal(((await res.json()) as { status: string }).status, "failure");
    sn.instance.setFaults({ errorRate: 1, errorStatuses: [502] });
    assert.equal((await get()).status, 502);
  });

  it("dropRate 1 destroys the connection without an answer", async () => {
    sn.instance.setFaults({ dropRate: 1 });
    await assert.rejects(get(), TypeError);
  });

  it("slowBodyMs sends headers at once and the body over that time", async () => {
    sn.instance.setFaults({ slowBodyMs: 300 });
    const t = Date.now();
    const res = await get();
    const headersAt = Date.now() - t;
    await res.json();
    assert.ok(headersAt < 250, `headers after ${headersAt} ms`);
    assert.ok(Date.now() - t >= 280);
  });

  it("failNext fails the next matching requests with the status and its ServiceNow body", async () => {
    sn.instance.setFaults({ failNext: [{ method: "POST", table: "sys_properties", status: 500, count: 2 }, { table: "sys_user_role", status: 403 }] });
    assert.equal((await get()).status, 403);
    assert.equal((await get()).status, 200);
    const post = (): Promise<Response> => sn.fetch("/api/now/table/sys_properties", { method: "POST", json: { name: "fault.fail" } });
    const first = await post();
    assert.equal(first.status, 500);
    assert.equal(((await first.json()) as { status: string }).status, "failure");
    assert.equal((await post()).status, 500);
    assert.equal(sn.instance.records("sys_properties", "name=fault.fail").length, 0, "failed before the write");
    assert.equal((await post()).status, 201);
  });

  it("failNext with when=after applies the write and then fails or drops (outcome unknown)", async () => {
    sn.instance.setFaults({ failNext: [{ method: "POST", status: 0, when: "after" }, { method: "POST", status: 503, when: "after" }] });
    const post = (name: string): Promise<Response> => sn.fetch("/api/now/table/sys_properties", { method: "POST", json: { name } });
    await assert.rejects(post("fault.after.drop"), TypeError);
    assert.equal((await post("fault.after.503")).status, 503);
    assert.equal(sn.instance.records("sys_properties", "nameSTARTSWITHfault.after.").length, 2);
  });

  it("failNext 429 carries the rate-limit headers", async () => {
    sn.instance.setFaults({ failNext: [{ status: 429 }] });
    const res = await get();
    assert.equal(res.status, 429);
    assert.equal(res.headers.get("retry-after"), "1");
  });

  it("refuses bad fault options with a message naming the option", () => {
    assert.throws(() => sn.instance.setFaults({ errorRate: 2 }), /errorRate/);
    assert.throws(() => sn.instance.setFaults({ latencyMs: -1 }), /latencyMs/);
    assert.throws(() => sn.instance.setFaults({ failNext: [{ status: 200 }] }), /failNext/);
  });

  it("faults can be given at start", async () => {
    const { start } = await import("../../emulator");
    const e = await start({ quiet: true, spokes: [], faults: { errorRate: 1 } });
    try {
      const res = await fetch(`${e.url}/api/now/table/sys_user`, { headers: { "x-sn-apikey": e.apiKey } });
      assert.equal(res.status, 503);
    } finally {
      await e.stop();
    }
  });
});
