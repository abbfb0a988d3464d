import { SpokesError } from "../errors/spokes-error";

/** A scan that cannot start as asked (options, folders, stack settings): the CLI prints the message and exits 2. */
export class UsageError extends SpokesError {}
