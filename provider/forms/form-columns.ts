/**
 * Where each path of a Configure form lands in a spoke's plan: the one mapping from the
 * template's dot paths to plan steps and columns (servicenow-reference.md, "The Configure
 * form is data"). The steps are those spoke-plan.ts builds. Change a mapping here, and only here.
 */
export type FormTarget =
  | { readonly step: string; readonly column: string }
  /** `additional.<x>`: no record; the form passes it only to the template's On Create Script. */
  | { readonly additional: string };

/** Longest prefix first: the OAuth entity's profile and the connection's attributes are inside other sections. */
const targets: readonly [prefix: string, target: (rest: string) => FormTarget | undefined][] = [
  ["connection.extended_attributes.", (element) => ({ step: `attribute-value:${element}`, column: "value" })],
  ["credential.oauth_entity.oauth_entity_profile[0].", (column) => ({ step: "profile", column })],
  ["credential.oauth_entity.", (column) => ({ step: "entity", column })],
  ["credential.", (column) => ({ step: "credential", column })],
  ["connection.", (column) => ({ step: "connection", column })],
  ["additional.", (name) => ({ additional: name })],
];

/** The form path that sets a plan column (`entity.client_id` → `credential.oauth_entity.client_id`): targetOf's inverse. */
export function pathOf(step: string, column: string): string | undefined {
  for (const [prefix, target] of targets) {
    const found = target(column);
    if ("step" in found! && found.step === step && found.column === column) return `${prefix}${column}`;
  }
  return undefined;
}

/** The step and column a form path sets, or undefined for a path no record column holds (scopes, nested lists). */
export function targetOf(path: string): FormTarget | undefined {
  for (const [prefix, target] of targets) {
    if (!path.startsWith(prefix)) continue;
    const rest = path.slice(prefix.length);
    return /^[a-z0-9_]+$/i.test(rest) ? target(rest) : undefined;
  }
  return undefined;
}

/**
 * The OAuth templates write `type: "consumer"`, a value the Application Registry does not list
 * (it shows `type=client^ORtype=oauth_provider`, the two values seen stored). The form's builder
 * is taken to store a consumer of a third party's OAuth as `oauth_provider` ("Connect to a third
 * party OAuth Provider"); `npm run test:instance` reads the stored choices to confirm it.
 */
export const storedEntityType: Readonly<Record<string, string>> = { consumer: "oauth_provider" };

/** A default as the column stores it. */
export function storedValue(target: FormTarget, value: string): string {
  if ("step" in target && target.step === "entity" && target.column === "type") return storedEntityType[value] ?? value;
  return value;
}
