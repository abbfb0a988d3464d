/**
 * A warning for the person running `pulumi up`: the engine shows what a provider writes to
 * stderr in the run's diagnostics. Never pass a secret.
 */
export function warnUser(message: string): void {
  process.stderr.write(`warning: ${message}\n`);
}
