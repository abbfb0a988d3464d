import { ALIAS_TEMPLATE_VARIANTS, type AliasTemplateVariant } from "./alias-templates";
import { defaultDialect, type QueryDialect } from "./query";
import { ALL_SPOKES, type SpokeName } from "./spokes";

/**
 * The public options and handle of the emulator, and the one step that turns user options
 * into a complete internal object (every default lives here, nowhere else).
 */

export { ALL_SPOKES, type SpokeName };

export interface EmulatorOptions {
  /** TCP port. Default 0: a free port is picked (read it from `RunningEmulator.port`). */
  port?: number;
  /** Interface to listen on. Default `127.0.0.1`. */
  host?: string;
  /** JSON file that keeps the records across restarts. Default: memory only. */
  dataFile?: string;
  /** Spokes to activate (emulator/spokes/). Default all. */
  spokes?: readonly SpokeName[];
  /**
   * Per spoke, the Connection & Credential template its alias points to (see
   * alias-templates.ts): `standard` (default), `none`, `post-process-script` or
   * `extra-mandatory-field`.
   */
  aliasTemplates?: Partial<Record<SpokeName, AliasTemplateVariant>>;
  /** Password of the `admin` user. Default: kept from the data file, or random on a new instance. */
  adminPassword?: string;
  /** Lifetime of access tokens from `/oauth_token.do`. Default 1800 (as on an instance). */
  tokenLifetimeSeconds?: number;
  /** Faults to inject from the start. Default none. Change them later with `setFaults`. */
  faults?: FaultOptions;
  /** Valid credentials of the third-party stand-ins. Defaults in `normalizeThirdParty`. */
  thirdParty?: ThirdPartyOptions;
  /**
   * How encoded queries read what ServiceNow's documentation leaves open, to test against
   * either reading. Default `{ splitEveryCaret: false, ignoreCase: false }`: `^^` is a literal
   * `^` and `=` is case-sensitive.
   */
  queryDialect?: Partial<QueryDialect>;
  /**
   * POSTs get a new random sys_id even when the body asks for one, as an instance may (ACLs or
   * business rules on `sys_id`): to test what a client does when its chosen sys_id is not kept.
   * Default false: a requested 32-hex sys_id is kept, as on a default instance.
   */
  ignoreClientSysIds?: boolean;
  /**
   * Columns this instance does not have, as `table.column` (e.g. `sys_user.identity_type`, a
   * column older releases lack): they are not stored, not returned, and ignored on write.
   * Default none.
   */
  withoutColumns?: readonly string[];
  /** No output at all (warnings included). Default false. */
  quiet?: boolean;
}

/** One deterministic failure: the next request(s) matching `method` and `table` fail. */
export interface FailNext {
  /** HTTP method to match (any case). Default: any. */
  method?: string;
  /** Table API table to match (as in the URL). Default: any request, Table API or not. */
  table?: string;
  /** Status to answer with, with ServiceNow's error body for it. 0 drops the connection. */
  status: number;
  /** How many matching requests fail. Default 1. */
  count?: number;
  /**
   * `"after"`: the request is processed (a POST creates its record) and then the failure is
   * answered instead of the result: the "outcome unknown" case of a real network. Default
   * `"before"`: the request has no effect.
   */
  when?: "before" | "after";
}

export interface FaultOptions {
  /** Added delay before every request is handled, in ms. Default 0. */
  latencyMs?: number;
  /** Random extra delay in [0, jitterMs) ms. Default 0. */
  jitterMs?: number;
  /** Every Nth request to `/api/` gets 429. Default off. */
  rateLimitEvery?: number;
  /** Requests to `/api/` allowed per clock hour before 429. Default off. */
  rateLimitPerHour?: number;
  /** Probability 0..1 that a request gets an error status (see `errorStatuses`). Default 0. */
  errorRate?: number;
  /** Statuses `errorRate` picks from. Default `[503]`. */
  errorStatuses?: readonly number[];
  /** Probability 0..1 that the connection is destroyed without an answer. Default 0. */
  dropRate?: number;
  /** Answers are written in small pieces over this many ms. Default 0. */
  slowBodyMs?: number;
  /** Deterministic failures, consumed in order of matching. */
  failNext?: readonly FailNext[];
}

export interface ThirdPartyOptions {
  /** Default `sumtotal-client` / `sumtotal-secret`. */
  sumtotal?: { clientId: string; clientSecret: string };
  /** Default `qualtrics-client` / `qualtrics-secret`. */
  qualtrics?: { clientId: string; clientSecret: string };
  /** Default `okta-api-token` (sent as `Authorization: SSWS okta-api-token`). */
  okta?: { apiToken: string };
}

export interface EmulatorStats {
  requests: number;
  byMethod: Record<string, number>;
  byTable: Record<string, number>;
  byStatus: Record<string, number>;
}

/** Field values as written by an admin in the UI: strings, booleans or numbers. */
export type FieldInput = Readonly<Record<string, string | number | boolean | null>>;

export interface RunningEmulator {
  /** Base URL, e.g. `http://127.0.0.1:41234` (no trailing slash). */
  url: string;
  port: number;
  /** The admin user (role `admin`). */
  admin: { username: string; password: string };
  /** A user without the admin role (role `itil`). */
  user: { username: string; password: string };
  /** A registered OAuth client (`oauth_entity` of type `client`) for `/oauth_token.do`. */
  oauthClient: { clientId: string; clientSecret: string };
  /** A valid `x-sn-apikey` value; it signs in as admin. */
  apiKey: string;
  /** Replaces the faults in effect (an empty object turns them all off). */
  setFaults(f: FaultOptions): void;
  stats(): EmulatorStats;
  resetStats(): void;
  /**
   * Stored records of `table` and its child tables matching an encoded query, as the instance
   * stores them: every value a string, references as sys_ids, password2 fields as the opaque
   * encrypted string (never the plaintext). Each record has all fields of its own class.
   */
  records(table: string, query?: string): Record<string, string>[];
  /**
   * Acts like an admin in the UI, business rules included: password2 values are plaintext
   * here and stored encrypted. Throws `EmulatorApiError` (status + ServiceNow body) on a
   * rejection.
   */
  insert(table: string, fields: FieldInput): Record<string, string>;
  update(table: string, sysId: string, fields: FieldInput): Record<string, string>;
  remove(table: string, sysId: string): void;
  /** For tests only: the plaintext of a password2 field, or undefined when empty. */
  revealSecret(table: string, sysId: string, field: string): string | undefined;
  /** Stops listening, closes connections and writes the data file. */
  stop(): Promise<void>;
}

export interface NormalizedOptions {
  readonly port: number;
  readonly host: string;
  readonly dataFile: string | undefined;
  readonly spokes: readonly SpokeName[];
  readonly aliasTemplates: Readonly<Record<SpokeName, AliasTemplateVariant>>;
  readonly adminPassword: string | undefined;
  readonly tokenLifetimeSeconds: number;
  readonly faults: FaultOptions;
  readonly thirdParty: Required<ThirdPartyOptions>;
  readonly queryDialect: QueryDialect;
  readonly ignoreClientSysIds: boolean;
  readonly withoutColumns: readonly string[];
  readonly quiet: boolean;
  /** CLI only: one line per request on stdout. */
  readonly logRequests: boolean;
}

export function normalizeThirdParty(t: ThirdPartyOptions = {}): Required<ThirdPartyOptions> {
  return {
    sumtotal: t.sumtotal ?? { clientId: "sumtotal-client", clientSecret: "sumtotal-secret" },
    qualtrics: t.qualtrics ?? { clientId: "qualtrics-client", clientSecret: "qualtrics-secret" },
    okta: t.okta ?? { apiToken: "okta-api-token" },
  };
}

export function normalizeOptions(o: EmulatorOptions = {}, logRequests = false): NormalizedOptions {
  const spokes = o.spokes ?? ALL_SPOKES;
  for (const s of spokes) {
    if (!ALL_SPOKES.includes(s)) throw new TypeError(`Unknown spoke \`${s}\`: use ${ALL_SPOKES.join(", ")}`);
  }
  for (const c of o.withoutColumns ?? []) {
    if (!/^[a-z0-9_]+\.[a-z0-9_]+$/.test(c)) throw new TypeError(`\`withoutColumns\`: ${JSON.stringify(c)} must be \`table.column\`, such as sys_user.identity_type`);
  }
  const lifetime = o.tokenLifetimeSeconds ?? 1800;
  if (!(lifetime > 0)) throw new TypeError("`tokenLifetimeSeconds` must be a positive number");
  return {
    port: o.port ?? 0,
    host: o.host ?? "127.0.0.1",
    dataFile: o.dataFile,
    spokes: [...new Set(spokes)],
    aliasTemplates: normalizeAliasTemplates(o.aliasTemplates),
    adminPassword: o.adminPassword,
    tokenLifetimeSeconds: lifetime,
    faults: o.faults ?? {},
    thirdParty: normalizeThirdParty(o.thirdParty),
    queryDialect: { ...defaultDialect, ...o.queryDialect },
    ignoreClientSysIds: o.ignoreClientSysIds ?? false,
    withoutColumns: o.withoutColumns ?? [],
    quiet: o.quiet ?? false,
    logRequests: logRequests && !(o.quiet ?? false),
  };
}

function normalizeAliasTemplates(given: Partial<Record<string, string>> = {}): Record<SpokeName, AliasTemplateVariant> {
  const templates = {} as Record<SpokeName, AliasTemplateVariant>;
  for (const [spoke, variant] of Object.entries(given)) {
    if (!(ALL_SPOKES as readonly string[]).includes(spoke)) throw new TypeError(`\`aliasTemplates\`: unknown spoke \`${spoke}\`: use ${ALL_SPOKES.join(", ")}`);
    if (!(ALIAS_TEMPLATE_VARIANTS as readonly (string | undefined)[]).includes(variant)) {
      throw new TypeError(`\`aliasTemplates.${spoke}\` must be one of ${ALIAS_TEMPLATE_VARIANTS.join(", ")}`);
    }
  }
  for (const spoke of ALL_SPOKES) templates[spoke] = (given[spoke] as AliasTemplateVariant | undefined) ?? "standard";
  return templates;
}
