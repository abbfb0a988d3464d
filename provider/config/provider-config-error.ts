import { isSpokesError, SpokesError } from "../errors/spokes-error";
import type { SettingName } from "./config-keys";

/** One thing wrong with the configuration, named by its setting. */
export interface ConfigProblem {
  /** The setting at fault, or undefined for "no credentials at all". */
  readonly setting: SettingName | undefined;
  /** One line: the key, the environment variables, what is wrong and an example fix. */
  readonly message: string;
}

/**
 * The provider configuration is incomplete or invalid. Raised by `resolveProviderConfig()`
 * before any request; the message has one line per problem and never holds a secret value.
 */
export class ProviderConfigError extends SpokesError {
  readonly problems: readonly ConfigProblem[];

  constructor(problems: readonly ConfigProblem[]) {
    const lines = problems.map((p) => p.message);
    super(
      lines.length === 1
        ? `Invalid ServiceNow provider configuration: ${lines[0]}`
        : `Invalid ServiceNow provider configuration:\n${lines.map((l) => `- ${l}`).join("\n")}`,
    );
    this.problems = problems;
  }
}

export function isProviderConfigError(e: unknown): e is ProviderConfigError {
  return isSpokesError(e) && e.name === "ProviderConfigError";
}
