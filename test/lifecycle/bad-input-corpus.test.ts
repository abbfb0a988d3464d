import * as assert from "node:assert/strict";
import { start, type RunningEmulator } from "../../emulator";
import * as provider from "../../provider/dynamic-provider";
import { kinds } from "../../provider/registry";
import { connectProvider } from "../helpers/provider-session";
import { badInputs, secretMarker, validInputs } from "./bad-inputs";

/**
 * Every bad input is refused by check, the first thing Pulumi calls, through the module Pulumi
 * loads: before any request reaches the instance, with a message that names the input, and
 * with no secret or URL credential in any message or line written.
 */
describe("check refuses the corpus of bad inputs before any request", () => {
  let emulator: RunningEmulator;
  const written: string[] = [];
  const originalWrites = { stdout: process.stdout.write, stderr: process.stderr.write };

  before(async () => {
    emulator = await start({ quiet: true });
    connectProvider(emulator);
    emulator.resetStats();
    // Whatever check writes (logs included) is kept for the secret scan, and still shown.
    for (const stream of ["stdout", "stderr"] as const) {
      const original = originalWrites[stream];
      process[stream].write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
        written.push(String(chunk));
        return (original as (...args: unknown[]) => boolean).call(process[stream], chunk, ...rest);
      }) as typeof process.stdout.write;
    }
  });
  after(async () => {
    process.stdout.write = originalWrites.stdout;
    process.stderr.write = originalWrites.stderr;
    await emulator.stop();
  });

  const check = (kind: string, inputs: Record<string, unknown>) => provider.check({}, { ...inputs, __kind: kind });

  it("has at least 150 cases, over every kind", () => {
    assert.ok(badInputs.length >= 150, `${badInputs.length} cases`);
    assert.deepEqual(new Set(badInputs.map((c) => c.kind)), new Set(kinds.map((k) => k.name)));
  });

  it("starts from inputs that every kind accepts", async () => {
    for (const kind of kinds) {
      const result = await check(kind.name, validInputs[kind.name]!);
      assert.deepEqual(result.failures ?? [], [], kind.name);
    }
  });

  for (const { kind, what, inputs, property, says } of badInputs) {
    it(`${kind}: ${what} (\`${property}\`)`, async () => {
      const result = await check(kind, inputs);
      const failures = result.failures ?? [];
      const failure = failures.find((f) => f.property === property);
      assert.ok(failure, `no failure names ${property}: ${JSON.stringify(failures)}`);
      assert.ok(failure.reason.startsWith(`\`${property}\``), failure.reason);
      assert.match(failure.reason, says);
      for (const f of failures) assert.ok(!f.reason.includes(secretMarker), `a secret is echoed: ${f.reason}`);
    });
  }

  it("sent no request to the instance and wrote no secret", () => {
    assert.equal(emulator.stats().requests, 0);
    assert.ok(!written.join("").includes(secretMarker), "a secret was written to stdout or stderr");
  });
});
