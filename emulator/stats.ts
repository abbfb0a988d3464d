/** Request counters by method, table and status, for the benchmarks and tests. */
import type { EmulatorStats } from "./options";

const bump = (m: Record<string, number>, k: string): void => {
  m[k] = (m[k] ?? 0) + 1;
};

export class Stats {
  private s: EmulatorStats = Stats.empty();

  private static empty(): EmulatorStats {
    return { requests: 0, byMethod: {}, byTable: {}, byStatus: {} };
  }

  /** A request arrived (faulted ones included). */
  request(method: string, table: string | undefined): void {
    this.s.requests += 1;
    bump(this.s.byMethod, method);
    if (table !== undefined) bump(this.s.byTable, table);
  }

  /** A request was answered with `status` (0: connection dropped). */
  answered(status: number): void {
    bump(this.s.byStatus, String(status));
  }

  snapshot(): EmulatorStats {
    return { requests: this.s.requests, byMethod: { ...this.s.byMethod }, byTable: { ...this.s.byTable }, byStatus: { ...this.s.byStatus } };
  }

  reset(): void {
    this.s = Stats.empty();
  }
}
