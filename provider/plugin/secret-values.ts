import { unknownValue } from "../lifecycle/values";

/**
 * Pulumi's wire signatures. A provider that accepts secrets (the SDK's server says it does)
 * gets secret inputs as `{ [sigKey]: secretSig, value }`, and may get output values as
 * `{ [sigKey]: outputSig, value?, secret? }` (no `value`: not known yet). The lifecycle works on
 * plain values, so they are unwrapped on the way in; on the way out, the kind's secret inputs
 * are wrapped again, so the engine keeps them secret whatever the program's language.
 */
const sigKey = "4dabf18193072939515e22adb298388d";
const secretSig = "1b47061264138c4ac30d75fd1eb44270";
const outputSig = "d0e6a833031e9bbcd3f4e8bde6ca49a4";

type Props = Record<string, unknown>;

/** The value with every secret and output envelope replaced by what it holds, at any depth. */
export function unwrapped(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unwrapped);
  if (value === null || typeof value !== "object") return value;
  const object = value as Props;
  if (object[sigKey] === secretSig) return unwrapped(object.value);
  if (object[sigKey] === outputSig) return "value" in object ? unwrapped(object.value) : unknownValue;
  return Object.fromEntries(Object.entries(object).map(([key, item]) => [key, unwrapped(item)]));
}

export function unwrappedProps(props: Props | undefined): Props {
  return (unwrapped(props ?? {}) ?? {}) as Props;
}

export function asSecret(value: unknown): Props {
  return { [sigKey]: secretSig, value };
}

export function isSecret(value: unknown): boolean {
  return value !== null && typeof value === "object" && (value as Props)[sigKey] === secretSig;
}

/** True when the value is, or holds at any depth, a secret (an output value marked secret included). */
export function holdsSecret(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(holdsSecret);
  if (value === null || typeof value !== "object") return false;
  const object = value as Props;
  if (object[sigKey] === secretSig) return true;
  if (object[sigKey] === outputSig && object.secret === true) return true;
  return Object.values(object).some(holdsSecret);
}

/**
 * The top-level keys that came in secret (wholly or in part): the program made them secret
 * (a secret config value, `fn::secret`), so what goes back under those keys stays secret even
 * when the kind does not declare them secret (a password2 SystemProperty's `value`).
 */
export function secretKeysOf(...sources: (Props | undefined)[]): string[] {
  const keys = new Set<string>();
  for (const props of sources) for (const [key, value] of Object.entries(props ?? {})) if (holdsSecret(value)) keys.add(key);
  return [...keys];
}

/** A copy with the named keys, where present, wrapped as secrets. */
export function withSecrets(props: Props | undefined, keys: readonly string[]): Props | undefined {
  if (!props) return props;
  const copy: Props = { ...props };
  for (const key of keys) if (copy[key] !== undefined && !isSecret(copy[key])) copy[key] = asSecret(copy[key]);
  return copy;
}
