import type * as pulumi from "@pulumi/pulumi";

/**
 * The provider object that Pulumi serializes into every resource's state (`__provider`).
 *
 * It is deliberately tiny: each method requires the real implementation through this
 * package's own name and the stable `./runtime` export, so that
 * - state stays small (the serializer copies local code by value, and a captured axios
 *   instance or zod schema would not serialize at all);
 * - an upgraded package takes effect for refresh and delete of existing resources too
 *   (otherwise the SDK keeps running the code stored at the last update).
 * The only captured value is `kind`, a string. Keep it that way: a test asserts the size.
 */
export function providerShim(kind: string): pulumi.dynamic.ResourceProvider {
  return {
    async configure(req) {
      require("pulumi-servicenow-spokes/runtime").configure(req.config);
    },
    check: async (olds, news) => require("pulumi-servicenow-spokes/runtime").provider(kind).check(olds, news),
    diff: async (id, olds, news) => require("pulumi-servicenow-spokes/runtime").provider(kind).diff(id, olds, news),
    create: async (inputs) => require("pulumi-servicenow-spokes/runtime").provider(kind).create(inputs),
    read: async (id, props) => require("pulumi-servicenow-spokes/runtime").provider(kind).read(id, props),
    update: async (id, olds, news) => require("pulumi-servicenow-spokes/runtime").provider(kind).update(id, olds, news),
    delete: async (id, props) => require("pulumi-servicenow-spokes/runtime").provider(kind).delete(id, props),
  };
}
