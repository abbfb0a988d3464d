/**
 * Writes test/fixtures/behaviour-baseline.json: `node dist/test/lifecycle/record-behaviour-baseline.js`.
 * Run it on the release to compare against (it was run on 480ccb3, before the one-declaration
 * refactor), never to make a failing comparison pass.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { start } from "../../emulator";
import { recordBehaviour } from "./behaviour-record";

async function main(): Promise<void> {
  const emulator = await start({ quiet: true });
  try {
    const behaviour = await recordBehaviour(emulator);
    const path = join(__dirname, "..", "..", "..", "test", "fixtures", "behaviour-baseline.json");
    writeFileSync(path, `${JSON.stringify(behaviour, null, 1)}\n`);
    console.log(`wrote ${path}`);
  } finally {
    await emulator.stop();
  }
}

void main();
