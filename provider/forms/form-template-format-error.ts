import { isSpokesError, SpokesError } from "../errors/spokes-error";

/** A Connection & Credential template (`sys_alias_templates`) whose stored JSON cannot be read as a form. */
export class FormTemplateFormatError extends SpokesError {}

export function isFormTemplateFormatError(e: unknown): e is FormTemplateFormatError {
  return isSpokesError(e) && e.name === "FormTemplateFormatError";
}
