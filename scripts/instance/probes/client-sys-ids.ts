import { createHash } from "node:crypto";
import type { Probe, ProbeContext } from "./probe";

/**
 * Owned sys_ids (docs/reliability.md) rely on a POST honouring the `sys_id` it sends, and on
 * a sys_id being usable again after its record was deleted (destroy, then up).
 */
const writes = "a system property under the run's prefix, deleted again";

/** POSTs a property with a sys_id chosen from the run's prefix, deletes it, and says which sys_id the instance gave it. */
async function postWithChosenSysId({ api, prefix }: ProbeContext, probe: string): Promise<{ sent: string; returned: string }> {
  const sent = createHash("sha256").update(`${prefix}/${probe}`).digest("hex").slice(0, 32);
  const made = await api.create("sys_properties", { sys_id: sent, name: `x_${prefix.replace(/-/g, "_")}.${probe.replace(/-/g, "_")}`, value: "1" });
  await api.delete("sys_properties", made.sys_id ?? "");
  return { sent, returned: made.sys_id ?? "" };
}

export const clientSysIdProbes: readonly Probe[] = [
  {
    id: "client-sys-id",
    check: "POST accepts a client-chosen sys_id (owned sys_ids rely on it)",
    writes,
    async run(context) {
      const { sent, returned } = await postWithChosenSysId(context, "client-sys-id");
      return { outcome: `sent ${sent}, returned ${returned}`, holds: returned === sent, details: { sent, returned } };
    },
  },
  {
    id: "sys-id-reuse",
    check: "a sys_id can be used again after its record was deleted (destroy, then up)",
    writes,
    async run(context) {
      await postWithChosenSysId(context, "sys-id-reuse");
      const { sent, returned } = await postWithChosenSysId(context, "sys-id-reuse");
      return { outcome: `returned ${returned}`, holds: returned === sent };
    },
  },
];
