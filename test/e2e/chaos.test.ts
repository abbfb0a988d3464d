import * as assert from "node:assert/strict";
import { checkpointSkippingEnv, runCampaign } from "../../scripts/chaos/campaign";

/**
 * A fixed-seed slice of the fault campaign (`npm run chaos` runs 200): a pulumi up killed with
 * SIGKILL and with SIGINT, and an update killed half-way, each followed by the documented
 * recovery; the instance must then hold exactly what the program says.
 */
describe("fault campaign, fixed-seed slice", function () {
  this.timeout(600_000);

  it("three interrupted runs converge with the documented recovery alone", async () => {
    const results = await runCampaign({ runs: 3, seed: 7, jobs: 1 });
    assert.deepEqual(results.map((result) => result.plan.kind), ["SIGKILL during up", "SIGINT during up", "SIGKILL during update"]);
    for (const result of results) {
      assert.ok(result.converged, `run ${result.plan.run} (${result.plan.kind} after ${result.plan.killAt} requests): ${result.problem ?? ""} ${result.duplicates.join("; ")} ${result.orphans.join("; ")}`);
    }
  });

  it("the same through the provider plugin, Pulumi YAML in the pipeline layout, checkpoints skipped: a killed up, update and destroy converge", async () => {
    const results = await runCampaign({ runs: 4, seed: 7, jobs: 1, mode: "plugin", env: checkpointSkippingEnv });
    assert.deepEqual(results.map((result) => result.plan.kind), ["SIGKILL during up", "SIGINT during up", "SIGKILL during update", "SIGKILL during destroy"]);
    for (const result of results) {
      assert.ok(result.converged, `run ${result.plan.run} (${result.plan.kind} after ${result.plan.killAt} requests): ${result.problem ?? ""} ${result.duplicates.join("; ")} ${result.orphans.join("; ")}`);
    }
  });
});
