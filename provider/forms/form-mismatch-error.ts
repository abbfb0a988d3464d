/**
 * The instance's Configure form and this resource disagree in a way that would leave the spoke
 * configured differently from what the form makes: found before any write.
 */
export class FormMismatchError extends Error {
  override readonly name = "FormMismatchError";

  constructor(
    readonly instanceUrl: string,
    readonly aliasId: string,
    problem: string,
  ) {
    super(`${problem} (alias ${aliasId} on ${instanceUrl}). Nothing was written.`);
  }
}
