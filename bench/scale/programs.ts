/**
 * The benchmark's JavaScript programs, rendered from a list of resources (bench-resources.ts),
 * as plain JavaScript so no run waits on a TypeScript compile. The dynamic program declares them
 * with this package's classes; the floor program declares the same resources with the same
 * inputs against a bare dynamic provider that makes no request: what Pulumi itself costs.
 */
import { mixedResources, type BenchResource, type InputValue } from "./bench-resources";

function jsValue(value: InputValue): string {
  if (typeof value === "string") return JSON.stringify(value);
  if ("secret" in value) return `pulumi.secret(${JSON.stringify(value.secret)})`;
  return JSON.stringify(value);
}

const jsInputs = (resource: BenchResource): string =>
  `{ ${Object.entries(resource.inputs)
    .map(([key, value]) => `${key}: ${jsValue(value)}`)
    .join(", ")} }`;

/**
 * The resources as this package's classes (`new snow.<Kind>(name, inputs)`): the dynamic ones,
 * or with `pulumi-servicenow-spokes/plugin` the same classes through the provider plugin.
 */
export function classProgram(resources: readonly BenchResource[], classes = "pulumi-servicenow-spokes"): string {
  const lines = resources.map((resource) => `new snow.${resource.kind}(${JSON.stringify(resource.name)}, ${jsInputs(resource)});`);
  return `"use strict";\nconst pulumi = require("@pulumi/pulumi");\nconst snow = require(${JSON.stringify(classes)});\n${lines.join("\n")}\n`;
}

/** The resources against the bare provider (`bare-provider`, installed by bench-project.ts), each typed by its kind. */
export function bareProgram(resources: readonly BenchResource[]): string {
  const lines = resources.map((resource) => `new Bare(${JSON.stringify(resource.kind)}, ${JSON.stringify(resource.name)}, ${jsInputs(resource)});`);
  return `"use strict";
const pulumi = require("@pulumi/pulumi");
const bare = require("bare-provider");
class Bare extends pulumi.dynamic.Resource {
  constructor(kind, name, args) { super(bare, name, args, undefined, "bench", kind); }
}
${lines.join("\n")}
`;
}

/** bench:scale's mix of `count` resources through this package's dynamic provider. */
export const providerProgram = (count: number): string => classProgram(mixedResources(count));

/** The same mix against the bare provider. */
export const floorProgram = (count: number): string => bareProgram(mixedResources(count));

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
