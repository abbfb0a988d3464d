/**
 * What the benchmark programs declare, apart from the language that declares it: each resource's
 * kind, name and inputs. The JavaScript programs (bench/scale/programs.ts) and the Pulumi YAML
 * program (bench/scale/yaml-program.ts) render the same list, so the dynamic provider, the bare
 * floor and the plugin are measured on identical resources.
 */
export type Kind = "SystemProperty" | "OAuthProvider" | "BasicAuthCredential";

/** A plain string, a list of strings, or a string the program marks secret. */
export type InputValue = string | readonly string[] | { readonly secret: string };

export interface BenchResource {
  readonly kind: Kind;
  readonly name: string;
  readonly inputs: Readonly<Record<string, InputValue>>;
}

/** bench:scale's mix (issue 10): 90% SystemProperty, 5% OAuthProvider with one scope, 5% BasicAuthCredential. */
export function kindAt(index: number): Kind {
  const slot = index % 20;
  return slot === 18 ? "OAuthProvider" : slot === 19 ? "BasicAuthCredential" : "SystemProperty";
}

function mixedInputs(kind: Kind, i: number): Record<string, InputValue> {
  switch (kind) {
    case "SystemProperty":
      return { name: `x_bench.property.${i}`, value: `value-${i}` };
    case "OAuthProvider":
      return { name: `Bench OAuth ${i}`, clientId: `client-${i}`, clientSecret: { secret: `oauth-secret-${i}` }, tokenUrl: "https://login.example.com/oauth2/token", scopes: ["read"] };
    case "BasicAuthCredential":
      return { name: `Bench basic ${i}`, userName: `svc_${i}`, password: { secret: `basic-password-${i}` } };
  }
}

/** N resources of bench:scale's mix, named r0 ... r<N-1>. */
export function mixedResources(count: number): BenchResource[] {
  return Array.from({ length: count }, (_, i) => ({ kind: kindAt(i), name: `r${i}`, inputs: mixedInputs(kindAt(i), i) }));
}

/** bench:peer's N system properties, named r0 ... r<N-1>, each side's names under its own prefix. */
export function systemProperties(count: number, prefix: string): BenchResource[] {
  return Array.from({ length: count }, (_, i) => ({ kind: "SystemProperty", name: `r${i}`, inputs: { name: `${prefix}${i}`, value: `value-${i}` } }));
}
