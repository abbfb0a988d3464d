import { recordOf, type RecordsState } from "../lifecycle/resource-state";

/** The sys_ids users most often need from a spoke connection, as named outputs. */
export function spokeOutputs(_inputs: unknown, records: RecordsState): Record<string, string> {
  const idOf = (step: string) => recordOf(records, step)?.sysId ?? "";
  return {
    connectionSysId: idOf("connection"),
    credentialSysId: idOf("credential"),
    oauthEntitySysId: idOf("entity"),
  };
}

export const spokeOutputNames = ["connectionSysId", "credentialSysId", "oauthEntitySysId", "configureForm"] as const;
