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
 * The only captured values are `kind`, a string, and `real`, which is as small as it looks.
 * Keep it that way: a test asserts the serialized size (2.3 KB, of which the SDK's wrapper
 * around each of the nine functions is about 200 bytes; the limit is 2.5 KB).
 */
export function providerShim(kind: string): pulumi.dynamic.ResourceProvider {
  const real = (): any => require("pulumi-servicenow-spokes/runtime");
  return {
    configure: async (req) => real().configure(req.config),
    check: async (...a) => real().provider(kind).check(...a),
    diff: async (...a) => real().provider(kind).diff(...a),
    create: async (...a) => real().provider(kind).create(...a),
    read: async (...a) => real().provider(kind).read(...a),
    update: async (...a) => real().provider(kind).update(...a),
    delete: async (...a) => real().provider(kind).delete(...a),
  };
}
