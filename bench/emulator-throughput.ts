/**
 * Emulator throughput at 10,000 records (issue 3): requests per second and p50/p99 latency for
 * a list with a query (the provider's look-up by natural key), GET by sys_id and POST, with 8
 * concurrent clients and no injected faults; plus the emulator's memory. The emulator runs in
 * its own process (the CLI), as in the other benchmarks, so the clients do not share its CPU.
 * Target: >= 1000 req/s and p99 < 20 ms. Writes bench/results/emulator.json.
 */
import { spawn } from "node:child_process";
import { Agent, request } from "node:http";
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { start } from "../emulator";

const RECORDS = 10_000;
const CLIENTS = 8;
const TARGET_RPS = 1000;
const TARGET_P99_MS = 20;
const PASSWORD = "bench-admin-password";

export interface PhaseResult {
  requests: number;
  errors: number;
  seconds: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

export interface EmulatorBenchResult {
  name: "emulator-throughput";
  ok: boolean;
  target: { requestsPerSecond: number; p99Ms: number };
  records: number;
  clients: number;
  phases: Record<"listByQuery" | "getById" | "post", PhaseResult>;
  /** The emulator process with the 10,000 records loaded, and after the POST phase added more. */
  memory: { atStart: Memory; atEnd: Memory & { records: number } };
  node: string;
  date: string;
}

interface Memory {
  rssBytes: number;
  heapUsedBytes: number;
}

async function memory(url: string): Promise<Memory> {
  const stats = (await (await fetch(`${url}/__emulator/stats`)).json()) as { memory: { rss: number; heapUsed: number } };
  return { rssBytes: stats.memory.rss, heapUsedBytes: stats.memory.heapUsed };
}

interface Call {
  method: string;
  path: string;
  body?: string;
}

function send(agent: Agent, base: URL, auth: string, call: Call): Promise<number> {
  return new Promise((res, rej) => {
    const req = request(
      { agent, host: base.hostname, port: base.port, method: call.method, path: call.path, headers: { authorization: auth, accept: "application/json", ...(call.body ? { "content-type": "application/json" } : {}) } },
      (r) => {
        r.resume();
        r.on("end", () => res(r.statusCode ?? 0));
      },
    );
    req.on("error", rej);
    req.end(call.body);
  });
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

async function phase(base: URL, auth: string, seconds: number, next: (i: number) => Call, ok: number): Promise<PhaseResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
  const latencies: number[] = [];
  let errors = 0;
  let i = 0;
  const started = process.hrtime.bigint();
  const deadline = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (Date.now() < deadline) {
        const t = process.hrtime.bigint();
        const status = await send(agent, base, auth, next(i++)).catch(() => 0);
        latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
        if (status !== ok) errors += 1;
      }
    }),
  );
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const round = (n: number): number => Math.round(n * 100) / 100;
  return { requests: latencies.length, errors, seconds: round(elapsed), requestsPerSecond: Math.round(latencies.length / elapsed), p50Ms: round(percentile(latencies, 50)), p99Ms: round(percentile(latencies, 99)) };
}

/** Prepares a data file with RECORDS properties, then benchmarks the CLI serving it. */
export async function run(): Promise<EmulatorBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), "sn-emulator-bench-"));
  const dataFile = join(dir, "instance.json");
  const seeded = await start({ quiet: true, dataFile, adminPassword: PASSWORD });
  const ids: string[] = [];
  for (let n = 0; n < RECORDS; n++) ids.push(seeded.insert("sys_properties", { name: `bench.prop.${n}`, value: String(n), description: "benchmark record" }).sys_id);
  await seeded.stop();

  const child = spawn(process.execPath, [resolve(__dirname, "../emulator/cli.js"), "--data", dataFile, "--quiet"], { stdio: ["ignore", "pipe", "inherit"] });
  try {
    const url = await new Promise<string>((res, rej) => {
      let out = "";
      child.stdout.on("data", (d: Buffer) => {
        out += d.toString();
        const m = /^ready (\S+)$/m.exec(out);
        if (m) res(m[1]);
      });
      child.on("exit", (code) => rej(new Error(`emulator exited with ${code}`)));
    });
    const base = new URL(url);
    const auth = `Basic ${Buffer.from(`admin:${PASSWORD}`).toString("base64")}`;
    const table = "/api/now/table/sys_properties";
    const atStart = await memory(url);
    // Warm-up (JIT, index build), then the measured phases.
    await phase(base, auth, 0.5, (i) => ({ method: "GET", path: `${table}?sysparm_query=name%3Dbench.prop.${i % RECORDS}` }), 200);
    const listByQuery = await phase(base, auth, 5, (i) => ({ method: "GET", path: `${table}?sysparm_query=name%3Dbench.prop.${(i * 7919) % RECORDS}&sysparm_exclude_reference_link=true` }), 200);
    const getById = await phase(base, auth, 2, (i) => ({ method: "GET", path: `${table}/${ids[(i * 7919) % RECORDS]}` }), 200);
    const post = await phase(base, auth, 2, (i) => ({ method: "POST", path: table, body: JSON.stringify({ name: `bench.new.${i}`, value: "x" }) }), 201);
    const atEnd = { ...(await memory(url)), records: RECORDS + post.requests };

    const phases = { listByQuery, getById, post };
    const ok = Object.values(phases).every((p) => p.errors === 0 && p.requestsPerSecond >= TARGET_RPS && p.p99Ms < TARGET_P99_MS);
    const result: EmulatorBenchResult = {
      name: "emulator-throughput",
      ok,
      target: { requestsPerSecond: TARGET_RPS, p99Ms: TARGET_P99_MS },
      records: RECORDS,
      clients: CLIENTS,
      phases,
      memory: { atStart, atEnd },
      node: process.version,
      date: new Date().toISOString(),
    };
    const results = resolve(__dirname, "../../bench/results");
    mkdirSync(results, { recursive: true });
    writeFileSync(join(results, "emulator.json.tmp"), `${JSON.stringify(result, null, 2)}\n`);
    renameSync(join(results, "emulator.json.tmp"), join(results, "emulator.json"));
    return result;
  } finally {
    child.kill("SIGTERM");
    await new Promise((r) => (child.exitCode !== null ? r(undefined) : child.on("exit", r)));
    rmSync(dir, { recursive: true, force: true });
  }
}
