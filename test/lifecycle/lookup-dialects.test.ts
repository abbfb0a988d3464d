import * as assert from "node:assert/strict";
import { start, type RunningEmulator } from "../../emulator";
import type { QueryDialect } from "../../emulator/query";
import { findByKey } from "../../provider/lifecycle/record-operations";
import { checkAndCreate, connectProvider, lifecycle } from "../helpers/provider-session";

/**
 * Lookups by natural key under both readings of an encoded query that ServiceNow's
 * documentation leaves open: `^^` as a literal or as two separators, and case-sensitive or
 * not. The provider never sends a `^` in a value, and it uses only exact matches.
 */
const dialects: readonly [string, QueryDialect][] = [
  ["as documented (case-sensitive, ^^ literal)", { splitEveryCaret: false, ignoreCase: false }],
  ["as many instances behave (case-insensitive, every ^ splits)", { splitEveryCaret: true, ignoreCase: true }],
];

for (const [label, queryDialect] of dialects) {
  describe(`lookups on an instance that reads queries ${label}`, () => {
    let emulator: RunningEmulator;
    before(async () => {
      emulator = await start({ quiet: true, queryDialect });
      connectProvider(emulator);
    });
    after(() => emulator.stop());

    it("adopts only the record whose name matches exactly, never one that differs in case", async () => {
      const variant = emulator.insert("basic_auth_credentials", { name: "workday integration", user_name: "someone_else", password: "variant-password-1" });
      const exact = emulator.insert("basic_auth_credentials", { name: "Workday Integration", user_name: "old_user", password: "old-password-1" });
      const { id } = await checkAndCreate("BasicAuthCredential", { name: "Workday Integration", userName: "svc_new", password: "new-password-1", adopt: true });
      assert.equal(id, exact.sys_id);
      assert.equal(emulator.records("basic_auth_credentials", `sys_id=${variant.sys_id}`)[0]?.user_name, "someone_else");
    });

    it("creates its own record when only a case variant exists, and deletes only that one", async () => {
      const variant = emulator.insert("sys_properties", { name: "x_acme.Lookup.level", value: "keep me" });
      const { id, outs } = await checkAndCreate("SystemProperty", { name: "x_acme.lookup.level", value: "3", deleteBehavior: "delete" });
      assert.notEqual(id, variant.sys_id);
      assert.equal(emulator.records("sys_properties", `sys_id=${variant.sys_id}`)[0]?.value, "keep me");
      await lifecycle("SystemProperty").delete(id, outs);
      assert.equal(emulator.records("sys_properties", `sys_id=${id}`).length, 0);
      assert.equal(emulator.records("sys_properties", `sys_id=${variant.sys_id}`)[0]?.value, "keep me");
    });

    it("never sends a ^ in a query value: a key holding one fails before any request", async () => {
      const api = connectProvider(emulator);
      emulator.resetStats();
      await assert.rejects(findByKey(api, { table: "sys_properties", key: { name: "a^ORname=glide.servlet.uri" } }, {}), /cannot contain `\^`/);
      assert.equal(emulator.stats().requests, 0);
    });
  });
}
