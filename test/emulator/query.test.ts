import * as assert from "node:assert/strict";
import { compileQuery, parseQuery, splitTerms, type PathResolver } from "../../emulator/query";
import { useEmulator } from "../helpers/emulator";

describe("emulator encoded queries", () => {
  describe("parsing", () => {
    it("splits on ^, ^OR and ^NQ, with ^^ as a literal ^ and ^ORDERBY as an AND", () => {
      assert.deepEqual(splitTerms("a=1^b=x^^y^ORc=2^ORDERBYa^NQd=3"), [
        { text: "a=1", connector: "AND" },
        { text: "b=x^y", connector: "AND" },
        { text: "c=2", connector: "OR" },
        { text: "ORDERBYa", connector: "AND" },
        { text: "d=3", connector: "NQ" },
      ]);
      // A value ending in ^ followed by an OR: "x^" escaped, then ^OR.
      assert.deepEqual(splitTerms("a=x^^^ORb=1"), [
        { text: "a=x^", connector: "AND" },
        { text: "b=1", connector: "OR" },
      ]);
    });

    it("binds OR tighter than AND and ignores terms it cannot parse", () => {
      const q = parseQuery("active=true^name=a^ORname=b^garbage^Xbad=1^ORDERBYDESCname");
      assert.deepEqual(q.queries, [
        [[{ field: "active", op: "=", value: "true" }], [{ field: "name", op: "=", value: "a" }, { field: "name", op: "=", value: "b" }]],
      ]);
      assert.deepEqual(q.order, [{ field: "name", desc: true }]);
    });

    it("knows every operator the reference lists", () => {
      const q = parseQuery("a=1^b!=2^cLIKE3^dSTARTSWITH4^eENDSWITH5^fISEMPTY^gISNOTEMPTY");
      assert.deepEqual(
        q.queries[0].map((g) => g[0].op),
        ["=", "!=", "LIKE", "STARTSWITH", "ENDSWITH", "ISEMPTY", "ISNOTEMPTY"],
      );
    });
  });

  describe("over HTTP", () => {
    const sn = useEmulator({ spokes: [] });
    before(() => {
      const rows: [string, string, string][] = [
        ["q.alpha", "one", "10"],
        ["q.beta", "two^hat", "9"],
        ["q.gamma", "", "100"],
        ["q.Delta", "one", "2"],
      ];
      for (const [name, value, suffix] of rows) sn.instance.insert("sys_properties", { name, value, suffix, description: "query test" });
    });

    const names = async (query: string): Promise<string[]> => {
      const res = await sn.fetch(`/api/now/table/sys_properties?sysparm_query=${encodeURIComponent(query)}&sysparm_fields=name`);
      assert.equal(res.status, 200);
      return ((await res.json()) as { result: { name: string }[] }).result.map((r) => r.name);
    };
    const base = "description=query test^";

    it("= and != (case-sensitive)", async () => {
      assert.deepEqual(await names(`${base}value=one`), ["q.alpha", "q.Delta"]);
      assert.deepEqual(await names(`${base}name=q.delta`), []);
      assert.deepEqual(await names(`${base}value!=one`), ["q.beta", "q.gamma"]);
    });

    it("LIKE, STARTSWITH, ENDSWITH", async () => {
      assert.deepEqual(await names(`${base}nameLIKEa`), ["q.alpha", "q.beta", "q.gamma", "q.Delta"]);
      assert.deepEqual(await names(`${base}nameLIKEamm`), ["q.gamma"]);
      assert.deepEqual(await names(`${base}nameSTARTSWITHq.b`), ["q.beta"]);
      assert.deepEqual(await names(`${base}nameENDSWITHta`), ["q.beta", "q.Delta"]);
    });

    it("ISEMPTY and ISNOTEMPTY", async () => {
      assert.deepEqual(await names(`${base}valueISEMPTY`), ["q.gamma"]);
      assert.deepEqual(await names(`${base}valueISNOTEMPTY`), ["q.alpha", "q.beta", "q.Delta"]);
    });

    it("^OR and ^ (AND)", async () => {
      assert.deepEqual(await names(`${base}name=q.alpha^ORname=q.gamma`), ["q.alpha", "q.gamma"]);
      assert.deepEqual(await names(`${base}value=one^name=q.Delta`), ["q.Delta"]);
    });

    it("^^ is a literal ^ inside a value", async () => {
      assert.deepEqual(await names(`${base}value=two^^hat`), ["q.beta"]);
    });

    it("ORDERBY and ORDERBYDESC, integers compared as numbers", async () => {
      assert.deepEqual(await names(`${base}ORDERBYname`), ["q.Delta", "q.alpha", "q.beta", "q.gamma"]);
      assert.deepEqual(await names(`${base}ORDERBYDESCname`), ["q.gamma", "q.beta", "q.alpha", "q.Delta"]);
      assert.deepEqual(await names(`${base}ORDERBYvalue^ORDERBYDESCname`), ["q.gamma", "q.alpha", "q.Delta", "q.beta"]);
      for (const order of ["10", "9", "100"]) sn.instance.insert("basic_auth_credentials", { name: `q.cred.${order}`, order });
      const res = await sn.fetch("/api/now/table/discovery_credentials?sysparm_query=nameSTARTSWITHq.cred.^ORDERBYorder&sysparm_fields=order");
      assert.deepEqual(((await res.json()) as { result: { order: string }[] }).result.map((r) => r.order), ["9", "10", "100"]);
    });

    it("ignores invalid terms and unknown fields instead of failing", async () => {
      assert.deepEqual(await names(`${base}no_such_field=1^%%%^value=one`), ["q.alpha", "q.Delta"]);
    });

    it("dot-walks through references", async () => {
      const alias = sn.instance.insert("sys_alias", { id: "x_q.Alias", name: "Q alias" });
      sn.instance.insert("http_connection", { name: "q.conn", connection_alias: alias.sys_id });
      const res = await sn.fetch(`/api/now/table/http_connection?sysparm_query=connection_alias.id=x_q.Alias&sysparm_fields=name,connection_alias.name`);
      assert.deepEqual(((await res.json()) as { result: unknown[] }).result, [{ name: "q.conn", "connection_alias.name": "Q alias" }]);
    });

    it("^NQ ORs whole queries", async () => {
      assert.deepEqual(await names(`${base}name=q.alpha^NQ${base}name=q.beta`), ["q.alpha", "q.beta"]);
    });
  });
});

describe("emulator query dialects (what the documentation leaves open)", () => {
  const resolve: PathResolver = (path) => ({ get: (values) => values[path] ?? "", type: "string" });
  const matches = (query: string, values: Record<string, string>, dialect: { splitEveryCaret: boolean; ignoreCase: boolean }) =>
    compileQuery(query, resolve, dialect).matches(values);

  it("splitEveryCaret reads ^^ as two separators, so a value cannot hold a ^", () => {
    const hat = { name: "two^hat" };
    assert.equal(matches("name=two^^hat", hat, { splitEveryCaret: false, ignoreCase: false }), true);
    assert.equal(matches("name=two^^hat", hat, { splitEveryCaret: true, ignoreCase: false }), false);
    // Split on every ^, an OR hidden in a value becomes a condition of its own.
    const other = { name: "glide.servlet.uri" };
    assert.equal(matches("name=a^^ORname=glide.servlet.uri", other, { splitEveryCaret: true, ignoreCase: false }), true);
    assert.equal(matches("name=a^^ORname=glide.servlet.uri", other, { splitEveryCaret: false, ignoreCase: false }), false);
  });

  it("ignoreCase compares strings without case, for = and the text operators", () => {
    const record = { name: "SumTotal OAuth" };
    for (const query of ["name=sumtotal oauth", "nameSTARTSWITHSUMTOTAL", "nameLIKEoauth", "nameENDSWITHOAUTH", "nameINa,SUMTOTAL OAUTH"]) {
      assert.equal(matches(query, record, { splitEveryCaret: false, ignoreCase: true }), true, query);
      assert.equal(matches(query, record, { splitEveryCaret: false, ignoreCase: false }), false, query);
    }
    assert.equal(matches("name!=SUMTOTAL OAUTH", record, { splitEveryCaret: false, ignoreCase: true }), false);
  });
});

