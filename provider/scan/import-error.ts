import { isSpokesError, SpokesError } from "../errors/spokes-error";

/** `pulumi import` cannot rebuild this resource from the sys_id it was given: says why, and the way out. */
export class ImportError extends SpokesError {
  constructor(
    readonly kind: string,
    readonly sysId: string,
    problem: string,
    instanceUrl?: string,
  ) {
    super(`Cannot import ${kind} ${sysId}${instanceUrl ? ` from ${instanceUrl}` : ""}: ${problem}. Nothing was written.`, instanceUrl ? { instanceUrl } : {});
  }
}

export function isImportError(e: unknown): e is ImportError {
  return isSpokesError(e) && e.name === "ImportError";
}
