#!/usr/bin/env node
// Pulumi's dynamic-provider host evaluates our serialized provider shim with module
// resolution rooted at the program's folder, and the shim requires this package by name
// (`pulumi-servicenow-spokes/runtime`). Users get that from their own node_modules; inside
// this repository the root program, the examples and the tests get it from this link.
"use strict";
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const name = require(path.join(root, "package.json")).name;
const link = path.join(root, "node_modules", name);

fs.mkdirSync(path.dirname(link), { recursive: true });
try {
  if (fs.readlinkSync(link) === "..") process.exit(0);
  fs.rmSync(link, { recursive: true, force: true });
} catch {
  // not a link yet
}
fs.symlinkSync("..", link, "dir");
