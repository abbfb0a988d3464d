/**
 * The stable entry that serialized provider shims require by name
 * (`pulumi-servicenow-spokes/runtime`). Existing stacks call it from their state, so its two
 * exports must stay backwards compatible across releases.
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
