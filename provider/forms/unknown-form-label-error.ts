import { isSpokesError, SpokesError } from "../errors/spokes-error";

/** A label of the `form` input that the alias's Configure form does not have (turned into a FormMismatchError by the spokes). */
export class UnknownFormLabelError extends SpokesError {}

export function isUnknownFormLabelError(e: unknown): e is UnknownFormLabelError {
  return isSpokesError(e) && e.name === "UnknownFormLabelError";
}
