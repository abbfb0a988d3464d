import type { PlannedRecord } from "../lifecycle/record-plan";

/**
 * The spoke's Connection & Credential Alias (`sys_alias`): installed with the spoke, so it is
 * looked up, never created. Its absence is how we tell that a spoke is not active.
 */
export function aliasLookup(aliasId: string, hint?: string): PlannedRecord {
  return {
    step: "alias",
    table: "sys_alias",
    key: { id: aliasId },
    origin: "instance",
    missingHint:
      hint ??
      `The alias ${aliasId} comes with its spoke: activate the spoke (Integration Hub) on this instance, or check the alias id ` +
        "under Connections & Credentials > Connection & Credential Aliases.",
  };
}
