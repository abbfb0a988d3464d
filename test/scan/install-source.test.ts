import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { installSource } from "../../provider/scan/install-source";
import { projectFiles } from "../../provider/scan/render-program";

/**
 * What the generated package.json asks for, read from how the running package was installed
 * (issue 18: `^0.1.0` cannot be installed while the package is not on the npm registry).
 */
describe("scan: the generated package.json takes the package from where the running one came from", () => {
  let root = "";
  let project = "";
  let packageRoot = "";
  let out = "";
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "snow-install-source-"));
    project = path.join(root, "tool");
    packageRoot = path.join(project, "node_modules", "pulumi-servicenow-spokes");
    out = path.join(root, "generated");
    fs.mkdirSync(packageRoot, { recursive: true });
    fs.writeFileSync(path.join(packageRoot, "package.json"), JSON.stringify({ name: "pulumi-servicenow-spokes", version: "0.1.0" }));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  const lockfile = (file: string, entry: Record<string, string>): void => {
    fs.mkdirSync(path.dirname(path.join(project, file)), { recursive: true });
    fs.writeFileSync(path.join(project, file), JSON.stringify({ lockfileVersion: 3, packages: { "": { name: "tool" }, "node_modules/pulumi-servicenow-spokes": { version: "0.1.0", ...entry } } }));
  };
  const dependency = (): string => (JSON.parse(projectFiles("spokes", installSource(packageRoot, out))["package.json"]!) as { dependencies: Record<string, string> }).dependencies["pulumi-servicenow-spokes"]!;

  it("a tarball install: the lockfile's file: path, made relative to the generated folder", () => {
    lockfile("package-lock.json", { resolved: "file:../pack/pulumi-servicenow-spokes-0.1.0.tgz" });
    assert.deepEqual(installSource(packageRoot, out), { kind: "tarball", spec: "file:../pack/pulumi-servicenow-spokes-0.1.0.tgz", from: path.join(project, "package-lock.json") });
    // Written into a folder at another depth, the path still points at the same tarball.
    assert.equal(installSource(packageRoot, path.join(root, "a", "b")).spec, "file:../../pack/pulumi-servicenow-spokes-0.1.0.tgz");
    assert.equal(dependency(), "file:../pack/pulumi-servicenow-spokes-0.1.0.tgz");
  });

  it("a git install: the resolved commit, as npm recorded it", () => {
    lockfile("package-lock.json", { resolved: "git+ssh://git@github.com/acme/pulumi-servicenow-spokes.git#0123456789abcdef0123456789abcdef01234567" });
    assert.deepEqual(installSource(packageRoot, out), { kind: "git", spec: "git+ssh://git@github.com/acme/pulumi-servicenow-spokes.git#0123456789abcdef0123456789abcdef01234567", from: path.join(project, "package-lock.json") });
  });

  it("npm's hidden lockfile (node_modules/.package-lock.json) when the project keeps no package-lock.json", () => {
    lockfile(path.join("node_modules", ".package-lock.json"), { resolved: "https://downloads.acme.example/pulumi-servicenow-spokes.tgz" });
    assert.equal(dependency(), "https://downloads.acme.example/pulumi-servicenow-spokes.tgz");
  });

  it("an older npm's _resolved field in the installed package.json", () => {
    fs.writeFileSync(path.join(packageRoot, "package.json"), JSON.stringify({ name: "pulumi-servicenow-spokes", version: "0.1.0", _resolved: "github:acme/pulumi-servicenow-spokes#v0.1.0" }));
    assert.equal(installSource(packageRoot, out).kind, "git");
    assert.equal(dependency(), "github:acme/pulumi-servicenow-spokes#v0.1.0");
  });

  it("a linked folder (a bare path in the lockfile): a file: path to that folder, relative to the generated one", () => {
    lockfile("package-lock.json", { resolved: "../checkout", link: "true" });
    assert.deepEqual(installSource(packageRoot, out), { kind: "directory", spec: "file:../checkout", from: path.join(project, "package-lock.json") });
  });

  it("a registry install (a registry tarball URL, or no resolved at all) gives the version range, with a note in package.json", () => {
    lockfile("package-lock.json", { resolved: "https://registry.npmjs.org/pulumi-servicenow-spokes/-/pulumi-servicenow-spokes-0.1.0.tgz" });
    assert.equal(installSource(packageRoot, out).kind, "registry");
    assert.equal(dependency(), "^0.1.0");
    lockfile("package-lock.json", {});
    const source = installSource(packageRoot, out);
    assert.equal(source.kind, "registry");
    assert.match(source.kind === "registry" ? source.why : "", /records no source for it/);
    const manifest = JSON.parse(projectFiles("spokes", source)["package.json"]!) as Record<string, unknown>;
    assert.match(String(manifest["//"]), /from the npm registry; if you install it from a tarball or git/);
  });

  it("a run from a checkout (not under node_modules) gives the version range and says why", () => {
    const checkout = path.join(root, "checkout");
    fs.mkdirSync(checkout);
    fs.writeFileSync(path.join(checkout, "package.json"), JSON.stringify({ name: "pulumi-servicenow-spokes", version: "0.2.0" }));
    assert.deepEqual(installSource(checkout, out), { kind: "registry", spec: "^0.2.0", why: `it runs from ${checkout}, which is not in a node_modules folder` });
  });
});
