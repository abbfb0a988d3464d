import * as assert from "node:assert/strict";
import { normalizeOptions } from "../../emulator/options";

describe("emulator options", () => {
  it("has the documented defaults", () => {
    assert.deepEqual(normalizeOptions(), {
      port: 0,
      host: "127.0.0.1",
      dataFile: undefined,
      spokes: ["sumtotal", "qualtrics", "okta"],
      aliasTemplates: { sumtotal: "standard", qualtrics: "standard", okta: "standard" },
      adminPassword: undefined,
      tokenLifetimeSeconds: 1800,
      faults: {},
      thirdParty: {
        sumtotal: { clientId: "sumtotal-client", clientSecret: "sumtotal-secret" },
        qualtrics: { clientId: "qualtrics-client", clientSecret: "qualtrics-secret" },
        okta: { apiToken: "okta-api-token" },
      },
      queryDialect: { splitEveryCaret: false, ignoreCase: false },
      ignoreClientSysIds: false,
      withoutColumns: [],
      quiet: false,
      logRequests: false,
    });
  });

  it("logs requests only for the CLI and never when quiet", () => {
    assert.equal(normalizeOptions({}, true).logRequests, true);
    assert.equal(normalizeOptions({ quiet: true }, true).logRequests, false);
  });

  it("dedupes spokes and rejects unknown ones", () => {
    assert.deepEqual(normalizeOptions({ spokes: ["okta", "okta"] }).spokes, ["okta"]);
    assert.throws(() => normalizeOptions({ spokes: ["jira" as "okta"] }), /Unknown spoke `jira`/);
  });

  it("gives each spoke its standard alias template unless told otherwise, and rejects unknown variants", () => {
    assert.deepEqual(normalizeOptions({ aliasTemplates: { qualtrics: "none" } }).aliasTemplates, { sumtotal: "standard", qualtrics: "none", okta: "standard" });
    assert.throws(() => normalizeOptions({ aliasTemplates: { okta: "custom" as "none" } }), /`aliasTemplates.okta` must be one of standard, none, post-process-script, extra-mandatory-field/);
    assert.throws(() => normalizeOptions({ aliasTemplates: { jira: "none" } as never }), /unknown spoke `jira`/);
  });

  it("refuses a column that is not `table.column`", () => {
    assert.throws(() => normalizeOptions({ withoutColumns: ["identity_type"] }), /"identity_type" must be `table.column`, such as sys_user.identity_type/);
  });
});
