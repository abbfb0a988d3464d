#!/usr/bin/env node
// Installs this package into its own node_modules as a real folder, with exactly the files
// `npm pack` would put in the tarball, so that the root program, the demo, the examples and the
// tests load it the way users do. (A symlink would make Node resolve the package outside
// node_modules, and Pulumi's closure serializer would then copy the provider by value instead
// of storing one `require` of it: a difference users would never see.) Run by `npm run build`.
"use strict";
const { execFileSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const { name } = require(path.join(root, "package.json"));
const target = path.join(root, "node_modules", name);
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const [packed] = JSON.parse(execFileSync(npm, ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }));

fs.rmSync(target, { recursive: true, force: true });
for (const { path: file } of packed.files) {
  fs.mkdirSync(path.dirname(path.join(target, file)), { recursive: true });
  fs.copyFileSync(path.join(root, file), path.join(target, file));
}
console.log(`Installed ${name}@${packed.version} in node_modules as npm pack would ship it (${packed.files.length} files).`);
