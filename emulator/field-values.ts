/**
 * Turns the body of a write into stored values, as the instance does: every value a string,
 * unknown and sys_ fields ignored, booleans normalised, password2 values kept only with
 * `sysparm_input_display_value=true` (and then stored encrypted), references given by display
 * value resolved when display values are the input.
 */
import { isSysField, type FieldDef, type Schema } from "./schema";

export interface WriteSettings {
  /** `sysparm_input_display_value=true` (the UI and the direct API act like this too). */
  readonly inputDisplayValue: boolean;
  /** Display-value input read as a REST request is (see WriteContext.strictDisplayValues). */
  readonly strictDisplayValues?: boolean;
  readonly seal: (plaintext: string) => string;
  /** The sys_id of the record of `table` whose display value is `display`, if any. */
  readonly findByDisplay: (table: string, display: string) => string | undefined;
  /** Whether `sysId` is a record of `table` (or of a table extending it). */
  readonly exists: (table: string, sysId: string) => boolean;
}

/** Booleans accept `true`, `"true"` and `"1"` as true; anything else is false. */
export function normalizeBoolean(raw: string): "true" | "false" {
  return raw === "true" || raw === "1" ? "true" : "false";
}

function normalizeInteger(raw: string): string {
  const s = raw.trim();
  if (s === "") return "";
  const n = Number(s);
  return Number.isFinite(n) ? String(Math.trunc(n)) : "0";
}

/** A JSON value as the instance reads it; undefined for values it cannot take (objects, arrays). */
function asString(raw: unknown): string | undefined {
  if (raw === null || raw === undefined) return "";
  if (typeof raw === "string") return raw;
  if (typeof raw === "boolean" || typeof raw === "number") return String(raw);
  return undefined;
}

export function normalizeField(def: FieldDef, raw: string, settings: WriteSettings): string | undefined {
  if (def.choices !== undefined && settings.inputDisplayValue && raw !== "") return choiceFromDisplay(def.choices, raw, settings);
  switch (def.type) {
    case "boolean":
      return normalizeBoolean(raw);
    case "integer":
      return normalizeInteger(raw);
    case "password2":
      // The instance silently drops secrets written without display-value input.
      return settings.inputDisplayValue ? settings.seal(raw) : undefined;
    case "reference":
      if (settings.inputDisplayValue && raw !== "" && def.reference !== undefined && !settings.exists(def.reference, raw)) {
        return settings.findByDisplay(def.reference, raw) ?? raw;
      }
      return raw;
    default:
      // ServiceNow cuts a string longer than the column on write, without an error.
      return def.maxLength !== undefined && raw.length > def.maxLength ? raw.slice(0, def.maxLength) : raw;
  }
}

/**
 * Display-value input for a choice column: the label an admin sees ("Client Credentials")
 * stores its value (`client_credentials`). A stored value given instead is not a label; the
 * documentation (KB0534905) says only that the instance "tries to resolve" display input, so
 * the emulator assumes the strict outcome, an empty column, which write verification catches.
 * The conformance report (`npm run test:instance`) is where a real instance settles it.
 */
function choiceFromDisplay(choices: Readonly<Record<string, string>>, raw: string, settings: WriteSettings): string {
  const byLabel = Object.keys(choices).find((value) => choices[value]!.toLowerCase() === raw.toLowerCase());
  if (byLabel !== undefined) return byLabel;
  return settings.strictDisplayValues ? "" : raw;
}

/** The stored values a write body sets on `table` (fields of other tables are ignored). */
export function normalizeWrite(schema: Schema, table: string, input: Readonly<Record<string, unknown>>, settings: WriteSettings): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, raw] of Object.entries(input)) {
    if (isSysField(name)) continue;
    const def = schema.field(table, name);
    const text = asString(raw);
    if (def === undefined || text === undefined) continue;
    const value = normalizeField(def, text, settings);
    if (value !== undefined) out[name] = value;
  }
  return out;
}

/** The values a new record of `table` starts with. */
export function defaultValues(schema: Schema, table: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, def] of schema.fields(table)) out[name] = def.default ?? (def.type === "boolean" ? "false" : "");
  return out;
}
