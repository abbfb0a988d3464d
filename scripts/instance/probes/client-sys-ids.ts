import { createHash } from "node:crypto";
import type { Probe, ProbeContext } from "./probe";

/**
 * Owned sys_ids (docs/reliability.md) rely on a POST honouring the `sys_id` it sends, and on
 * a sys_id being usable again after its record was deleted (destroy, then up).
 */
const writes = "a system property under the run's prefix, deleted again";

function chosenFor({ prefix }: ProbeContext, probe: string): { sysId: string; name: string } {
  return { sysId: createHash("sha256").update(`${prefix}/${probe}`).digest("hex").slice(0, 32), name: `x_${prefix.replace(/-/g, "_")}.${probe.replace(/-/g, "_")}` };
}

export const clientSysIdProbes: readonly Probe[] = [
  {
    id: "client-sys-id",
    check: "POST accepts a client-chosen sys_id (owned sys_ids rely on it)",
    writes,
    async run(context) {
      const chosen = chosenFor(context, "client-sys-id");
      const made = await context.api.create("sys_properties", { sys_id: chosen.sysId, name: chosen.name, value: "1" });
      await context.api.delete("sys_properties", made.sys_id ?? "");
      return { outcome: `sent ${chosen.sysId}, returned ${made.sys_id}`, holds: made.sys_id === chosen.sysId, details: { sent: chosen.sysId, returned: made.sys_id ?? "" } };
    },
  },
  {
    id: "sys-id-reuse",
    check: "a sys_id can be used again after its record was deleted (destroy, then up)",
    writes,
    async run(context) {
      const chosen = chosenFor(context, "sys-id-reuse");
      const first = await context.api.create("sys_properties", { sys_id: chosen.sysId, name: chosen.name, value: "1" });
      await context.api.delete("sys_properties", first.sys_id ?? "");
      const again = await context.api.create("sys_properties", { sys_id: chosen.sysId, name: chosen.name, value: "2" });
      await context.api.delete("sys_properties", again.sys_id ?? "");
      return { outcome: `returned ${again.sys_id}`, holds: again.sys_id === chosen.sysId };
    },
  },
];
