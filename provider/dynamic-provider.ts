/**
 * The provider of every resource in this package, as a module of its own. Pulumi stores the
 * provider in each resource's state (`__provider`), and a captured object that is the exports
 * of a module under node_modules is stored as one `require("pulumi-servicenow-spokes/dynamic-provider")`
 * (about 300 bytes) instead of a copy of its code. So state stays small, and an upgraded
 * package takes effect for refresh and delete of existing resources too. The kind comes with
 * each call, in the `__kind` input that ServiceNowResource sets (and outputs carry).
 *
 * Keep the exports backwards compatible: existing stacks require this module by name.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { ConfigSource } from "./config/config-source";
import { kindKey } from "./lifecycle/kind-provider";
import { providerFor } from "./registry";
import { configureSession } from "./session";

type Props = Record<string, unknown>;
type Provider = Required<pulumi.dynamic.ResourceProvider>;

/** Called by Pulumi with the stack configuration (`servicenow:*`) before any other method. */
export async function configure(request: { config: ConfigSource }): Promise<void> {
  configureSession(request.config);
}

export async function check(olds: Props, news: Props) {
  return kindProvider(news, olds).check(olds, news);
}

export async function diff(id: string, olds: Props, news: Props) {
  return kindProvider(news, olds).diff(id, olds, news);
}

export async function create(inputs: Props) {
  return kindProvider(inputs).create(inputs);
}

export async function read(id: string, props: Props) {
  return kindProvider(props).read(id, props);
}

export async function update(id: string, olds: Props, news: Props) {
  return kindProvider(news, olds).update(id, olds, news);
}

async function deleteResource(id: string, props: Props) {
  return kindProvider(props).delete(id, props);
}
export { deleteResource as delete };

function kindProvider(...sources: Props[]): Provider {
  const kind = sources.map((props) => props?.[kindKey]).find((value): value is string => typeof value === "string");
  if (kind === undefined) throw new Error(`internal: the resource has no \`${kindKey}\` input; it was not made by a ServiceNowResource class`);
  return providerFor(kind) as Provider;
}
