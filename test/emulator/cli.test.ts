import * as assert from "node:assert/strict";
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseCli } from "../../emulator/cli";

const CLI = resolve(__dirname, "../../emulator/cli.js");

function launch(args: string[]): { child: ChildProcessWithoutNullStreams; ready: Promise<{ url: string; output: string }> } {
  const child = spawn(process.execPath, [CLI, ...args]);
  let output = "";
  const ready = new Promise<{ url: string; output: string }>((res, rej) => {
    child.stdout.on("data", (d: Buffer) => {
      output += d.toString();
      const m = /^ready (\S+)$/m.exec(output);
      if (m) res({ url: m[1], output });
    });
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    child.on("exit", (code) => rej(new Error(`exited ${code}: ${output}`)));
  });
  return { child, ready };
}

const exited = (child: ChildProcessWithoutNullStreams): Promise<number | null> => new Promise((r) => child.on("exit", (code) => r(code)));

describe("emulator CLI", function () {
  this.timeout(30_000);

  it("parses every flag", () => {
    assert.deepEqual(
      parseCli([
        "--port", "8080", "--host", "0.0.0.0", "--data", "x.json", "--spokes", "okta,qualtrics", "--admin-password", "pw", "--token-lifetime", "60",
        "--latency-ms", "5", "--jitter-ms", "2", "--rate-limit-every", "10", "--rate-limit-per-hour", "1000", "--error-rate", "0.1", "--drop-rate", "0.01", "--slow-body-ms", "3", "--split-every-caret", "--ignore-case",
        "--ignore-client-sys-ids", "--without-columns", "sys_user.identity_type, sys_alias.parent", "--quiet",
        "--alias-template", "sumtotal=none", "--alias-template", "okta=post-process-script",
      ]),
      {
        port: 8080, host: "0.0.0.0", dataFile: "x.json", spokes: ["okta", "qualtrics"], adminPassword: "pw", tokenLifetimeSeconds: 60,
        faults: { latencyMs: 5, jitterMs: 2, rateLimitEvery: 10, rateLimitPerHour: 1000, errorRate: 0.1, dropRate: 0.01, slowBodyMs: 3 },
        queryDialect: { splitEveryCaret: true, ignoreCase: true },
        aliasTemplates: { sumtotal: "none", okta: "post-process-script" },
        ignoreClientSysIds: true,
        withoutColumns: ["sys_user.identity_type", "sys_alias.parent"],
        quiet: true,
      },
    );
    assert.equal(parseCli(["--help"]), "help");
    assert.deepEqual(parseCli(["--spokes", ""]).valueOf(), { port: undefined, host: undefined, dataFile: undefined, spokes: [], adminPassword: undefined, tokenLifetimeSeconds: undefined, faults: {}, queryDialect: { splitEveryCaret: false, ignoreCase: false }, aliasTemplates: undefined, ignoreClientSysIds: false, withoutColumns: undefined, quiet: false });
    assert.throws(() => parseCli(["--alias-template", "sumtotal"]), /--alias-template: expected <spoke>=<variant>/);
    assert.throws(() => parseCli(["--port", "abc"]), /--port needs a number/);
    assert.throws(() => parseCli(["--spokes", "jira"]), /unknown spoke "jira"/);
    assert.throws(() => parseCli(["--nope"]));
  });

  it("prints URL, credentials and a ready line, serves, and stops cleanly on SIGTERM and SIGINT", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sn-cli-"));
    try {
      const data = join(dir, "i.json");
      const first = launch(["--port", "0", "--data", data, "--admin-password", "cli-pass", "--spokes", "okta"]);
      const { url, output } = await first.ready;
      assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.match(output, /admin user:\s+admin \/ cli-pass/);
      assert.match(output, /non-admin user:\s+itil\.user \/ \S+/);
      assert.match(output, /OAuth client:\s+[0-9a-f]{32} \/ \S+/);
      assert.match(output, /API key:\s+[0-9a-f]{32}/);
      const auth = `Basic ${Buffer.from("admin:cli-pass").toString("base64")}`;
      const made = await fetch(`${url}/api/now/table/sys_properties`, { method: "POST", headers: { authorization: auth, "content-type": "application/json" }, body: '{"name":"cli.kept"}' });
      assert.equal(made.status, 201);
      const code = exited(first.child);
      first.child.kill("SIGTERM");
      assert.equal(await code, 0);

      // A second instance at the same time as a third, from the same data.
      const second = launch(["--data", data, "--quiet"]);
      const third = launch(["--quiet"]);
      const [a, b] = await Promise.all([second.ready, third.ready]);
      assert.notEqual(a.url, b.url);
      assert.equal(a.output.trim(), `ready ${a.url}`, "quiet prints the ready line only");
      const kept = await fetch(`${a.url}/api/now/table/sys_properties?sysparm_query=name=cli.kept`, { headers: { authorization: auth } });
      assert.equal(kept.headers.get("x-total-count"), "1");
      const codes = [exited(second.child), exited(third.child)];
      second.child.kill("SIGINT");
      third.child.kill("SIGTERM");
      assert.deepEqual(await Promise.all(codes), [0, 0]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("--help prints the flags and exits 0; a bad flag exits 2", async () => {
    const help = spawn(process.execPath, [CLI, "--help"]);
    let text = "";
    help.stdout.on("data", (d: Buffer) => (text += d.toString()));
    assert.equal(await new Promise((r) => help.on("exit", r)), 0);
    for (const flag of ["--port", "--data", "--spokes", "--rate-limit-per-hour", "--slow-body-ms", "--quiet"]) assert.ok(text.includes(flag), flag);
    const bad = spawn(process.execPath, [CLI, "--error-rate", "x"]);
    bad.stderr.resume();
    assert.equal(await new Promise((r) => bad.on("exit", r)), 2);
  });
});
