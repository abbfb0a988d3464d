import * as assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { useEmulator } from "../helpers/emulator";
import { kindNamed } from "../../provider/registry";
import { recordBehaviour, type KindBehaviour } from "./behaviour-record";

/** Recorded on 480ccb3, the release before inputs were declared once (see behaviour-record.ts). */
const baseline = JSON.parse(readFileSync(join(__dirname, "..", "..", "..", "test", "fixtures", "behaviour-baseline.json"), "utf8")) as Record<string, KindBehaviour>;

/**
 * The drift reports that differ from the baseline, as this release gives them, and why. Each
 * entry must be one of two kinds (checked below), so nothing else can slip in:
 * - hidden before, shown now: a column whose input the program never set (a default the kind
 *   computes, RestApiKey's `expires`, Okta's OAuth URLs) was named after that input, which
 *   refresh cannot show. It shows in `driftedOnInstance` now.
 * - reported before, gone now: a name the OAuth entity gave by default (the credential's) was
 *   compared with a plan made from the drifted entity name, and reported as drifted itself.
 */
const changes = JSON.parse(readFileSync(join(__dirname, "..", "..", "..", "test", "fixtures", "behaviour-changes.json"), "utf8")) as Record<string, KindBehaviour["drift"]>;

function changeKind(was: KindBehaviour["drift"][string], now: KindBehaviour["drift"][string]): "shown now" | "artifact gone" | "other" {
  if (was.driftedOnInstance === null && now.driftedOnInstance !== null) return "shown now";
  if (JSON.stringify(was.driftedOnInstance) === JSON.stringify(["credential.name"]) && now.driftedOnInstance === null) return "artifact gone";
  return "other";
}

/**
 * The requests this release makes, from the baseline's: a kind with a Configure form (a spoke)
 * reads its alias once on create, with the form, where the baseline read it again for the plan's
 * alias lookup: one GET fewer.
 */
function expectedRequests(kind: string): KindBehaviour["requests"] {
  const { create, read } = baseline[kind]!.requests;
  return kindNamed(kind).form ? { create: { ...create, GET: create.GET! - 1 }, read } : { create, read };
}

describe("every kind writes, requests and reports drift as the release before", () => {
  const sn = useEmulator();
  let now: Record<string, KindBehaviour>;
  before(async () => {
    now = await recordBehaviour(sn.instance);
  });

  it("covers the same kinds", () => {
    assert.deepEqual(Object.keys(now), Object.keys(baseline));
  });

  for (const kind of Object.keys(baseline)) {
    it(`${kind}: the same records and requests, and the same drift on every column`, () => {
      assert.deepEqual(now[kind]!.created, baseline[kind]!.created);
      assert.deepEqual(now[kind]!.requests, expectedRequests(kind));
      const expected = { ...baseline[kind]!.drift };
      for (const [column, entry] of Object.entries(changes[kind] ?? {})) {
        assert.notEqual(changeKind(expected[column]!, entry), "other", `${kind} ${column}: a listed change must be drift shown now or an artifact gone`);
        expected[column] = entry;
      }
      assert.deepEqual(now[kind]!.drift, expected);
    });
  }
});
