import * as fs from "node:fs";

/** Samples the resident memory of Pulumi's dynamic-provider processes; `stop()` gives the peak in MB. */
export function samplePeakRss(intervalMs = 100): { stop(): number } {
  let peakKb = 0;
  const timer = setInterval(() => {
    for (const pid of fs.readdirSync("/proc").filter((entry) => /^\d+$/.test(entry))) {
      try {
        if (!fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("dynamic-provider")) continue;
        const rss = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
        if (rss) peakKb = Math.max(peakKb, Number(rss[1]));
      } catch {
        // the process ended between the listing and the read
      }
    }
  }, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.round(peakKb / 1024);
    },
  };
}
