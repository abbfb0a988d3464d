import { redact } from "../client/redact";

/** What the ServiceNow client was doing when an error happened. */
export type Operation = "get" | "list" | "create" | "update" | "delete" | "sign-in";

/** What an error of this package carries; each kind sets what applies to it. */
export interface SpokesErrorOptions {
  /** Base URL of the instance. */
  readonly instanceUrl?: string;
  /** The table of the record at fault. */
  readonly table?: string;
  readonly operation?: Operation;
  /** HTTP status of the answer that failed: the instance's, or a third party's (CredentialCheckError). */
  readonly status?: number;
  /** The error this one explains (ES2022 `cause`). Never an HTTP library's error: those hold headers and bodies. */
  readonly cause?: unknown;
  /**
   * Values to redact from the message, with anything shaped like a credential (see redact.ts);
   * never stored. Given by the kinds whose message holds an answer from outside (an instance's
   * or a third party's), so that a careless answer that echoes a secret cannot leak it.
   */
  readonly secrets?: readonly (string | undefined)[];
}

const brand = Symbol.for("pulumi-servicenow-spokes/SpokesError");

/**
 * Base class of every error this package raises: catch it with `isSpokesError(e)`, then tell
 * the kinds apart by their guards (`isUnauthorizedError(e)`, `isRecordExistsError(e)`, ...).
 * `name` is the class's name. No raw HTTP error, header or body is attached, so `message`,
 * `stack`, `util.inspect()` and `JSON.stringify()` are safe to print.
 */
export class SpokesError extends Error {
  declare readonly instanceUrl?: string;
  declare readonly table?: string;
  declare readonly operation?: Operation;
  declare readonly status?: number;

  constructor(message: string, options: SpokesErrorOptions = {}) {
    super(options.secrets ? redact(message, options.secrets) : message, "cause" in options ? { cause: options.cause } : undefined);
    Object.defineProperty(this, "name", { value: new.target.name, enumerable: false, configurable: true, writable: true });
    // A brand, not `instanceof`: a program and its provider may load two copies of this package.
    Object.defineProperty(this, brand, { value: true, enumerable: false });
    if (options.instanceUrl !== undefined) this.instanceUrl = options.instanceUrl;
    if (options.table !== undefined) this.table = options.table;
    if (options.operation !== undefined) this.operation = options.operation;
    if (options.status !== undefined) this.status = options.status;
  }

  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message, ...Object.fromEntries(Object.entries(this)) };
  }
}

export function isSpokesError(e: unknown): e is SpokesError {
  return typeof e === "object" && e !== null && (e as Record<symbol, unknown>)[brand] === true;
}
