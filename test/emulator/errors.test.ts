import * as assert from "node:assert/strict";
import { aclDenied, errorForStatus, invalidTable, isEmulatorApiError, noRecord, notAuthenticated, rateLimited } from "../../emulator/errors";

describe("emulator error answers", () => {
  it("carry the exact bodies of the reference", () => {
    assert.deepEqual(invalidTable("x").body, { error: { message: "Invalid table x", detail: null }, status: "failure" });
    assert.deepEqual(notAuthenticated().body, { error: { message: "User Not Authenticated", detail: "Required to provide Auth information" }, status: "failure" });
    assert.deepEqual(aclDenied("Insert").body, { error: { message: "Operation Failed", detail: "ACL Exception Insert Failed due to security constraints" }, status: "failure" });
    assert.deepEqual(noRecord().body, { error: { message: "No Record found", detail: "Record doesn't exist or ACL restricts the record retrieval" }, status: "failure" });
  });

  it("a 429 says when to come back", () => {
    const e = rateLimited(100, 1_700_003_600, "rule", 1_700_000_000_000);
    assert.equal(e.status, 429);
    assert.deepEqual(e.headers, { "retry-after": "3600", "x-ratelimit-limit": "100", "x-ratelimit-reset": "1700003600", "x-ratelimit-rule": "rule" });
    assert.deepEqual(e.body, { error: { message: "Rate limit exceeded", detail: "Rate limit of 100 requests per hour for Table API exceeded" }, status: "failure" });
  });

  it("injected statuses get ServiceNow-shaped bodies, 403 worded by method", () => {
    for (const s of [400, 401, 404, 500, 502, 503, 504, 418]) {
      const e = errorForStatus(s, "GET");
      assert.equal(e.status, s);
      assert.equal((e.body as { status: string }).status, "failure");
      assert.ok(isEmulatorApiError(e));
    }
    assert.match(JSON.stringify(errorForStatus(403, "DELETE").body), /ACL Exception Delete Failed/);
    assert.match(JSON.stringify(errorForStatus(403, "PATCH").body), /ACL Exception Update Failed/);
  });
});
