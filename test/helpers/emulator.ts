/**
 * Mocha helper: one emulator per `describe`, started in before() on a free port and stopped in
 * after().
 *
 *   const sn = useEmulator({ spokes: ["okta"] });
 *   it("...", async () => {
 *     const res = await sn.fetch("/api/now/table/sys_alias");
 *     sn.instance.records("sys_alias");
 *   });
 */
import { start, type EmulatorOptions, type RunningEmulator } from "../../emulator";

export interface EmulatorAccess {
  /** The running emulator (throws outside before()/after()). */
  readonly instance: RunningEmulator;
  readonly url: string;
  /** `Authorization` header value for basic auth (admin unless another user is given). */
  basicAuth(user?: { username: string; password: string }): string;
  /**
   * fetch against the emulator, signed in as admin with basic auth unless `init.headers`
   * has its own `authorization` (set it to "" to send none). JSON bodies: pass `json`.
   */
  fetch(path: string, init?: RequestInit & { json?: unknown }): Promise<Response>;
}

/** Writes that reached the emulator since its stats were reset: "nothing was written" is 0. */
export const writesTo = (emulator: RunningEmulator): number =>
  ["POST", "PATCH", "PUT", "DELETE"].reduce((sum, method) => sum + (emulator.stats().byMethod[method] ?? 0), 0);

export function basicAuthHeader(user: { username: string; password: string }): string {
  return `Basic ${Buffer.from(`${user.username}:${user.password}`).toString("base64")}`;
}

export function useEmulator(options: EmulatorOptions = {}): EmulatorAccess {
  let running: RunningEmulator | undefined;

  before(async () => {
    running = await start({ quiet: true, ...options });
  });
  after(async () => {
    await running?.stop();
    running = undefined;
  });

  const instance = (): RunningEmulator => {
    if (running === undefined) throw new Error("useEmulator: the emulator runs only between before() and after()");
    return running;
  };

  return {
    get instance() {
      return instance();
    },
    get url() {
      return instance().url;
    },
    basicAuth: (user) => basicAuthHeader(user ?? instance().admin),
    fetch(path, init = {}) {
      const { json, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (!headers.has("authorization")) headers.set("authorization", basicAuthHeader(instance().admin));
      else if (headers.get("authorization") === "") headers.delete("authorization");
      if (json !== undefined) {
        headers.set("content-type", "application/json");
        rest.body = JSON.stringify(json);
      }
      if (!headers.has("accept")) headers.set("accept", "application/json");
      return fetch(`${instance().url}${path}`, { ...rest, headers });
    },
  };
}
