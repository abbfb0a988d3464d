/**
 * The plugin's resource types: `servicenow:index:<Kind>` for every kind in the registry. The
 * kind of a call is read from its URN's type token, so no input carries it (the dynamic
 * provider's `__kind` input is not used here).
 */
export const packageName = "servicenow";
const tokenPrefix = `${packageName}:index:`;

export function tokenOf(kindName: string): string {
  return `${tokenPrefix}${kindName}`;
}

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
