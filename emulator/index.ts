/**
 * The ServiceNow instance emulator: the parts of an instance this package touches, on
 * loopback, for the demo, the tests, the benchmarks and users' own tests. See docs/emulator.md.
 */
export { start } from "./start";
export type { EmulatorOptions, EmulatorStats, FailNext, FaultOptions, FieldInput, RunningEmulator, SpokeName, ThirdPartyOptions } from "./options";
export { EmulatorApiError, isEmulatorApiError } from "./errors";
export { TABLES, type FieldDef, type FieldType, type TableDef } from "./schema";
