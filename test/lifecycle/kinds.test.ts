import * as assert from "node:assert/strict";
import type { RunningEmulator } from "../../emulator";
import { useEmulator } from "../helpers/emulator";
import { connectProvider, lifecycle, stateRecords } from "../helpers/provider-session";
import { kindCases } from "./kind-cases";
import { snapshot } from "./snapshot";

type Outputs = Record<string, any>;

/** Requests per operation and kind, printed at the end (the issue asks for the numbers). */
const requestCounts: Record<string, Record<string, number>> = {};

async function counted<T>(emulator: RunningEmulator, kind: string, operation: string, run: () => Promise<T>): Promise<T> {
  emulator.resetStats();
  const result = await run();
  (requestCounts[kind] ??= {})[operation] ??= emulator.stats().requests;
  return result;
}

function recordSysId(kind: string, outs: Outputs, step: string): string {
  const record = stateRecords(kind, outs).find((r) => r.step === step);
  assert.ok(record, `no record for step ${step}`);
  return record.sysId;
}

/** Inputs as the engine compares them for display, without the provider's `__` keys. */
function withoutInternal(inputs: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(inputs).filter(([key]) => !key.startsWith("__")));
}

function tableOf(kind: string, outs: Outputs, step: string): string {
  return stateRecords(kind, outs).find((r) => r.step === step)!.table;
}

describe("lifecycle of every resource kind against the emulator", function () {
  const sn = useEmulator();

  after(() => {
    const operations = ["create", "read", "diff", "update", "delete"];
    console.log(`\n      HTTP requests per operation\n      ${"kind".padEnd(22)}${operations.map((o) => o.padStart(8)).join("")}`);
    for (const [kind, counts] of Object.entries(requestCounts)) {
      console.log(`      ${kind.padEnd(22)}${operations.map((o) => String(counts[o] ?? "-").padStart(8)).join("")}`);
    }
  });

  for (const testCase of kindCases) {
    describe(testCase.kind, () => {
      const provider = () => lifecycle(testCase.kind);
      const checked = async (inputs: Record<string, unknown>) => {
        const result = await provider().check({}, inputs);
        assert.deepEqual(result.failures ?? [], []);
        return result.inputs as Record<string, unknown>;
      };

      it("creates, reads back with no drift, updates in place, repairs drift, and deletes leaving the instance as it was", async () => {
        const emulator = sn.instance;
        connectProvider(emulator);
        const inputs = await checked(testCase.inputs(emulator));
        const update = typeof testCase.update === "function" ? testCase.update(emulator) : testCase.update;
        const before = snapshot(emulator);

        const created = await counted(emulator, testCase.kind, "create", () => provider().create(inputs));
        assert.match(created.id, /^[0-9a-f]{32}$/);
        let outs: Outputs = created.outs;
        assert.equal(outs.sysId, created.id);

        const read = await counted(emulator, testCase.kind, "read", () => provider().read(created.id, outs));
        assert.equal(read.id, created.id);
        const noDrift = await counted(emulator, testCase.kind, "diff", () => provider().diff(created.id, read.props, inputs));
        assert.equal(noDrift.changes, false, "a create followed by a refresh shows no change");

        const changedInputs = await checked({ ...inputs, ...update });
        const change = await provider().diff(created.id, read.props, changedInputs);
        assert.notEqual(change.changes, false);
        assert.deepEqual(change.replaces, [], "the update is in place");
        outs = (await counted(emulator, testCase.kind, "update", () => provider().update(created.id, read.props, changedInputs))).outs;
        const afterUpdate = await provider().read(created.id, outs);
        assert.equal((await provider().diff(created.id, afterUpdate.props, changedInputs)).changes, false, "the update converged");

        // A change made in the UI, behind Pulumi's back.
        const { step, fields, input } = testCase.drift;
        emulator.update(tableOf(testCase.kind, outs, step), recordSysId(testCase.kind, outs, step), fields);
        const drifted = await provider().read(created.id, outs);
        if (input) assert.notDeepEqual(drifted.inputs![input], changedInputs[input], `refresh shows the drift on \`${input}\``);
        assert.notEqual((await provider().diff(created.id, drifted.props, changedInputs)).changes, false, "refresh detects the drift");
        outs = (await provider().update(created.id, drifted.props, changedInputs)).outs;
        assert.equal((await provider().diff(created.id, (await provider().read(created.id, outs)).props, changedInputs)).changes, false);

        if (testCase.secretDrift) {
          const secret = testCase.secretDrift;
          const table = tableOf(testCase.kind, outs, secret.step);
          const sysId = recordSysId(testCase.kind, outs, secret.step);
          emulator.update(table, sysId, { [secret.column]: "rewritten-in-the-ui" });
          const refreshed = await provider().read(created.id, outs);
          assert.notEqual((await provider().diff(created.id, refreshed.props, changedInputs)).changes, false, "a rewritten secret is drift");
          assert.ok(!JSON.stringify(refreshed.props).includes("rewritten-in-the-ui"));
          outs = (await provider().update(created.id, refreshed.props, changedInputs)).outs;
          // Attribute values are plain strings on the instance; password2 columns need revealing.
          const stored = emulator.revealSecret(table, sysId, secret.column) ?? emulator.records(table, `sys_id=${sysId}`)[0]?.[secret.column];
          assert.equal(stored, secret.original, "update wrote the secret back");
        }

        await counted(emulator, testCase.kind, "delete", () => provider().delete(created.id, outs));
        assert.deepEqual(snapshot(emulator), before, "delete leaves the instance as it was");
      });

      it("detects a change behind Pulumi's back on each of its records, secrets included, and repairs it", async () => {
        const emulator = sn.instance;
        connectProvider(emulator);
        const inputs = await checked(testCase.inputs(emulator));
        let outs: Outputs = (await provider().create(inputs)).outs;
        const id = outs.sysId as string;
        for (const record of stateRecords(testCase.kind, outs).filter((r) => r.origin !== "instance")) {
          const changes: Record<string, string>[] = [];
          const column = Object.keys(record.values).find((c) => !["true", "false"].includes(record.values[c]!) && c !== "default");
          const flag = Object.keys(record.values).find((c) => ["true", "false"].includes(record.values[c]!));
          if (column) changes.push({ [column]: `${record.values[column]}-changed` });
          else if (flag) changes.push({ [flag]: record.values[flag] === "true" ? "false" : "true" });
          for (const secret of Object.keys(record.fingerprints)) changes.push({ [secret]: "rewritten-in-the-ui" });
          for (const change of changes) {
            emulator.update(record.table, record.sysId, change);
            const refreshed = await provider().read(id, outs);
            const what = `${record.step}.${Object.keys(change)[0]}`;
            const seen = await provider().diff(id, refreshed.props, inputs);
            assert.notEqual(seen.changes, false, `drift on ${what} is seen`);
            // "Unknown" lets the engine name the changed inputs; it must then see them differ.
            if (seen.changes === undefined) assert.notDeepEqual(withoutInternal(refreshed.inputs!), withoutInternal(inputs), `drift on ${what} shows in the refreshed inputs`);
            outs = (await provider().update(id, refreshed.props, inputs)).outs;
            const again = await provider().read(id, outs);
            assert.equal((await provider().diff(id, again.props, inputs)).changes, false, `drift on ${what} is repaired`);
            outs = again.props as Outputs;
          }
        }
        await provider().delete(id, outs);
      });

      if (testCase.eachField) {
        it("updates each field of its form in place", async () => {
          const emulator = sn.instance;
          connectProvider(emulator);
          let inputs = await checked(testCase.inputs(emulator));
          const created = await provider().create(inputs);
          let outs: Outputs = created.outs;
          for (const [field, value] of Object.entries(testCase.eachField!)) {
            const news = await checked({ ...inputs, [field]: value });
            const change = await provider().diff(created.id, outs, news);
            assert.notEqual(change.changes, false, `a new ${field} is a change`);
            assert.deepEqual(change.replaces, [], `a new ${field} is updated in place`);
            outs = (await provider().update(created.id, outs, news)).outs;
            for (const [step, sysId] of Object.entries(created.outs.sysIds as Record<string, string>)) {
              if (step in outs.sysIds) assert.equal(outs.sysIds[step], sysId, `updating ${field} keeps the ${step} record`);
            }
            const refreshed = await provider().read(created.id, outs);
            assert.equal((await provider().diff(created.id, refreshed.props, news)).changes, false, `${field} converged`);
            inputs = news;
            outs = refreshed.props as Outputs;
          }
          await provider().delete(created.id, outs);
        });
      }

      it("recreates records deleted behind Pulumi's back", async () => {
        const emulator = sn.instance;
        connectProvider(emulator);
        const inputs = await checked(testCase.inputs(emulator));
        const created = await provider().create(inputs);
        const primary = stateRecords(testCase.kind, created.outs).find((r) => r.sysId === created.id)!;
        emulator.remove(primary.table, primary.sysId);
        const refreshed = await provider().read(created.id, created.outs);
        const ours = stateRecords(testCase.kind, created.outs).filter((r) => r.origin !== "instance");
        if (ours.length === 1) {
          assert.equal(refreshed.id, "", "a resource whose only record is gone reads as gone");
        } else {
          assert.notEqual((await provider().diff(created.id, refreshed.props, inputs)).changes, false);
          const repaired = await provider().update(created.id, refreshed.props, inputs);
          const again = await provider().read(created.id, repaired.outs);
          assert.equal((await provider().diff(created.id, again.props, inputs)).changes, false);
          await provider().delete(created.id, repaired.outs);
          return;
        }
        await provider().delete(created.id, created.outs);
      });

      it(testCase.conflictsWithoutAdopt ? "refuses to take over an existing record unless adopt is true" : "adopts an existing record by default", async () => {
        const emulator = sn.instance;
        connectProvider(emulator);
        const inputs = await checked(testCase.inputs(emulator));
        const first = await provider().create(inputs);
        if (testCase.conflictsWithoutAdopt) {
          await assert.rejects(provider().create(inputs), (error: Error) => {
            assert.match(error.message, /already exists/);
            assert.match(error.message, /adopt: true/);
            assert.match(error.message, /sys_id [0-9a-f]{32}/);
            return true;
          });
        }
        const adopted = await provider().create(await checked({ ...inputs, adopt: true }));
        assert.equal(adopted.id, first.id, "adoption takes over the same record: no duplicate");
        assert.deepEqual(adopted.outs.sysIds, first.outs.sysIds, "every record is taken over, none duplicated");
        await provider().delete(adopted.id, adopted.outs);
      });
    });
  }
});
