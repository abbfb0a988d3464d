import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { kinds } from "../../provider/registry";
import { repoRoot } from "../../scripts/local-pulumi";

/** `pulumi-servicenow-spokes/plugin` as a program loads it: the installed package, in a fresh Node process. */
describe("plugin classes (pulumi-servicenow-spokes/plugin)", () => {
  const loaded = (): { exports: string[]; modules: string[] } => {
    const script = `const sdk = require("pulumi-servicenow-spokes/plugin");
      console.log(JSON.stringify({ exports: Object.keys(sdk), modules: Object.keys(require.cache) }));`;
    return JSON.parse(execFileSync(process.execPath, ["-e", script], { cwd: repoRoot, encoding: "utf8" })) as { exports: string[]; modules: string[] };
  };

  it("has a class for every kind and a Provider, and loads neither the kinds, zod nor axios", () => {
    const { exports, modules } = loaded();
    assert.deepEqual(exports.filter((name) => name !== "Provider").sort(), kinds.map((kind) => kind.name).sort());
    assert.ok(exports.includes("Provider"));
    const heavy = modules.map((file) => file.split(path.sep).join("/")).filter((file) => /\/dist\/provider\/(registry|kinds\/|spokes\/|lifecycle\/)|\/node_modules\/(zod|axios)\//.test(file));
    assert.deepEqual(heavy, [], "a program on the plugin's classes loads only what registers resources");
  });
});
