import { z } from "zod";
import { adoptFlag, recordName } from "../kinds/fields";
import { input } from "../kinds/input";
import { verifyClientCredentials } from "./verify-credentials";

/** Inputs every spoke connection has besides its form's fields. */
export function commonSpokeInputs(defaultConnectionName: string) {
  return {
    connectionName: input(recordName.default(defaultConnectionName), {
      description: "The connection's name on the alias (read-only in the form: the alias's name).",
      column: "connection.name",
    }),
    active: input(z.boolean().default(true), { description: "Whether the connection is active.", column: "connection.active" }),
    verifyCredentials: input(z.boolean().default(false), { description: "Before any write, ask the third party for a token with these credentials (the form's Get OAuth Token, moved first)." }),
    acknowledgeOnCreateScript: input(z.boolean().default(false), {
      description: "The alias's template has an On Create Script, which the Configure form runs and the Table API does not, and you do its work another way: silences that warning.",
    }),
    adopt: input(adoptFlag, { description: "Take over a configuration made by hand in the UI (the same names on the same alias) instead of failing. Default false." }),
  };
}

/**
 * The spoke's Configure form: the alias whose template the records must match, and whether
 * the spoke's setup page requires that template to be selected on the alias.
 */
export function spokeForm(spokeName: string, aliasId: string, options: { readonly templateRequired?: boolean } = {}) {
  return (inputs: { acknowledgeOnCreateScript: boolean }) => ({
    aliasId,
    spokeName,
    templateRequired: options.templateRequired ?? false,
    acknowledgeOnCreateScript: inputs.acknowledgeOnCreateScript,
  });
}

/**
 * A preflight that, when `verifyCredentials` is set, asks the third party for a token with
 * the OAuth client credentials before anything is written.
 */
export function clientCredentialsPreflight<Inputs>(
  spokeName: string,
  credentials: (inputs: Inputs) => { tokenUrl: string; clientId: string; clientSecret: string; scope?: string; inputNames: string },
) {
  return async (inputs: Inputs & { verifyCredentials: boolean }): Promise<void> => {
    if (!inputs.verifyCredentials) return;
    await verifyClientCredentials({ spokeName, ...credentials(inputs) });
  };
}
