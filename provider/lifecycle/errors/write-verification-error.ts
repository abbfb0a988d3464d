import { isSpokesError, SpokesError } from "../../errors/spokes-error";
import type { RecordState } from "../resource-state";

/**
 * The instance answered a write with a record that lacks a column we set, or holds another
 * value in it. A real instance silently ignores columns a table does not have (a column
 * renamed by a release, a spoke version without it), so without this check the record would
 * be misconfigured and nothing would say so.
 */
export class WriteVerificationError extends SpokesError {
  declare readonly instanceUrl: string;
  declare readonly table: string;
  /** The record as the failed write left it, for the transaction to undo (set by the lifecycle). */
  made?: RecordState;

  constructor(
    instanceUrl: string,
    table: string,
    readonly sysId: string,
    readonly mismatches: readonly { column: string; sent: string; returned: string | undefined }[],
  ) {
    const listed = mismatches
      .map(({ column, sent, returned }) =>
        returned === undefined
          ? `\`${column}\`: sent ${JSON.stringify(sent)}, the instance returned no such column`
          : `\`${column}\`: sent ${JSON.stringify(sent)}, the instance stored ${JSON.stringify(returned)}`,
      )
      .join("; ");
    super(
      `${instanceUrl} did not store what was written to ${table}/${sysId}: ${listed}. ` +
        "The instance ignores columns a table does not have and may reject values a business rule or choice list does not allow: " +
        "check that the spoke (and the platform release) is the version this package supports, and run `npm run test:instance` " +
        "against the instance to get a conformance report.",
      { instanceUrl, table },
    );
  }
}

export function isWriteVerificationError(e: unknown): e is WriteVerificationError {
  return isSpokesError(e) && e.name === "WriteVerificationError";
}
