/**
 * The entry that the serialized provider of release 0.1 requires by name
 * (`pulumi-servicenow-spokes/runtime`, one shim per kind). Stacks created by that release call
 * it from their state for refresh and delete until their next update stores the new provider
 * (./dynamic-provider), so its two exports must stay.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { ConfigSource } from "./config/config-source";
import { providerFor } from "./registry";
import { configureSession } from "./session";

/** Called by Pulumi with the stack configuration (`servicenow:*`) before any other method. */
export function configure(config: ConfigSource): void {
  configureSession(config);
}

/** The lifecycle implementation of one resource kind, e.g. `SystemProperty`. */
export function provider(kind: string): pulumi.dynamic.ResourceProvider {
  return providerFor(kind);
}
