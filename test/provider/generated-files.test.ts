import * as assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { kinds } from "../../provider/registry";
import { describeKind, secretInputsOf } from "../../provider/schema/describe-kind";
import { generatedFiles } from "../../provider/schema/generated-files";
import { tokenOf } from "../../provider/schema/package-name";
import { packageSchema } from "../../provider/schema/package-schema";

const root = join(__dirname, "..", "..", "..");

describe("generated from the kinds' declarations: resource classes, reference, README table, package schema", () => {
  for (const file of generatedFiles()) {
    it(`${file.path} is what npm run generate writes`, () => {
      const current = readFileSync(join(root, file.path), "utf8");
      assert.ok(current === file.render(current), `${file.path} is stale: run \`npm run generate\` and commit the result`);
    });
  }

  it("declares every input and output with a description, and each declared column once per kind", () => {
    for (const kind of kinds) {
      const described = describeKind(kind);
      for (const property of [...described.inputs, ...described.outputs]) assert.ok(property.description.length > 10, `${kind.name}.${property.name}`);
      const columns = described.inputs.flatMap((input) => (input.column ? [input.column] : []));
      assert.equal(new Set(columns).size, columns.length, `${kind.name} declares a column twice: ${columns.join(", ")}`);
    }
  });

  it("gives the plugin a resource per kind whose secret inputs and outputs are marked secret", () => {
    const schema = packageSchema("1.2.3") as { version: string; resources: Record<string, { inputProperties: Record<string, { secret?: boolean }>; properties: Record<string, { secret?: boolean }>; requiredInputs: string[] }> };
    assert.equal(schema.version, "1.2.3");
    assert.deepEqual(Object.keys(schema.resources), kinds.map((kind) => tokenOf(kind.name)));
    const sumTotal = schema.resources["servicenow:index:SumTotalConnection"]!;
    assert.deepEqual(sumTotal.requiredInputs, ["connectionUrl", "oauthEntityName", "oauthClientId", "oauthClientSecret"]);
    for (const kind of kinds) {
      const resource = schema.resources[tokenOf(kind.name)]!;
      const secret = Object.entries(resource.inputProperties).filter(([, property]) => property.secret).map(([name]) => name);
      assert.deepEqual(secret, secretInputsOf(kind), kind.name);
      for (const name of secret) assert.equal(resource.properties[name]?.secret, true, `${kind.name}.${name} as an output`);
    }
    assert.equal(schema.resources["servicenow:index:RestApiKey"]!.properties.token?.secret, true);
  });
});
