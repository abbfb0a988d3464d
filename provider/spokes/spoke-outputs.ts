import { z } from "zod";
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

/** The sys_ids users most often need from a spoke connection, and what the last write found of its Configure form. */
export const spokeOutputSchema = z.object({
  connectionSysId: z.string().meta({ description: "The connection's sys_id (`http_connection`)." }),
  credentialSysId: z.string().meta({ description: "The credential's sys_id." }),
  oauthEntitySysId: z.string().meta({ description: "The OAuth entity's sys_id, or empty without OAuth." }),
  configureForm: z
    .object({
      template: z.string().meta({ description: "The alias's Connection & Credential template, or empty when it has none." }),
      templateSysId: z.string().meta({ description: "The template's sys_id." }),
      defaultsWritten: z.array(z.string()).meta({ description: "Columns written from the form's defaults, as `step.column` (e.g. `entity.code_challenge_method`)." }),
      notes: z.array(z.string()).meta({ description: "What the write noticed about the form." }),
    })
    .meta({ description: "What the last write found of the alias's Configure form: its template, the defaults written from it, notes." }),
});

/** The `configureForm` output. */
export type ConfigureFormReport = z.infer<typeof spokeOutputSchema.shape.configureForm>;
