import { packageName, tokenOf } from "../schema/package-name";

/**
 * The kind of a call, from its URN's type token (`servicenow:index:<Kind>`, ../schema/package-name.ts),
 * so no input carries it (the dynamic provider's `__kind` input is not used by the plugin).
 */
const tokenPrefix = tokenOf("");

/**
 * The kind named by a URN (`urn:pulumi:<stack>::<project>::[<parent type>$]servicenow:index:<Kind>::<name>`).
 * Throws for a type this package does not serve.
 */
export function kindNameOfUrn(urn: string): string {
  const qualifiedType = urn.split("::")[2] ?? "";
  const type = qualifiedType.split("$").pop() ?? "";
  if (!type.startsWith(tokenPrefix)) throw new Error(`The ServiceNow provider does not serve the resource type "${type}" (its types are ${tokenPrefix}<Kind>).`);
  return type.slice(tokenPrefix.length);
}

export { packageName };
