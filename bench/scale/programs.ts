/**
 * The benchmark's programs: N resources, 90% SystemProperty, 5% OAuthProvider with one scope,
 * 5% BasicAuthCredential (issue 10's mix), as plain JavaScript so no run waits on a TypeScript
 * compile. The floor program declares the same resources with the same inputs against a bare
 * dynamic provider that makes no request: what Pulumi itself costs.
 */
export type Kind = "SystemProperty" | "OAuthProvider" | "BasicAuthCredential";

export function kindAt(index: number): Kind {
  const slot = index % 20;
  return slot === 18 ? "OAuthProvider" : slot === 19 ? "BasicAuthCredential" : "SystemProperty";
}

const inputsOf = (kind: Kind, i: number): string =>
  kind === "SystemProperty"
    ? `{ name: "x_bench.property.${i}", value: "value-${i}" }`
    : kind === "OAuthProvider"
      ? `{ name: "Bench OAuth ${i}", clientId: "client-${i}", clientSecret: pulumi.secret("oauth-secret-${i}"), tokenUrl: "https://login.example.com/oauth2/token", scopes: ["read"] }`
      : `{ name: "Bench basic ${i}", userName: "svc_${i}", password: pulumi.secret("basic-password-${i}") }`;

export function providerProgram(count: number): string {
  const lines = Array.from({ length: count }, (_, i) => `new snow.${kindAt(i)}("r${i}", ${inputsOf(kindAt(i), i)});`);
  return `"use strict";\nconst pulumi = require("@pulumi/pulumi");\nconst snow = require("pulumi-servicenow-spokes");\n${lines.join("\n")}\n`;
}

export function floorProgram(count: number): string {
  const lines = Array.from({ length: count }, (_, i) => `new Bare("${kindAt(i)}", "r${i}", ${inputsOf(kindAt(i), i)});`);
  return `"use strict";
const pulumi = require("@pulumi/pulumi");
const bare = require("bare-provider");
class Bare extends pulumi.dynamic.Resource {
  constructor(kind, name, args) { super(bare, name, args, undefined, "bench", kind); }
}
${lines.join("\n")}
`;
}

/** The cheapest possible dynamic provider: a module's exports (stored as one require), no request. */
export const bareProvider = `"use strict";
let next = 0;
exports.check = async (olds, news) => ({ inputs: news });
exports.diff = async () => ({ changes: false });
exports.create = async (inputs) => ({ id: String(process.pid) + "-" + String(next++), outs: inputs });
exports.read = async (id, props) => ({ id, props });
exports.update = async (id, olds, news) => ({ outs: news });
exports.delete = async () => {};
`;
