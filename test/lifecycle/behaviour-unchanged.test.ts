import * as assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { useEmulator } from "../helpers/emulator";
import { recordBehaviour, type KindBehaviour } from "./behaviour-record";

/** Recorded on 480ccb3, the release before inputs were declared once (see behaviour-record.ts). */
const baseline = JSON.parse(readFileSync(join(__dirname, "..", "..", "..", "test", "fixtures", "behaviour-baseline.json"), "utf8")) as Record<string, KindBehaviour>;

/**
 * Drift the baseline release hid: a column whose input the program never set (a default the
 * kind computes) was named after that input, which refresh could not show, so nothing showed.
 * It now shows as the column in `driftedOnInstance`, and so does a default computed from an
 * input that drifted (SumTotal's token URL from the connection's host). Nothing else may differ.
 */
const shownNow: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  RestApiKey: { "api_key[0].description": ["key.description"] },
  SumTotalConnection: { "oauth_entity[0].token_url": ["entity.token_url"], "http_connection[0].connection_url": ["entity.token_url"] },
  OktaOAuthConnection: {
    "oauth_entity[0].token_url": ["entity.token_url"],
    "oauth_entity[0].auth_url": ["entity.auth_url"],
    "oauth_entity[0].redirect_url": ["entity.redirect_url"],
    "oauth_entity[0].revoke_token_url": ["entity.revoke_token_url"],
  },
  SpokeConnection: { "discovery_credentials[0].name": ["credential.name"], "http_connection[0].name": ["credential.name"] },
};

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
      assert.deepEqual(now[kind]!.requests, baseline[kind]!.requests);
      const expected = { ...baseline[kind]!.drift };
      for (const [column, drifted] of Object.entries(shownNow[kind] ?? {})) {
        const was = expected[column]!;
        assert.equal(was.driftedOnInstance, null, `${column} showed drift in the baseline already`);
        expected[column] = { inputs: [...was.inputs, "driftedOnInstance"].sort(), driftedOnInstance: drifted };
      }
      assert.deepEqual(now[kind]!.drift, expected);
    });
  }
});
