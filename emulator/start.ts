/**
 * Starts one emulated instance: loads the data file (if any), seeds what is missing, listens,
 * and returns the handle tests and the CLI use. Instances share nothing, so several can run
 * in one process.
 */
import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { seedTokenAuth } from "./api-keys";
import { Auth } from "./auth";
import { businessRules } from "./business-rules";
import { Faults } from "./faults";
import { normalizeOptions, type EmulatorOptions, type FieldInput, type RunningEmulator } from "./options";
import { loadSnapshot, Persister, serializeSnapshot, type InstanceMeta } from "./persistence";
import { Schema, TABLES, withoutColumns } from "./schema";
import { SecretBox } from "./secrets";
import { seedInstance } from "./seed";
import { requestHandler } from "./server";
import { Stats } from "./stats";
import { Store, type WriteContext } from "./store";

/** The direct API acts like an admin in the UI: secrets are typed in as plaintext. */
const ADMIN_UI: WriteContext = { user: "admin", inputDisplayValue: true };

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function urlFor(host: string, port: number): string {
  const reachable = host === "0.0.0.0" ? "127.0.0.1" : host === "::" ? "::1" : host;
  return `http://${reachable.includes(":") ? `[${reachable}]` : reachable}:${port}`;
}

/** Starts an emulated instance; resolves once it listens and its contents are seeded. */
export function start(options?: EmulatorOptions): Promise<RunningEmulator> {
  return startEmulator(options);
}

/** Internal entry: the CLI also asks for a log line per request. */
export async function startEmulator(userOptions: EmulatorOptions = {}, logRequests = false): Promise<RunningEmulator> {
  const options = normalizeOptions(userOptions, logRequests);
  const warn = (m: string): void => {
    if (!options.quiet) process.stderr.write(`servicenow-emulator: ${m}\n`);
  };
  const snapshot = options.dataFile === undefined ? undefined : loadSnapshot(options.dataFile);
  const meta: InstanceMeta = snapshot?.meta ?? { secretKey: SecretBox.newKey(), apiKey: randomBytes(16).toString("hex"), rateLimitRule: randomBytes(16).toString("hex") };
  const store = new Store(new Schema(withoutColumns(TABLES, options.withoutColumns)), new SecretBox(meta.secretKey));
  store.queryDialect = options.queryDialect;
  store.ignoreClientSysIds = options.ignoreClientSysIds;
  for (const r of snapshot?.records ?? []) store.load(r.className, { ...r.values });

  const auth = new Auth(store, meta.apiKey, options.tokenLifetimeSeconds);
  const faults = new Faults(options.faults, meta.rateLimitRule);
  const stats = new Stats();
  let url = "";
  const server = createServer({ keepAliveTimeout: 5000 }, requestHandler({ store, auth, faults, stats, options, baseUrl: () => url, warn }));
  const port = await listen(server, options.port, options.host);
  url = urlFor(options.host, port);

  // Seeding runs before the event loop can deliver a request (no await from here on).
  store.hooks = businessRules(store, url);
  const seeded = seedInstance(store, options.spokes, options.adminPassword, options.aliasTemplates);
  seedTokenAuth(store);
  const dump = (): Promise<string[]> => serializeSnapshot(meta, store.dump());
  const persister = options.dataFile === undefined ? undefined : new Persister(options.dataFile, dump, warn);
  if (persister !== undefined) {
    store.onChange = () => persister.schedule();
    persister.schedule();
  }

  let stopping: Promise<void> | undefined;
  const copy = (values: Record<string, string>): Record<string, string> => ({ ...values });
  return {
    url,
    port,
    admin: seeded.admin,
    user: seeded.user,
    oauthClient: seeded.oauthClient,
    apiKey: meta.apiKey,
    setFaults: (f) => faults.set(f),
    stats: () => stats.snapshot(),
    resetStats: () => stats.reset(),
    records: (table, query) => store.query(table, query).map((r) => copy(r.values)),
    insert: (table, fields: FieldInput) => copy(store.insert(table, fields, ADMIN_UI).values),
    update: (table, sysId, fields: FieldInput) => copy(store.update(table, sysId, fields, ADMIN_UI).values),
    remove: (table, sysId) => store.delete(table, sysId, ADMIN_UI),
    revealSecret: (table, sysId, field) => {
      const rec = store.get(table, sysId);
      return rec === undefined ? undefined : store.secrets.open(rec.values[field] ?? "");
    },
    stop: () =>
      (stopping ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await persister?.flush();
      })()),
  };
}
