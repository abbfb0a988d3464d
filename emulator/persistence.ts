/**
 * The data file: every record and the instance's keys, written atomically (temp file in the
 * same folder, fsync, rename, fsync of the folder), so a kill at any moment leaves the old or
 * the new state, never a torn file. Writes are debounced and serialized; `flush` waits for
 * the last one.
 */
import { closeSync, fsyncSync, openSync, readFileSync } from "node:fs";
import { mkdir, open, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { randomBytes } from "node:crypto";

export interface InstanceMeta {
  /** Key of the password2 cipher (hex). */
  readonly secretKey: string;
  /** The admin's `x-sn-apikey`. */
  readonly apiKey: string;
  /** Value of `X-RateLimit-Rule`. */
  readonly rateLimitRule: string;
}

export interface Snapshot {
  readonly version: 1;
  readonly meta: InstanceMeta;
  readonly records: readonly { readonly className: string; readonly values: Readonly<Record<string, string>> }[];
}

/** The snapshot in `file`, or undefined when there is no file yet. A broken file throws. */
export function loadSnapshot(file: string): Snapshot | undefined {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw e;
  }
  const data = JSON.parse(text) as Partial<Snapshot>;
  if (data.version !== 1 || typeof data.meta?.secretKey !== "string" || !Array.isArray(data.records)) {
    throw new Error(`Data file ${file} is not an emulator data file (version 1); move it away to start empty`);
  }
  return data as Snapshot;
}

/** JSON of each record's values, kept while the values object lives (writes replace it). */
const recordJson = new WeakMap<Readonly<Record<string, string>>, string>();
const SLICE = 1000;

/**
 * The snapshot as text, in pieces. Takes the record list synchronously (a consistent state:
 * stored values are replaced, never changed in place), then builds the pieces in slices,
 * yielding between them so a big instance does not stall requests; each record is serialized
 * once per change.
 */
export async function serializeSnapshot(meta: InstanceMeta, records: readonly { className: string; values: Readonly<Record<string, string>> }[]): Promise<string[]> {
  const pairs = records.map((r) => [r.className, r.values] as const);
  const pieces = [`{"version":1,"meta":${JSON.stringify(meta)},"records":[\n`];
  for (let start = 0; start < pairs.length; start += SLICE) {
    const slice: string[] = [];
    for (const [className, values] of pairs.slice(start, start + SLICE)) {
      let json = recordJson.get(values);
      if (json === undefined) recordJson.set(values, (json = JSON.stringify(values)));
      slice.push(`{"className":${JSON.stringify(className)},"values":${json}}`);
    }
    pieces.push((start === 0 ? "" : ",\n") + slice.join(",\n"));
    await new Promise((r) => setImmediate(r));
  }
  pieces.push("\n]}\n");
  return pieces;
}

async function writeAtomically(file: string, pieces: readonly string[]): Promise<void> {
  const dir = dirname(file);
  await mkdir(dir, { recursive: true });
  const tmp = join(dir, `.${basename(file)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    const handle = await open(tmp, "w", 0o600);
    try {
      for (const piece of pieces) await handle.write(piece, null, "utf8");
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
  // The rename itself is durable only once the folder is synced (not possible on every OS).
  try {
    const fd = openSync(dir, "r");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Folder fsync is unsupported here (e.g. Windows): the rename is still atomic.
  }
}

export class Persister {
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> | undefined;
  private dirty = false;
  /** How long the last write took: the next one waits a few times that, so a big instance under a stream of writes spends most of its time serving, not saving. */
  private lastWriteMs = 0;

  constructor(
    private readonly file: string,
    private readonly snapshot: () => Promise<string[]>,
    private readonly warn: (message: string) => void,
    private readonly debounceMs = 20,
  ) {}

  /** A change happened: write soon. */
  schedule(): void {
    this.dirty = true;
    if (this.timer === undefined && this.writing === undefined) this.timer = setTimeout(() => void this.run(), this.delay());
  }

  /** Writes now if anything is pending and waits for every write to finish. */
  async flush(): Promise<void> {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    while (this.writing !== undefined || this.dirty) {
      if (this.writing !== undefined) await this.writing;
      else await this.run();
    }
  }

  private async run(): Promise<void> {
    this.timer = undefined;
    if (this.writing !== undefined || !this.dirty) return;
    this.dirty = false;
    const started = Date.now();
    this.writing = this.snapshot()
      .then((pieces) => writeAtomically(this.file, pieces))
      .catch((e: unknown) => this.warn(`could not write ${this.file}: ${String(e)}`));
    await this.writing;
    this.writing = undefined;
    this.lastWriteMs = Date.now() - started;
    if (this.dirty && this.timer === undefined) this.timer = setTimeout(() => void this.run(), this.delay());
  }

  private delay(): number {
    return Math.max(this.debounceMs, 4 * this.lastWriteMs);
  }
}
