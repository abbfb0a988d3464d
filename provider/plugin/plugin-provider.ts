import type * as pulumi from "@pulumi/pulumi";
import type * as provider from "@pulumi/pulumi/provider";
import { ownerKey } from "../lifecycle/kind-provider";
import type { ResourceKind } from "../lifecycle/resource-kind";
import { kinds, providerFor } from "../registry";
import { secretInputsOf } from "../schema/describe-kind";
import { ownerOfUrn } from "./owner";
import { kindNameOfUrn } from "./resource-token";
import { withTextInputs } from "./text-inputs";
import { secretKeysOf, unwrappedProps, withSecrets } from "./secret-values";

type Props = Record<string, unknown>;
type Lifecycle = Required<pulumi.dynamic.ResourceProvider>;

/**
 * The plugin's resource methods: each call goes to the same lifecycle as the dynamic provider
 * (../registry.ts `providerFor`, one `kindProvider` per kind), for the kind its URN's type
 * names. Inputs come in with their secret envelopes unwrapped; inputs and outputs go back with
 * the kind's secret inputs wrapped as secrets (the schema marks them `secret: true` too).
 */
export function pluginProvider(version: string): provider.Provider {
  const of = (urn: string): { kind: ResourceKind<any>; lifecycle: Lifecycle } => {
    const name = kindNameOfUrn(urn);
    const lifecycle = providerFor(name) as Lifecycle;
    return { kind: kinds.find((candidate) => candidate.name === name)!, lifecycle };
  };
  /** The kind's secret inputs, and whatever came in secret, go back secret. */
  const secret = (kind: ResourceKind<any>, props: Props | undefined, ...incoming: (Props | undefined)[]) =>
    withSecrets(props, [...secretInputsOf(kind), ...secretKeysOf(...incoming)]);
  /** Create and update name the records they insert after the resource's owner (see ./owner.ts). */
  const owned = (urn: string, props: Props): Props => ({ ...props, [ownerKey]: ownerOfUrn(urn) });

  return {
    version,

    async check(urn, olds, news) {
      const { kind, lifecycle } = of(urn);
      const checked = await lifecycle.check(unwrappedProps(olds), withTextInputs(kind, unwrappedProps(news)));
      return { inputs: secret(kind, checked.inputs as Props, news), failures: [...(checked.failures ?? [])] };
    },

    async diff(id, urn, olds, news) {
      return of(urn).lifecycle.diff(id, unwrappedProps(olds), unwrappedProps(news));
    },

    async create(urn, inputs) {
      const { kind, lifecycle } = of(urn);
      const created = await lifecycle.create(owned(urn, unwrappedProps(inputs)));
      return { id: created.id, outs: secret(kind, created.outs as Props, inputs) };
    },

    async read(id, urn, props) {
      const { kind, lifecycle } = of(urn);
      const read = await lifecycle.read(id, unwrappedProps(props));
      // The lifecycle's own keys (`__owner`) stay in the outputs: as inputs, which the program
      // never gives, every diff after a refresh would show them going away.
      return { id: read.id, props: secret(kind, read.props as Props, props), inputs: secret(kind, withoutInternalKeys(read.inputs as Props | undefined), props) };
    },

    async update(id, urn, olds, news) {
      const { kind, lifecycle } = of(urn);
      const updated = await lifecycle.update(id, unwrappedProps(olds), owned(urn, unwrappedProps(news)));
      return { outs: secret(kind, updated.outs as Props, news, olds) };
    },

    async delete(id, urn, props) {
      await of(urn).lifecycle.delete(id, unwrappedProps(props));
    },
  };
}

function withoutInternalKeys(props: Props | undefined): Props | undefined {
  return props && Object.fromEntries(Object.entries(props).filter(([key]) => !key.startsWith("__")));
}
