import type { Probe } from "./probe";

/** Write verification exists because an instance ignores columns it does not have. */
export const unknownColumnProbe: Probe = {
  id: "unknown-column",
  check: "a column the table does not have is ignored silently (write verification catches it)",
  writes: "a system property under the run's prefix, deleted again",
  async run({ api, prefix }) {
    const made = await api.create("sys_properties", { name: `x_${prefix.replace(/-/g, "_")}.probe.unknown`, value: "1", no_such_column: "x" });
    await api.delete("sys_properties", made.sys_id ?? "");
    return { outcome: made.no_such_column === undefined ? "ignored" : `stored ${made.no_such_column}`, holds: made.no_such_column === undefined };
  },
};
