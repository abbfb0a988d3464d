import * as assert from "node:assert/strict";
import { useFreshStackPerTest, writesTo } from "./fresh-stack-per-test";

const sumTotal = `new snow.SumTotalConnection("sumtotal", {
  connectionUrl: "https://acme.sumtotal.host",
  oauthEntityName: "SumTotal OAuth",
  oauthClientId: "id",
  oauthClientSecret: pulumi.secret("sumtotal-secret-value"),
});`;

/** The errors users meet, through the real CLI: each fails once, early, and says what to do. */
describe("real Pulumi CLI: the errors users meet", function () {
  this.timeout(300_000);
  const { setUp } = useFreshStackPerTest();
  const writes = writesTo;

  it("invalid inputs fail at preview with field-level messages, and nothing is written", async () => {
    const { emulator, project } = await setUp(`new snow.SystemProperty("bad", { name: "not a property name", value: "1" });`);
    const preview = await project.preview();
    assert.notEqual(preview.code, 0);
    assert.match(preview.output, /`name` must be a dotted property name/);

    project.setProgram(`import * as pulumi from "@pulumi/pulumi";\nimport * as snow from "pulumi-servicenow-spokes";
      new snow.QualtricsConnection("qualtrics", {
        connectionUrl: "https://acme.example.com/api", xApiToken: pulumi.secret("t0ken-value"), oauthName: "Q",
        oauthClientId: "id", oauthClientSecret: pulumi.secret("s3cret-value"), tokenUrl: "https://iad1.qualtrics.com/oauth2/token",
      });`);
    const up = await project.run(["up", "--yes", "--non-interactive"]);
    assert.match(up.output, /`connectionUrl` must have the path \/API\/v3, as in https:\/\/<Organization-ID>\.qualtrics\.com\/API\/v3/);
    assert.notEqual(up.code, 0);

    // A misspelt input from stack config, which TypeScript cannot see through a spread.
    project.setProgram(`import * as snow from "pulumi-servicenow-spokes";
      const fromConfig: Record<string, string> = { deleteBehaviour: "keep" };
      new snow.SystemProperty("typo", { name: "x_acme.typo", value: "1", ...fromConfig });`);
    const typo = await project.preview();
    assert.notEqual(typo.code, 0);
    assert.match(typo.output, /`deleteBehaviour` is not an input of SystemProperty\. Did you mean `deleteBehavior`\?/);
    assert.equal(writes(emulator), 0, "no write reached the instance");
    assert.ok(!`${preview.output}${up.output}`.includes("t0ken-value") && !`${preview.output}${up.output}`.includes("s3cret-value"));
  });

  it("wrong credentials fail once, with the client's message, without a retry storm", async () => {
    const { emulator, project } = await setUp(sumTotal + `\nnew snow.SystemProperty("p", { name: "x_acme.a", value: "1" });`, {}, (e) => ({
      username: e.admin.username,
      password: "not-the-password",
    }));
    const up = await project.run(["up", "--yes", "--skip-preview", "--non-interactive"]);
    assert.notEqual(up.code, 0);
    assert.match(up.output, /servicenow:username/);
    assert.match(up.output, /servicenow:password/);
    assert.ok(!up.output.includes("not-the-password"));
    const unauthorized = emulator.stats().byStatus["401"] ?? 0;
    assert.ok(unauthorized >= 1 && unauthorized <= 2, `${unauthorized} requests were refused: one per resource at most`);
    assert.equal(writes(emulator), 0);
  });

  it("a spoke that is not active fails before any write and says to activate it", async () => {
    const { emulator, project } = await setUp(sumTotal, { spokes: ["okta"] });
    const up = await project.run(["up", "--yes", "--skip-preview", "--non-interactive"]);
    assert.notEqual(up.code, 0);
    assert.match(up.output, /The SumTotal spoke is not active: activate the SumTotal spoke/);
    assert.match(up.output, /Integration Hub subscription/);
    assert.equal(writes(emulator), 0);
  });

  it("a user without the admin role gets a message naming the role and the table, and nothing is left behind", async () => {
    const { emulator, project } = await setUp(sumTotal, {}, (e) => e.user);
    const up = await project.run(["up", "--yes", "--skip-preview", "--non-interactive"]);
    assert.notEqual(up.code, 0);
    assert.match(up.output, /admin/);
    assert.match(up.output, /oauth_entity/);
    assert.equal(emulator.records("oauth_entity", "name=SumTotal OAuth").length, 0);
  });
});
