import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { kinds } from "../../provider/registry";
import { repoRoot } from "../../scripts/local-pulumi";

/**
 * `pulumi-servicenow-spokes/plugin` as a program loads it: the installed package, in a fresh Node
 * process, from a folder of its own (in the repository, the name would resolve to the checkout).
 */
describe("plugin classes (pulumi-servicenow-spokes/plugin)", () => {
  const loaded = (): { exports: string[]; modules: string[] } => {
    const program = fs.mkdtempSync(path.join(os.tmpdir(), "plugin-classes-"));
    try {
      fs.symlinkSync(path.join(repoRoot, "node_modules"), path.join(program, "node_modules"), "dir");
      const script = `const sdk = require("pulumi-servicenow-spokes/plugin");
        console.log(JSON.stringify({ exports: Object.keys(sdk), modules: Object.keys(require.cache) }));`;
      const result = JSON.parse(execFileSync(process.execPath, ["-e", script], { cwd: program, encoding: "utf8" })) as { exports: string[]; modules: string[] };
      assert.ok(result.modules.some((file) => file.includes(`${path.sep}node_modules${path.sep}pulumi-servicenow-spokes${path.sep}`)), "loaded from the installed package");
      return result;
    } finally {
      fs.rmSync(program, { recursive: true, force: true });
    }
  };

  it("has a class for every kind and a Provider, and loads neither the kinds, zod nor axios", () => {
    const { exports, modules } = loaded();
    assert.deepEqual(exports.filter((name) => name !== "Provider").sort(), kinds.map((kind) => kind.name).sort());
    assert.ok(exports.includes("Provider"));
    const heavy = modules.map((file) => file.split(path.sep).join("/")).filter((file) => /\/dist\/provider\/(registry|kinds\/|spokes\/|lifecycle\/)|\/node_modules\/(zod|axios)\//.test(file));
    assert.deepEqual(heavy, [], "a program on the plugin's classes loads only what registers resources");
  });
});
