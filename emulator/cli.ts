#!/usr/bin/env node
/**
 * `servicenow-emulator`: starts one emulated instance and prints its URL and credentials.
 * Run several for several instances (dev, prod): each needs its own port and data file.
 */
import { parseArgs } from "node:util";
import { ALL_SPOKES, type EmulatorOptions, type FaultOptions, type SpokeName } from "./options";
import { startEmulator } from "./start";

const HELP = `Usage: servicenow-emulator [options]

Emulates the parts of a ServiceNow instance that pulumi-servicenow-spokes uses.

  --port <n>                 TCP port (default 0: a free port)
  --host <addr>              interface (default 127.0.0.1)
  --data <file>              keep records in this JSON file across restarts (default: memory)
  --spokes <list>            activated spokes, comma-separated (default sumtotal,qualtrics,okta; "" for none)
  --admin-password <pw>      password of user admin (default: kept from --data, else random)
  --token-lifetime <s>       OAuth access-token lifetime in seconds (default 1800)
  --latency-ms <n>           added latency per request (default 0)
  --jitter-ms <n>            random extra latency up to n ms (default 0)
  --rate-limit-every <n>     every nth Table API request gets 429 (default off)
  --rate-limit-per-hour <n>  Table API requests allowed per hour before 429 (default off)
  --error-rate <p>           probability 0..1 of a 503 (default 0)
  --drop-rate <p>            probability 0..1 of a dropped connection (default 0)
  --slow-body-ms <n>         write each answer over n ms (default 0)
  --split-every-caret        queries read ^^ as two separators, not a literal ^
  --ignore-case              queries compare strings without regard to case
  --alias-template <s>=<v>   the template a spoke's alias points to, e.g. sumtotal=none (repeatable;
                             standard, none, post-process-script, extra-mandatory-field)
  --ignore-client-sys-ids    POSTs get a random sys_id even when the body asks for one
  --without-columns <list>   columns this instance lacks, comma-separated table.column
                             (e.g. sys_user.identity_type, as on older releases)
  --quiet                    print nothing but the ready line
  --help                     this text

Change faults while it runs: PUT /__emulator/faults (JSON). Counters: GET /__emulator/stats.
`;

function numberFlag(values: Record<string, unknown>, name: string): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (typeof raw !== "string" || raw.trim() === "" || !Number.isFinite(n)) throw new TypeError(`--${name} needs a number, got ${JSON.stringify(raw)}`);
  return n;
}

export function parseCli(argv: readonly string[]): EmulatorOptions | "help" {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: {
      port: { type: "string" },
      host: { type: "string" },
      data: { type: "string" },
      spokes: { type: "string" },
      "admin-password": { type: "string" },
      "token-lifetime": { type: "string" },
      "latency-ms": { type: "string" },
      "jitter-ms": { type: "string" },
      "rate-limit-every": { type: "string" },
      "rate-limit-per-hour": { type: "string" },
      "error-rate": { type: "string" },
      "drop-rate": { type: "string" },
      "slow-body-ms": { type: "string" },
      "split-every-caret": { type: "boolean" },
      "ignore-case": { type: "boolean" },
      "alias-template": { type: "string", multiple: true },
      "ignore-client-sys-ids": { type: "boolean" },
      "without-columns": { type: "string" },
      quiet: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help === true) return "help";
  const spokes = values.spokes === undefined ? undefined : values.spokes.split(",").map((s) => s.trim()).filter((s) => s !== "");
  for (const s of spokes ?? []) {
    if (!(ALL_SPOKES as readonly string[]).includes(s)) throw new TypeError(`--spokes: unknown spoke ${JSON.stringify(s)} (use ${ALL_SPOKES.join(",")})`);
  }
  const faults: FaultOptions = {
    latencyMs: numberFlag(values, "latency-ms"),
    jitterMs: numberFlag(values, "jitter-ms"),
    rateLimitEvery: numberFlag(values, "rate-limit-every"),
    rateLimitPerHour: numberFlag(values, "rate-limit-per-hour"),
    errorRate: numberFlag(values, "error-rate"),
    dropRate: numberFlag(values, "drop-rate"),
    slowBodyMs: numberFlag(values, "slow-body-ms"),
  };
  const setFaults = Object.fromEntries(Object.entries(faults).filter(([, v]) => v !== undefined)) as FaultOptions;
  return {
    port: numberFlag(values, "port"),
    host: values.host,
    dataFile: values.data,
    spokes: spokes as SpokeName[] | undefined,
    adminPassword: values["admin-password"],
    tokenLifetimeSeconds: numberFlag(values, "token-lifetime"),
    faults: setFaults,
    queryDialect: { splitEveryCaret: values["split-every-caret"] === true, ignoreCase: values["ignore-case"] === true },
    aliasTemplates: values["alias-template"] === undefined ? undefined : aliasTemplateFlags(values["alias-template"]),
    ignoreClientSysIds: values["ignore-client-sys-ids"] === true,
    withoutColumns: values["without-columns"]?.split(",").map((c) => c.trim()).filter((c) => c !== ""),
    quiet: values.quiet === true,
  };
}

/** `--alias-template sumtotal=none`: the spoke and variant are checked by normalizeOptions. */
function aliasTemplateFlags(flags: readonly string[]): EmulatorOptions["aliasTemplates"] {
  const templates: Record<string, string> = {};
  for (const flag of flags) {
    const [spoke, variant, extra] = flag.split("=");
    if (!spoke || !variant || extra !== undefined) throw new TypeError(`--alias-template: expected <spoke>=<variant>, such as sumtotal=none, not ${JSON.stringify(flag)}`);
    templates[spoke] = variant;
  }
  return templates as EmulatorOptions["aliasTemplates"];
}

async function main(): Promise<void> {
  let options: EmulatorOptions | "help";
  try {
    options = parseCli(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`servicenow-emulator: ${(e as Error).message}\nTry --help.\n`);
    process.exit(2);
  }
  if (options === "help") {
    process.stdout.write(HELP);
    return;
  }
  const quiet = options.quiet === true;
  const emulator = await startEmulator(options, true);
  if (!quiet) {
    process.stdout.write(
      [
        `ServiceNow emulator at ${emulator.url}`,
        `  admin user:      ${emulator.admin.username} / ${emulator.admin.password}`,
        `  non-admin user:  ${emulator.user.username} / ${emulator.user.password}`,
        `  OAuth client:    ${emulator.oauthClient.clientId} / ${emulator.oauthClient.clientSecret}  (POST ${emulator.url}/oauth_token.do)`,
        `  API key:         ${emulator.apiKey}  (header x-sn-apikey, signs in as admin)`,
        `  spokes:          ${(options.spokes ?? ALL_SPOKES).join(", ") || "none"}`,
        `  data:            ${options.dataFile ?? "memory only"}`,
        "",
      ].join("\n"),
    );
  }
  process.stdout.write(`ready ${emulator.url}\n`);
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    if (!quiet) process.stdout.write(`${signal}: stopping\n`);
    emulator.stop().then(
      () => process.exit(0),
      (e: unknown) => {
        process.stderr.write(`servicenow-emulator: ${String(e)}\n`);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

if (require.main === module) {
  main().catch((e: unknown) => {
    process.stderr.write(`servicenow-emulator: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
