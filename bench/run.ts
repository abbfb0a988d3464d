/**
 * Runs every benchmark module in BENCHMARKS (each exports `run()` resolving to a result with a
 * `name` and an `ok` verdict against its target), prints the results and exits 1 if any missed
 * its target. Add a benchmark by adding its module to the list.
 */
interface BenchResult {
  readonly name: string;
  readonly ok: boolean;
}

type BenchModule = { run(): Promise<BenchResult> };

const BENCHMARKS: readonly (() => Promise<BenchModule>)[] = [() => import("./emulator-throughput")];

async function main(): Promise<void> {
  let failed = 0;
  for (const load of BENCHMARKS) {
    const result = await (await load()).run();
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n${result.name}: ${result.ok ? "meets its target" : "MISSES its target"}\n`);
    if (!result.ok) failed += 1;
  }
  process.exitCode = failed === 0 ? 0 : 1;
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
