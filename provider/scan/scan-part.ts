import type { ResourceKind } from "../lifecycle/resource-kind";

/** One resource a scan may write for what it found: a kind, its name, and what the instance gives. */
export interface ScanPart {
  readonly kind: ResourceKind<any>;
  readonly name: string;
  /** Inputs that are facts of the instance (alias id, credential type, scopes, ...). */
  readonly given?: Readonly<Record<string, unknown>>;
  /** Inputs that shape the sample plan only (map keys of secret maps). */
  readonly shape?: Readonly<Record<string, unknown>>;
  /** Input → part name whose sysId it takes; its given value is the found sys_id. */
  readonly references?: Readonly<Record<string, string>>;
}

/** A connection found on an alias, as a preset needs it to say which of its kinds could adopt it. */
export interface FoundConnection {
  /** The credential's table (`oauth_2_0_credentials`, ...), absent when the connection has none. */
  readonly credentialTable?: string;
  readonly credentialSysId?: string;
  /** The OAuth entity's scopes, by value. */
  readonly scopes: readonly string[];
  /** The resource name the scan gives the connection (`sumtotal`); a second resource adds a suffix. */
  readonly name: string;
}
