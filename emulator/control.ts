/**
 * The control endpoint for tests and benchmarks: `GET|PUT /__emulator/faults`,
 * `GET /__emulator/stats`, `POST /__emulator/reset-stats`. No sign-in, loopback callers only,
 * never faulted, never counted.
 */
import type { Faults } from "./faults";
import type { FaultOptions } from "./options";
import type { Stats } from "./stats";
import type { Reply } from "./third-party";

export const CONTROL_PREFIX = "/__emulator/";

const problem = (status: number, message: string): Reply => ({ status, body: { error: message } });

export function isLoopback(address: string | undefined): boolean {
  return address === "127.0.0.1" || address === "::1" || address === "::ffff:127.0.0.1" || (address ?? "").startsWith("127.");
}

export function controlReply(method: string, path: string, body: string, faults: Faults, stats: Stats): Reply {
  const route = `${method} ${path.slice(CONTROL_PREFIX.length).replace(/\/$/, "")}`;
  switch (route) {
    case "GET faults":
      return { status: 200, body: faults.get() };
    case "PUT faults": {
      let parsed: unknown;
      try {
        parsed = JSON.parse(body === "" ? "{}" : body);
      } catch {
        return problem(400, "The body must be JSON fault options");
      }
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return problem(400, "The body must be a JSON object of fault options");
      try {
        faults.set(parsed as FaultOptions);
      } catch (e) {
        return problem(400, (e as Error).message);
      }
      return { status: 200, body: faults.get() };
    }
    case "GET stats": {
      const m = process.memoryUsage();
      return { status: 200, body: { ...stats.snapshot(), memory: { rss: m.rss, heapUsed: m.heapUsed } } };
    }
    case "POST reset-stats":
      stats.reset();
      return { status: 204 };
    default:
      return problem(404, `No control endpoint ${method} ${path}`);
  }
}
