import { isSpokesError, SpokesError } from "../errors/spokes-error";

/**
 * The instance's Configure form and this resource disagree in a way that would leave the spoke
 * configured differently from what the form makes: found before any write.
 */
export class FormMismatchError extends SpokesError {
  declare readonly instanceUrl: string;

  constructor(
    instanceUrl: string,
    readonly aliasId: string,
    problem: string,
    options: { readonly cause?: unknown } = {},
  ) {
    super(`${problem} (alias ${aliasId} on ${instanceUrl}). Nothing was written.`, { ...options, instanceUrl });
  }
}

export function isFormMismatchError(e: unknown): e is FormMismatchError {
  return isSpokesError(e) && e.name === "FormMismatchError";
}
