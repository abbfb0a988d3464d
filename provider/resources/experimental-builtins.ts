/**
 * Pulumi's closure serializer, the first time it serializes a provider in a program, requires
 * every built-in Node module to map them by identity (`computeBuiltInModules` in
 * @pulumi/pulumi/runtime/closure/createClosure.js). On Node 24 that includes `node:sqlite`,
 * whose first load prints `ExperimentalWarning: SQLite is an experimental feature` in every
 * user's `pulumi` output, though nothing uses it. Loading it here first, with exactly that one
 * warning held back, keeps the output clean; every other warning still reaches the user.
 */
export function preloadExperimentalBuiltins(): void {
  const emitWarning = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const text = typeof warning === "string" ? warning : warning.message;
    if (/SQLite is an experimental feature/.test(text)) return;
    (emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    require("node:sqlite");
  } catch {
    // Not on this Node version: nothing to hold back.
  } finally {
    process.emitWarning = emitWarning;
  }
}
