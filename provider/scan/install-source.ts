import * as fs from "node:fs";
import * as path from "node:path";

/**
 * What the generated package.json asks for as `pulumi-servicenow-spokes`: the source the running
 * package was installed from, so that `npm install` in the generated folder finds it while the
 * package is installed from a tarball or git and is not on the npm registry (issue 18).
 *
 * Read, in order: `_resolved` in the installed package.json (older npm and yarn write it), then
 * the lockfiles of the project it is installed in (`package-lock.json`, `npm-shrinkwrap.json`,
 * npm's hidden `node_modules/.package-lock.json`), `packages["node_modules/<name>"].resolved`.
 * A registry download (a registry tarball URL, or no `resolved` at all: npm leaves it out with
 * `omit-lockfile-registry-resolved`) and a run from a checkout (not under node_modules) give the
 * version range instead.
 */
export type InstallSource =
  | { readonly kind: "registry"; readonly spec: string; readonly why: string }
  | { readonly kind: "tarball" | "git" | "directory"; readonly spec: string; readonly from: string };

/** `packageRoot`: the folder of the running package's package.json; `outDir`: where the generated package.json goes. */
export function installSource(packageRoot: string, outDir: string): InstallSource {
  const manifest = JSON.parse(fs.readFileSync(path.join(packageRoot, "package.json"), "utf8")) as { name: string; version: string; _resolved?: string };
  const range: InstallSource = { kind: "registry", spec: `^${manifest.version}`, why: "" };
  const project = projectOf(packageRoot, manifest.name);
  if (typeof manifest._resolved === "string" && manifest._resolved !== "") {
    const from = `${path.join(packageRoot, "package.json")} (_resolved)`;
    return fromResolved(manifest._resolved, project ?? packageRoot, outDir, from) ?? { ...range, why: "its package.json says it came from the npm registry" };
  }
  if (project === undefined) return { ...range, why: `it runs from ${packageRoot}, which is not in a node_modules folder` };
  for (const lockfile of ["package-lock.json", "npm-shrinkwrap.json", path.join("node_modules", ".package-lock.json")]) {
    const file = path.join(project, lockfile);
    if (!fs.existsSync(file)) continue;
    const entry = (JSON.parse(fs.readFileSync(file, "utf8")) as { packages?: Record<string, { resolved?: string }> }).packages?.[`node_modules/${manifest.name}`];
    if (entry === undefined) continue;
    if (entry.resolved === undefined || entry.resolved === "") return { ...range, why: `${file} records no source for it (a registry install)` };
    return fromResolved(entry.resolved, project, outDir, file) ?? { ...range, why: `${file} says it came from the npm registry` };
  }
  return { ...range, why: `no lockfile of ${project} records where it came from` };
}

/** `node_modules/<name>` (also scoped) → the project folder around that node_modules. */
function projectOf(packageRoot: string, name: string): string | undefined {
  const depth = name.split("/").length;
  let modules = packageRoot;
  for (let i = 0; i < depth; i += 1) modules = path.dirname(modules);
  return path.basename(modules) === "node_modules" ? path.dirname(modules) : undefined;
}

/** A `resolved` value as a dependency spec valid in `outDir`; undefined for a registry tarball. */
function fromResolved(resolved: string, base: string, outDir: string, from: string): InstallSource | undefined {
  // A linked folder is recorded as a bare path (`"resolved": "../checkout", "link": true`).
  const isPath = resolved.startsWith("file:") || !/^[a-z][a-z0-9+.-]*:/i.test(resolved);
  if (isPath) {
    const target = path.resolve(base, resolved.replace(/^file:/, ""));
    const relative = path.relative(outDir, target) || ".";
    const spec = `file:${relative.startsWith(".") || path.isAbsolute(relative) ? relative : `./${relative}`}`;
    return { kind: /\.(tgz|tar\.gz|tar)$/.test(target) ? "tarball" : "directory", spec, from };
  }
  if (/^git(\+[a-z]+)?:|^github:|\.git(#|$)/.test(resolved)) return { kind: "git", spec: resolved, from };
  // https://registry.npmjs.org/<name>/-/<name>-<version>.tgz, or a mirror of the registry laid out the same way.
  if (/\/-\/[^/]+-\d+\.\d+\.\d+[^/]*\.tgz$/.test(resolved)) return undefined;
  return { kind: "tarball", spec: resolved, from };
}
