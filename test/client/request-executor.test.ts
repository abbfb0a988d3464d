import * as assert from "node:assert/strict";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import {
  isOutcomeUnknownError,
  isRateLimitedError,
  isServiceNowError,
  isUnreachableError,
  ServiceNowError,
} from "../../provider/client/errors";
import { addRequestListener, type RequestEvent } from "../../provider/client/request-events";
import { ServiceNowClient } from "../../provider/client/servicenow-client";
import type { SnRecord } from "../../provider/client/table-api";
import { config, INSTANCE, netError, nock, READ, SYS_ID, testClient, useNock } from "./fixtures";

const GET_PATH = `/api/now/table/sys_alias/${SYS_ID}`;
const POST_PATH = "/api/now/table/sys_alias";
const OK = { result: { sys_id: SYS_ID } };
const RATE = { error: { message: "Rate limit exceeded", detail: "Rate limit of 5 requests per hour for Table API exceeded" } };

describe("RequestExecutor (through ServiceNowClient)", () => {
  useNock();

  describe("429", () => {
    it("waits Retry-After seconds, then retries", async () => {
      nock(INSTANCE).get(GET_PATH).query(true).reply(429, RATE, { "Retry-After": "3" }).get(GET_PATH).query(true).reply(200, OK);
      const { client, clock } = testClient();
      assert.equal((await client.get("sys_alias", SYS_ID))?.sys_id, SYS_ID);
      assert.deepEqual(clock.sleeps, [3000]);
    });

    it("accepts Retry-After as an HTTP date", async () => {
      const { client, clock } = testClient();
      const at = new Date(clock.time + 7000).toUTCString();
      nock(INSTANCE).get(GET_PATH).query(true).reply(429, RATE, { "Retry-After": at }).get(GET_PATH).query(true).reply(200, OK);
      await client.get("sys_alias", SYS_ID);
      assert.deepEqual(clock.sleeps, [7000]);
    });

    it("waits until X-RateLimit-Reset (Unix seconds) when there is no Retry-After", async () => {
      const { client, clock } = testClient();
      const reset = String(clock.time / 1000 + 42);
      nock(INSTANCE).get(GET_PATH).query(true).reply(429, RATE, { "X-RateLimit-Reset": reset }).get(GET_PATH).query(true).reply(200, OK);
      await client.get("sys_alias", SYS_ID);
      assert.deepEqual(clock.sleeps, [42_000]);
    });

    it("fails at once with RateLimitedError saying when, if the wait is longer than 120 s", async () => {
      nock(INSTANCE).get(GET_PATH).query(true).reply(429, RATE, { "Retry-After": "3600" });
      const { client, clock } = testClient();
      await assert.rejects(client.get("sys_alias", SYS_ID), (e: unknown) => {
        assert.ok(isRateLimitedError(e));
        assert.equal(e.retryAt?.getTime(), clock.time + 3_600_000);
        assert.match(e.message, /rate limited \(HTTP 429: Rate limit exceeded: Rate limit of 5 requests per hour/);
        assert.match(e.message, new RegExp(`retry after ${e.retryAt!.toISOString()}`));
        return true;
      });
      assert.deepEqual(clock.sleeps, []);
    });

    it("gives up with RateLimitedError after maxRetries", async () => {
      nock(INSTANCE).get(GET_PATH).query(true).times(3).reply(429, RATE, { "Retry-After": "1" });
      const { client, events } = testClient({ maxRetries: 2 });
      await assert.rejects(client.get("sys_alias", SYS_ID), isRateLimitedError);
      assert.equal(events.length, 3);
    });

    it("retries a POST on 429: the instance did not process it", async () => {
      nock(INSTANCE).post(POST_PATH).query(true).reply(429, RATE, { "Retry-After": "1" }).post(POST_PATH).query(true).reply(201, OK);
      const { client } = testClient();
      assert.equal((await client.create("sys_alias", { name: "a" })).sys_id, SYS_ID);
    });
  });

  describe("502, 503, 504 and network errors", () => {
    for (const status of [502, 503, 504]) {
      it(`retries a GET after ${status} with exponential backoff and full jitter`, async () => {
        nock(INSTANCE).get(GET_PATH).query(true).times(3).reply(status, "Bad gateway").get(GET_PATH).query(true).reply(200, OK);
        const { client, clock, events } = testClient();
        await client.get("sys_alias", SYS_ID);
        // random() = 0.5: 0.5 × 250, 0.5 × 500, 0.5 × 1000
        assert.deepEqual(clock.sleeps, [125, 250, 500]);
        assert.deepEqual(events.map((e) => [e.attempt, e.status]), [[1, status], [2, status], [3, status], [4, 200]]);
      });
    }

    it("caps the backoff at 20 s", async () => {
      nock(INSTANCE).get(GET_PATH).query(true).times(9).reply(503).get(GET_PATH).query(true).reply(200, OK);
      const { client, clock } = testClient({ maxRetries: 9 }, { random: () => 0.999999 });
      await client.get("sys_alias", SYS_ID);
      assert.deepEqual(
        clock.sleeps.map((ms) => Math.round(ms / 10) * 10),
        [250, 500, 1000, 2000, 4000, 8000, 16000, 20000, 20000],
      );
    });

    it("fails after maxRetries with the last status", async () => {
      nock(INSTANCE).get(GET_PATH).query(true).times(6).reply(503, { error: { message: "Service Unavailable" } });
      const { client, events } = testClient();
      await assert.rejects(client.get("sys_alias", SYS_ID), (e: unknown) => {
        assert.ok(isServiceNowError(e) && e.constructor === ServiceNowError);
        assert.equal(e.status, 503);
        assert.match(e.message, /get of `sys_alias` record .* failed \(HTTP 503: Service Unavailable\)/);
        return true;
      });
      assert.equal(events.length, 6);
    });

    it("does not retry other statuses", async () => {
      nock(INSTANCE).get(GET_PATH).query(true).reply(500, { error: { message: "boom" } });
      const { client, events } = testClient();
      await assert.rejects(client.get("sys_alias", SYS_ID), (e: unknown) => isServiceNowError(e) && e.status === 500);
      assert.equal(events.length, 1);
    });

    for (const code of ["ECONNRESET", "ECONNREFUSED", "ETIMEDOUT"]) {
      it(`retries a GET, PATCH and DELETE after ${code}`, async () => {
        const err = netError(code, code === "ECONNRESET" ? "socket hang up" : code);
        nock(INSTANCE)
          .get(GET_PATH).query(true).replyWithError(err).get(GET_PATH).query(true).reply(200, OK)
          .patch(GET_PATH).query(true).replyWithError(err).patch(GET_PATH).query(true).reply(200, OK)
          .delete(GET_PATH).replyWithError(err).delete(GET_PATH).reply(204);
        const { client, events } = testClient();
        await client.get("sys_alias", SYS_ID);
        await client.update("sys_alias", SYS_ID, { name: "a" });
        assert.equal(await client.delete("sys_alias", SYS_ID), "deleted");
        assert.deepEqual(events.map((e) => e.errorCode ?? e.status), [code, 200, code, 200, code, 204]);
      });
    }

    it("raises UnreachableError naming the instance and the code when retries are spent", async () => {
      nock(INSTANCE).get(GET_PATH).query(true).times(2).replyWithError(netError("ECONNREFUSED", "connect ECONNREFUSED"));
      const { client } = testClient({ maxRetries: 1 });
      await assert.rejects(client.get("sys_alias", SYS_ID), (e: unknown) => {
        assert.ok(isUnreachableError(e));
        assert.equal(
          e.message,
          `could not reach ${INSTANCE} (ECONNREFUSED) for get of \`sys_alias\` record ${SYS_ID}: check servicenow:instanceUrl and network.`,
        );
        return true;
      });
    });

    it("does not retry a DNS failure (ENOTFOUND)", async () => {
      nock(INSTANCE).get(GET_PATH).query(true).replyWithError(netError("ENOTFOUND", "getaddrinfo ENOTFOUND"));
      const { client, events } = testClient();
      await assert.rejects(client.get("sys_alias", SYS_ID), isUnreachableError);
      assert.equal(events.length, 1);
    });

    it("times out a slow request after timeoutMs and retries it", async () => {
      nock(INSTANCE).get(GET_PATH).query(true).delay(1000).reply(200, OK).get(GET_PATH).query(true).reply(200, OK);
      const { client, events } = testClient({ timeoutMs: 50 });
      await client.get("sys_alias", SYS_ID);
      assert.deepEqual(events.map((e) => e.errorCode ?? e.status), ["ETIMEDOUT", 200]);
    });

    it("says to raise servicenow:timeoutSeconds when requests keep timing out", async () => {
      nock(INSTANCE).get(GET_PATH).query(true).delay(1000).reply(200, OK);
      const { client } = testClient({ timeoutMs: 50, maxRetries: 0 });
      await assert.rejects(client.get("sys_alias", SYS_ID), (e: unknown) => {
        assert.ok(isUnreachableError(e));
        assert.match(e.message, /\(ETIMEDOUT\).*did not answer within 0\.05 s: raise `servicenow:timeoutSeconds`/);
        return true;
      });
    });
  });

  describe("POST with an unknown outcome", () => {
    it("is not repeated without findExisting: OutcomeUnknownError names the table", async () => {
      nock(INSTANCE).post(POST_PATH).query(true).reply(502, "Bad Gateway");
      const { client, events } = testClient();
      await assert.rejects(client.create("sys_alias", { name: "a" }), (e: unknown) => {
        assert.ok(isOutcomeUnknownError(e));
        assert.equal(
          e.message,
          `create on table \`sys_alias\` on ${INSTANCE}: the outcome is unknown (HTTP 502): the record may or may not have been ` +
            "created. Check the instance for a new record in `sys_alias` before running again, and delete or adopt it.",
        );
        return true;
      });
      assert.equal(events.length, 1);
    });

    it("takes the record findExisting finds after a reset, and sends no second POST", async () => {
      nock(INSTANCE).post(POST_PATH).query(true).replyWithError(netError("ECONNRESET", "socket hang up"));
      const { client, events, clock } = testClient();
      const found: SnRecord = { sys_id: SYS_ID, name: "a" };
      let lookups = 0;
      const record = await client.create("sys_alias", { name: "a" }, { findExisting: async () => (lookups++, found) });
      assert.equal(record, found);
      assert.equal(lookups, 1);
      assert.equal(events.filter((e) => e.method === "POST").length, 1);
      assert.deepEqual(clock.sleeps, [125]); // waited before looking
    });

    it("repeats the POST when findExisting finds nothing", async () => {
      nock(INSTANCE).post(POST_PATH).query(true).reply(504).post(POST_PATH).query(true).reply(201, OK);
      const { client, events } = testClient();
      let lookups = 0;
      const record = await client.create("sys_alias", { name: "a" }, { findExisting: async () => (lookups++, undefined) });
      assert.equal(record.sys_id, SYS_ID);
      assert.equal(lookups, 1);
      assert.equal(events.length, 2);
    });

    it("looks once more when retries are spent, then raises the last error", async () => {
      nock(INSTANCE).post(POST_PATH).query(true).times(3).replyWithError(netError("ETIMEDOUT", "timeout"));
      const { client, events } = testClient({ maxRetries: 2 });
      let lookups = 0;
      await assert.rejects(
        client.create("sys_alias", { name: "a" }, { findExisting: async () => (lookups++, undefined) }),
        isUnreachableError,
      );
      assert.equal(lookups, 3);
      assert.equal(events.length, 3);
    });

    it("is repeated after ECONNREFUSED: the request never reached the instance", async () => {
      nock(INSTANCE).post(POST_PATH).query(true).replyWithError(netError("ECONNREFUSED", "refused")).post(POST_PATH).query(true).reply(201, OK);
      const { client } = testClient();
      assert.equal((await client.create("sys_alias", { name: "a" })).sys_id, SYS_ID);
    });
  });

  describe("request events", () => {
    it("reports method, path, status, time and attempt to onRequest and to process-wide listeners", async () => {
      const global: RequestEvent[] = [];
      const stop = addRequestListener((e) => global.push(e));
      nock(INSTANCE).get(GET_PATH).query(true).reply(503).get(GET_PATH).query(true).reply(200, OK);
      const { client, events } = testClient({}, { onRequest: undefined });
      try {
        await client.get("sys_alias", SYS_ID);
      } finally {
        stop();
      }
      assert.equal(events.length, 0);
      assert.deepEqual(
        global.map(({ ms: _ms, ...rest }) => rest),
        [1, 2].map((attempt) => ({
          instanceUrl: INSTANCE,
          operation: "get",
          table: "sys_alias",
          method: "GET",
          path: GET_PATH,
          status: attempt === 1 ? 503 : 200,
          attempt,
        })),
      );
    });

    it("ignores a listener that throws", async () => {
      nock(INSTANCE).get(GET_PATH).query({ ...READ }).reply(200, OK);
      const { client } = testClient({}, { onRequest: () => { throw new Error("listener bug"); } });
      assert.equal((await client.get("sys_alias", SYS_ID))?.sys_id, SYS_ID);
    });
  });

  describe("against a real HTTP server on 127.0.0.1", () => {
    let server: http.Server;
    let url: string;
    let active = 0;
    let maxActive = 0;
    let sockets = 0;

    before(async () => {
      server = http.createServer((req, res) => {
        active++;
        maxActive = Math.max(maxActive, active);
        setTimeout(() => {
          active--;
          res.writeHead(200, { "Content-Type": "application/json" });
          res.end(JSON.stringify({ result: { sys_id: SYS_ID, path: req.url } }));
        }, 15);
      });
      server.on("connection", () => sockets++);
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    after(async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    });
    beforeEach(() => {
      maxActive = 0;
      sockets = 0;
    });

    it("keeps at most maxConcurrency requests in flight", async () => {
      const client = new ServiceNowClient(config({ instanceUrl: url, maxConcurrency: 3 }));
      try {
        await Promise.all(Array.from({ length: 12 }, () => client.get("sys_alias", SYS_ID)));
      } finally {
        client.close();
      }
      assert.equal(maxActive, 3);
    });

    it("reuses one keep-alive connection for sequential requests", async () => {
      const client = new ServiceNowClient(config({ instanceUrl: url }));
      try {
        for (let i = 0; i < 5; i++) await client.get("sys_alias", SYS_ID);
      } finally {
        client.close();
      }
      assert.equal(sockets, 1);
    });
  });
});
