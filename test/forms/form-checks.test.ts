import * as assert from "node:assert/strict";
import type { EmulatorOptions } from "../../emulator";
import type { TableApi } from "../../provider/client/table-api";
import { isFormMismatchError, isUnknownFormLabelError } from "../../provider/errors";
import { readAliasForm } from "../../provider/forms/read-alias-form";
import { useEmulator, writesTo } from "../helpers/emulator";
import { checkAndCreate, connectProvider, lifecycle } from "../helpers/provider-session";

const sumTotal = {
  connectionUrl: "https://acme.sumtotal.host",
  oauthEntityName: "SumTotal OAuth",
  oauthClientId: "sumtotal-client",
  oauthClientSecret: "sumtotal-secret-checks",
};

const writes = writesTo;

/** What stderr (the run's diagnostics) receives while `run` goes on. */
async function stderrOf(run: () => Promise<unknown>): Promise<string> {
  const original = process.stderr.write.bind(process.stderr);
  let written = "";
  process.stderr.write = ((chunk: string | Uint8Array) => {
    written += chunk.toString();
    return true;
  }) as typeof process.stderr.write;
  try {
    await run();
  } finally {
    process.stderr.write = original;
  }
  return written;
}

function instance(options: EmulatorOptions) {
  const sn = useEmulator({ quiet: true, ...options });
  beforeEach(() => {
    connectProvider(sn.instance);
    sn.instance.resetStats();
  });
  return sn;
}

describe("the alias's Configure form, checked before any write", () => {
  describe("an alias with no template", () => {
    const sn = instance({ aliasTemplates: { sumtotal: "none", qualtrics: "none" } });

    it("SumTotal, whose setup page requires its template, fails naming the alias and where to select it; nothing is written", async () => {
      await assert.rejects(checkAndCreate("SumTotalConnection", sumTotal), (error: Error) => {
        assert.equal(error.name, "FormMismatchError");
        assert.match(error.message, /The SumTotal setup page requires the SumTotal configuration template on the alias, and the alias has none selected/);
        assert.match(error.message, /Connection & Credential Aliases > sn_sumtotal_spoke\.SumTotal, set Configuration Template/);
        assert.match(error.message, /Nothing was written/);
        assert.ok(!error.message.includes(sumTotal.oauthClientSecret));
        return true;
      });
      assert.equal(writes(sn.instance), 0);
    });

    it("Qualtrics, whose page does not require one, keeps this package's plan and says so in configureForm", async () => {
      const { id, outs } = await checkAndCreate("QualtricsConnection", {
        connectionUrl: "https://acme.qualtrics.com/API/v3", xApiToken: "qualtrics-token-1", oauthName: "Q none", oauthClientId: "q", oauthClientSecret: "qualtrics-secret-1",
        tokenUrl: "https://iad1.qualtrics.com/oauth2/token",
      });
      assert.deepEqual(outs.configureForm.template, "");
      assert.match(outs.configureForm.notes.join("\n"), /The alias sn_qualtrics_spoke\.Qualtrics has no Connection & Credential template: the records follow this package's plan/);
      const entity = sn.instance.records("oauth_entity", `sys_id=${outs.oauthEntitySysId}`)[0]!;
      assert.equal(entity.code_challenge_method, "", "no template, no template defaults");
      await lifecycle("QualtricsConnection").delete(id, outs);
    });
  });

  describe("a template with an On Create Script", () => {
    const sn = instance({ aliasTemplates: { sumtotal: "post-process-script" } });

    it("warns in the run's output, naming the template and that the Table API does not run it; acknowledgeOnCreateScript silences it", async () => {
      let created: { id: string; outs: Record<string, any> } | undefined;
      const warned = await stderrOf(async () => (created = await checkAndCreate("SumTotalConnection", sumTotal)));
      assert.match(warned, /^warning: SumTotalConnection: the Connection & Credential template SumTotal Spoke Template \(sys_alias_templates [0-9a-f]{32}\) of the alias sn_sumtotal_spoke\.SumTotal has an On Create Script/m);
      assert.match(warned, /records written through the Table API never run it/);
      assert.match(warned, /acknowledgeOnCreateScript: true/);
      assert.ok(created && writes(sn.instance) > 0, "a warning, not a failure");
      await lifecycle("SumTotalConnection").delete(created.id, created.outs);

      const quiet = await stderrOf(async () => {
        const again = await checkAndCreate("SumTotalConnection", { ...sumTotal, acknowledgeOnCreateScript: true });
        await lifecycle("SumTotalConnection").delete(again.id, again.outs);
      });
      assert.equal(quiet, "");
    });
  });

  describe("a newer form with a mandatory field no input covers", () => {
    const sn = instance({ aliasTemplates: { sumtotal: "extra-mandatory-field" } });

    it("the preset fails naming the form's label and the way out; nothing is written", async () => {
      await assert.rejects(checkAndCreate("SumTotalConnection", sumTotal), (error: Error) => {
        assert.match(error.message, /has mandatory fields that no input of this resource sets: "Tenant ID"/);
        assert.match(error.message, /Configure the spoke with SpokeConnection and its `form` input, keyed by the form's labels \(e\.g\. form: \{ "Tenant ID": "\.\.\." \}\)/);
        return true;
      });
      assert.equal(writes(sn.instance), 0);
    });

    it("SpokeConnection configures it by its own form: every field by label, the attribute written, the secret kept secret", async () => {
      const form = {
        "Connection URL": "https://acme.sumtotal.host",
        "OAuth Entity Name": "SumTotal Form OAuth",
        "OAuth Client ID": "sumtotal-client",
        "oauth client secret": "sumtotal-secret-form",
        "OAuth Token URL": "https://acme.sumtotal.host/apisecurity/connect/token",
        "Tenant ID": "tenant-42",
      };
      const provider = lifecycle("SpokeConnection");
      const { id, outs } = await checkAndCreate("SpokeConnection", { connectionAlias: "sn_sumtotal_spoke.SumTotal", form });
      const connection = sn.instance.records("http_connection", `sys_id=${outs.connectionSysId}`)[0]!;
      assert.equal(connection.name, "SumTotal", "the form's default connection name");
      assert.equal(connection.connection_url, form["Connection URL"]);
      const entity = sn.instance.records("oauth_entity", `sys_id=${outs.oauthEntitySysId}`)[0]!;
      assert.equal(entity.name, "SumTotal Form OAuth");
      assert.equal(entity.default_grant_type, "client_credentials");
      assert.equal(entity.code_challenge_method, "S256");
      assert.equal(sn.instance.revealSecret("oauth_entity", entity.sys_id!, "client_secret"), "sumtotal-secret-form");
      assert.deepEqual(sn.instance.records("oauth_entity_scope", `oauth_entity=${entity.sys_id}`).map((scope) => scope.oauth_entity_scope), ["allapis"]);
      const tenant = sn.instance.records("sys_variable_value", `document_key=${outs.connectionSysId}`);
      assert.equal(tenant.length, 1);
      assert.equal(sn.instance.revealSecret("sys_variable_value", tenant[0]!.sys_id!, "value") ?? tenant[0]!.value, "tenant-42");
      assert.ok(!JSON.stringify(outs.__servicenow).includes("sumtotal-secret-form"), "no secret in the bookkeeping");

      // Refresh and diff plan from the form state kept: nothing drifted, nothing to change.
      const read = await provider.read(id, outs);
      assert.equal(read.props.driftedOnInstance, undefined);
      const diff = await provider.diff(id, read.props, { ...read.inputs, __kind: "SpokeConnection" });
      assert.equal(diff.changes, false);
      await provider.delete(id, read.props);
      assert.equal(sn.instance.records("http_connection", `sys_id=${outs.connectionSysId}`).length, 0);
    });

    it("a label the form does not have fails listing the form's labels; nothing is written", async () => {
      await assert.rejects(
        checkAndCreate("SpokeConnection", { connectionAlias: "sn_sumtotal_spoke.SumTotal", form: { "Connection URL": "https://acme.sumtotal.host", "Client Secret": "x-secret-1" } }),
        (error: unknown) => {
          assert.ok(isFormMismatchError(error));
          assert.match(
            error.message,
            /`form` has "Client Secret", which the Configure form of template SumTotal Spoke Template does not have: use its labels, "Connection Name", "Connection URL", "Tenant ID", "OAuth Entity Name", "OAuth Client ID", "OAuth Client Secret", "OAuth Token URL"/,
          );
          assert.ok(isUnknownFormLabelError(error.cause), "the unknown label is the cause");
          return true;
        },
      );
      assert.equal(writes(sn.instance), 0);
    });
  });

  describe("the alias, read with its form", () => {
    const sn = instance({});

    it("is read once on create: the form's GET serves the plan's alias lookup", async () => {
      const { id, outs } = await checkAndCreate("SumTotalConnection", sumTotal);
      assert.equal(sn.instance.stats().byTable.sys_alias, 1, "one GET of sys_alias");
      await lifecycle("SumTotalConnection").delete(id, outs);
    });

    it("is not taken from the form's read when two aliases answer to the id (an instance without the unique index), so the lookup reads it itself and refuses two", async () => {
      const alias = sn.instance.records("sys_alias", "id=sn_sumtotal_spoke.SumTotal")[0]!;
      const twice = { instanceUrl: sn.instance.url, list: async () => [alias, { ...alias, sys_id: "f".repeat(32) }] } as unknown as TableApi;
      const read = await readAliasForm(twice, "sn_sumtotal_spoke.SumTotal");
      assert.ok(read?.form.template, "the form is still read");
      assert.equal(read.alias, undefined, "no alias handed to the lookup");
      const once = await readAliasForm({ instanceUrl: sn.instance.url, list: async () => [alias] } as unknown as TableApi, "sn_sumtotal_spoke.SumTotal");
      assert.equal(once?.alias?.sys_id, alias.sys_id);
    });
  });
});
