import { isSpokesError, SpokesError } from "../errors/spokes-error";

export interface CredentialCheckErrorDetails {
  /** Who was asked: "SumTotal", "Qualtrics", "Okta". */
  readonly party: string;
  /** The third party's HTTP status, when it answered. */
  readonly status?: number;
  /** Network error code (ECONNREFUSED, ETIMEDOUT, ...), when it did not answer. */
  readonly code?: string;
  /** The credentials that were checked: redacted from the message, whatever the third party echoed. */
  readonly secrets: readonly (string | undefined)[];
}

/**
 * `verifyCredentials`: the third party refused the credentials, or could not be reached. The
 * message names the inputs to fix and the third party's answer, never a secret; `status` is
 * the third party's, not the instance's.
 */
export class CredentialCheckError extends SpokesError {
  readonly party: string;
  readonly code?: string;

  constructor(message: string, details: CredentialCheckErrorDetails) {
    super(message, { status: details.status, secrets: details.secrets });
    this.party = details.party;
    if (details.code !== undefined) this.code = details.code;
  }
}

export function isCredentialCheckError(e: unknown): e is CredentialCheckError {
  return isSpokesError(e) && e.name === "CredentialCheckError";
}
