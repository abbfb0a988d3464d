import * as assert from "node:assert/strict";
import { CountingTableApi } from "../../provider/client/counting-table-api";
import type { TableApi } from "../../provider/client/table-api";

describe("CountingTableApi", () => {
  it("counts calls per method and per method and table, and delegates", async () => {
    const calls: string[] = [];
    const inner: TableApi = {
      instanceUrl: "https://x.test",
      get: async (t) => (calls.push(`get ${t}`), undefined),
      list: async (t) => (calls.push(`list ${t}`), []),
      create: async (t) => (calls.push(`create ${t}`), { sys_id: "1" }),
      update: async (t) => (calls.push(`update ${t}`), { sys_id: "1" }),
      delete: async (t) => (calls.push(`delete ${t}`), "deleted"),
    };
    const api = new CountingTableApi(inner);
    await api.get("a", "1");
    await api.get("b", "1");
    await api.list("a", "");
    await api.create("a", {});
    await api.update("a", "1", {});
    assert.equal(await api.delete("a", "1"), "deleted");
    assert.equal(api.instanceUrl, "https://x.test");
    assert.deepEqual(api.counts, { get: 2, list: 1, create: 1, update: 1, delete: 1 });
    assert.deepEqual(api.countsByTable, { "get a": 1, "get b": 1, "list a": 1, "create a": 1, "update a": 1, "delete a": 1 });
    assert.equal(api.total, 6);
    assert.equal(calls.length, 6);
    api.reset();
    assert.equal(api.total, 0);
  });
});
