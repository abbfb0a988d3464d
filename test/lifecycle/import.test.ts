import * as assert from "node:assert/strict";
import { isImportError } from "../../provider/errors";
import { kinds } from "../../provider/registry";
import { secretInputsOf } from "../../provider/schema/describe-kind";
import { useEmulator } from "../helpers/emulator";
import { connectProvider, lifecycle } from "../helpers/provider-session";
import { kindCases, type KindCase } from "./kind-cases";

/**
 * `pulumi import <type> <name> <sys_id>` as the plugin hands it to the lifecycle: a read with
 * the primary record's sys_id and no properties. For every kind: the inputs come back from
 * the instance, secrets left out and absent from the imported state; planned again, they show
 * no change, but for the secrets, which the program sets and the first update writes.
 */

/** Kinds whose records do not say their inputs (`notImportable`): refused with the reason and the way out, before anything is read. */
const notImportable: Readonly<Record<string, RegExp>> = {
  TableRecord: /^Cannot import TableRecord [0-9a-f]{32} from http:\/\/127\.0\.0\.1:\d+: its `table` and `key` are inputs .*`adopt: true`/,
  RestApiKey: /^Cannot import RestApiKey [0-9a-f]{32} from http:\/\/127\.0\.0\.1:\d+: its name, APIs and other sign-ins .*`adopt: true`/,
};

type Props = Record<string, unknown>;
const withoutInternal = (props: Props) => Object.fromEntries(Object.entries(props).filter(([key]) => !key.startsWith("__")));

describe("import: read from a sys_id alone rebuilds the inputs, for every kind", function () {
  const sn = useEmulator();

  async function importAndCheck(testCase: KindCase, checked: Props, created: { id: string; outs: Props }): Promise<Props> {
    const kind = kinds.find((candidate) => candidate.name === testCase.kind)!;
    const provider = lifecycle(testCase.kind);
    const check = async (inputs: Props) => (await provider.check({}, inputs)).inputs as Props;
    if (notImportable[testCase.kind]) {
      await assert.rejects(provider.read(created.id, {}), (error: unknown) => isImportError(error) && notImportable[testCase.kind]!.test(error.message));
      return created.outs;
    }
    const imported = await provider.read(created.id, {});
    assert.equal(imported.id, created.id);
    const inputs = withoutInternal(imported.inputs as Props);
    const props = imported.props as Props;
    const secrets = secretInputsOf(kind).filter((name) => checked[name] !== undefined);
    for (const name of secrets) {
      assert.equal(inputs[name], undefined, `${name}: a secret is never read back`);
      const value = checked[name];
      for (const text of typeof value === "string" ? [value] : Object.values(value as Record<string, string>)) {
        assert.ok(!JSON.stringify(props).includes(text), `${name} is not in the imported state`);
      }
    }
    assert.ok(!JSON.stringify(props).includes("placeholder"), "no placeholder in the imported state");
    // Every non-secret input the program gave (defaults included) comes back as it was.
    for (const [name, value] of Object.entries(checked)) {
      if (secrets.includes(name) || name === "adopt") continue;
      assert.deepEqual(inputs[name], value, name);
    }
    const program = await check({ ...inputs, ...Object.fromEntries(secrets.map((name) => [name, checked[name]])) });
    const diff = await provider.diff(created.id, props, program);
    assert.deepEqual(diff.replaces, [], "nothing is replaced");
    if (secrets.length === 0) {
      assert.equal(diff.changes, false, `the imported inputs ${JSON.stringify(inputs)} plan as the records are`);
      return props;
    }
    assert.notEqual(diff.changes, false, "the secrets the program sets are written by the first update");
    const updated = await provider.update(created.id, props, program);
    const refreshed = await provider.read(created.id, updated.outs);
    assert.equal((await provider.diff(created.id, refreshed.props, program)).changes, false, "after the first update, no change");
    return refreshed.props as Props;
  }

  for (const testCase of kindCases) {
    it(testCase.kind, async () => {
      const emulator = sn.instance;
      connectProvider(emulator);
      const provider = lifecycle(testCase.kind);
      const checked = (await provider.check({}, testCase.inputs(emulator))).inputs as Props;
      const created = await provider.create(checked);
      let last: Props = created.outs;
      try {
        last = await importAndCheck(testCase, checked, { id: created.id, outs: created.outs });
      } finally {
        await provider.delete(created.id, last);
      }
    });
  }

  it("an id that is no record reads as gone", async () => {
    connectProvider(sn.instance);
    assert.deepEqual(await lifecycle("SystemProperty").read("0123456789abcdef0123456789abcdef", {}), { id: "", props: {} });
  });
});
