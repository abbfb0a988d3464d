import type { Operation } from "./errors/servicenow-error";

/** One HTTP request the client sent (each attempt, token requests included). No secrets. */
export interface RequestEvent {
  readonly instanceUrl: string;
  readonly operation: Operation;
  readonly table: string;
  readonly method: string;
  /** Path without the query string, e.g. `/api/now/table/sys_alias/0123...`. */
  readonly path: string;
  /** HTTP status, when the instance answered. */
  readonly status?: number;
  /** Network error code, when it did not. */
  readonly errorCode?: string;
  /** Time from sending to the answer or failure. */
  readonly ms: number;
  /** Attempt number for this operation, from 1. */
  readonly attempt: number;
}

export type RequestListener = (event: RequestEvent) => void;

const listeners = new Set<RequestListener>();

/**
 * Listens to the requests of every client in this process (also those made by `clientFor()`),
 * e.g. to count requests per operation. Returns a function that removes the listener.
 */
export function addRequestListener(listener: RequestListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Calls the process-wide listeners and the client's own; a throwing listener is ignored. */
export function emitRequestEvent(event: RequestEvent, own?: RequestListener): void {
  for (const listener of own ? [own, ...listeners] : listeners) {
    try {
      listener(event);
    } catch {
      // A logging hook must not break a request.
    }
  }
}
