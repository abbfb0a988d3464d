import * as assert from "node:assert/strict";
import { systemPropertyKind } from "../../provider/kinds/system-property";
import { kindProvider } from "../../provider/lifecycle/kind-provider";
import type { ResourceKind } from "../../provider/lifecycle/resource-kind";
import { useEmulator } from "../helpers/emulator";
import { connectProvider } from "../helpers/provider-session";

/**
 * Each provider call parses each set of inputs it has once and plans it once: create and
 * delete one (the new inputs, or state's), read two (state's and the refreshed ones), diff and
 * update two (old and new).
 */
describe("each provider call parses its inputs and builds its plan once", () => {
  const sn = useEmulator({ quiet: true });

  function counted(): { kind: ResourceKind<object>; counts: { parses: number; plans: number }; reset(): void } {
    const counts = { parses: 0, plans: 0 };
    const schema = systemPropertyKind.schema;
    const spy = Object.create(schema) as typeof schema;
    for (const method of ["parse", "safeParse"] as const) {
      Object.defineProperty(spy, method, {
        value: (...args: unknown[]) => {
          counts.parses++;
          return (schema[method] as (...a: unknown[]) => unknown).apply(schema, args);
        },
      });
    }
    const kind = { ...systemPropertyKind, schema: spy, plan: (...args: Parameters<typeof systemPropertyKind.plan>) => (counts.plans++, systemPropertyKind.plan(...args)) };
    return { kind: kind as ResourceKind<object>, counts, reset: () => Object.assign(counts, { parses: 0, plans: 0 }) };
  }

  it("create 1, read 2, diff 2, update 2, delete 1", async () => {
    connectProvider(sn.instance);
    const { kind, counts, reset } = counted();
    const provider = kindProvider(kind) as Required<ReturnType<typeof kindProvider>>;
    const inputs = { name: "x_acme.parse_once", value: "1", __kind: "SystemProperty" };
    const measure = async <T>(run: () => Promise<T>): Promise<[T, { parses: number; plans: number }]> => {
      reset();
      const result = await run();
      return [result, { ...counts }];
    };
    const [created, create] = await measure(() => provider.create(inputs));
    const [read, refresh] = await measure(() => provider.read(created.id, created.outs));
    const news = { ...inputs, value: "2" };
    const [, diff] = await measure(() => provider.diff(created.id, read.props, news));
    const [updated, update] = await measure(() => provider.update(created.id, read.props, news));
    const [, remove] = await measure(() => provider.delete(created.id, updated.outs));
    assert.deepEqual(
      { create, refresh, diff, update, remove },
      { create: { parses: 1, plans: 1 }, refresh: { parses: 2, plans: 2 }, diff: { parses: 2, plans: 2 }, update: { parses: 2, plans: 2 }, remove: { parses: 1, plans: 1 } },
    );
  });
});
