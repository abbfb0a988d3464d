import { z } from "zod";
import { adopt, recordName } from "../kinds/fields";
import { verifyClientCredentials } from "./verify-credentials";

/** Inputs every spoke connection has besides its form's fields. */
export function commonSpokeInputs(defaultConnectionName: string) {
  return {
    connectionName: recordName.default(defaultConnectionName),
    active: z.boolean().default(true),
    verifyCredentials: z.boolean().default(false),
    acknowledgeOnCreateScript: z.boolean().default(false),
    adopt,
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
