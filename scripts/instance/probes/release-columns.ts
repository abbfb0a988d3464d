import type { Probe } from "./probe";

const propertyOf = (prefix: string) => `x_${prefix.replace(/-/g, "_")}.probe`;

/** How IntegrationUser sees that a release has no sys_user.identity_type: the answer leaves it out. */
export const unknownColumnAskedProbe: Probe = {
  id: "unknown-column-asked",
  check: "a column the table does not have is left out of answers, also when asked for (how IntegrationUser sees that identity_type is missing)",
  writes: "a system property under the run's prefix, deleted again",
  async run({ api, prefix }) {
    const made = await api.create("sys_properties", { name: `${propertyOf(prefix)}.asked`, value: "1" });
    const asked = await api.get("sys_properties", made.sys_id ?? "", { fields: ["name", "no_such_column"] });
    await api.delete("sys_properties", made.sys_id ?? "");
    return {
      outcome: asked === undefined ? "record not found" : "no_such_column" in asked ? `returned ${JSON.stringify(asked.no_such_column)}` : "left out",
      holds: asked !== undefined && !("no_such_column" in asked),
    };
  },
};

/** ServiceNow's definition gives sys_properties.value 4000 characters; the emulator cuts longer values. */
export const propertyValueSizeProbe: Probe = {
  id: "property-value-size",
  check: "sys_properties.value holds 4000 characters and a longer value is cut, not refused (SystemProperty refuses it in check)",
  writes: "a system property under the run's prefix, deleted again",
  async run({ api, prefix }) {
    const long = await api.create("sys_properties", { name: `${propertyOf(prefix)}.long`, value: "v".repeat(4001) });
    await api.delete("sys_properties", long.sys_id ?? "");
    return { outcome: `stored ${long.value?.length ?? 0} of 4001 characters`, holds: long.value?.length === 4000 };
  },
};

export const identityTypeProbe: Probe = {
  id: "identity-type",
  check: "sys_user.identity_type exists on this release (IntegrationUser then sets machine; without it, nothing)",
  async run({ api }) {
    const user = (await api.list("sys_user", "", { fields: ["identity_type"], limit: 1 }))[0];
    return { outcome: user === undefined ? "no user readable" : "identity_type" in user ? "present" : "absent (an older release)", holds: user !== undefined };
  },
};
