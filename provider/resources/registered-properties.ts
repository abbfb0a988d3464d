import * as pulumi from "@pulumi/pulumi";

/**
 * What a resource class registers: every property it has, given or not (the SDK makes an output
 * only for the properties it is handed), the given arguments over them (an input that shares an
 * output's name, OktaConnection's credentialSysId, keeps its value), and the secret ones made
 * secret here, in the program: a value that only becomes secret through additionalSecretOutputs
 * is printed in plaintext by the SDK's `--debug` log of the engine's response (measured with
 * 3.259; see test/e2e/every-kind.test.ts).
 */
export function registeredProperties(args: object, propertyNames: readonly string[], secretKeys: readonly string[]): Record<string, unknown> {
  const properties: Record<string, unknown> = { ...Object.fromEntries(propertyNames.map((property) => [property, undefined])), ...args };
  for (const key of secretKeys) if (properties[key] !== undefined) properties[key] = pulumi.secret(properties[key]);
  return properties;
}

/** The options, with the secret inputs' outputs kept secret as well. */
export function withSecretOutputs(opts: pulumi.CustomResourceOptions | undefined, secretKeys: readonly string[]): pulumi.CustomResourceOptions {
  return { ...opts, additionalSecretOutputs: [...(opts?.additionalSecretOutputs ?? []), ...secretKeys] };
}
