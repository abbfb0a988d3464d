import { listIfAvailable, tableNotAvailable, type Probe } from "./probe";

/**
 * The stored values of `oauth_entity.type`: the choices the instance defines (sys_choice) and
 * the values its entities have. Settles whether a template's `type: "consumer"` is stored as
 * such or as `oauth_provider` (servicenow-reference.md, "The Configure form is data").
 */
/** What the provider writes (provider/records/oauth-entity.ts): third-party providers, external clients. */
const writtenByProvider = ["oauth_provider", "client"] as const;

export const oauthEntityTypesProbe: Probe = {
  id: "oauth-entity-type",
  check: "the stored values of oauth_entity.type (is a template's `consumer` stored as consumer or oauth_provider?)",
  async run({ api }) {
    const choiceRows = await listIfAvailable(api, "sys_choice", "name=oauth_entity^element=type^ORDERBYsequence", { fields: ["value", "label", "inactive"] });
    const choices = choiceRows === undefined ? undefined : [...new Map(choiceRows.map((row) => [row.value ?? "", { value: row.value ?? "", label: row.label ?? "", inactive: row.inactive === "true" }])).values()];
    const counts = new Map<string, number>();
    for (const entity of await api.list("oauth_entity", "", { fields: ["type"] })) counts.set(entity.type ?? "", (counts.get(entity.type ?? "") ?? 0) + 1);
    const inUse = Object.fromEntries([...counts].sort(([a], [b]) => a.localeCompare(b)));
    const values = choices?.map((choice) => choice.value);
    const consumer = values === undefined ? "unsettled (no choice list)" : values.includes("consumer") ? "a stored choice" : "not a stored choice (the builder must map it)";
    const missing = values === undefined ? [] : writtenByProvider.filter((value) => !values.includes(value));
    return {
      outcome:
        `choices: ${choices === undefined ? `sys_choice ${tableNotAvailable}` : choices.map((choice) => `${choice.value} (${choice.label})`).join(", ") || "none"}; ` +
        `in use: ${Object.entries(inUse).map(([value, count]) => `${value || "(empty)"} ×${count}`).join(", ") || "no entity"}; \`consumer\` is ${consumer}` +
        (missing.length > 0 ? `; the provider writes ${missing.join(", ")}, which is not a choice` : ""),
      holds: missing.length === 0,
      details: { choices: choices ?? tableNotAvailable, inUse, providerWrites: writtenByProvider },
    };
  },
};
