// Render CSL-JSON items with citeproc-js (APA bibliography) and print the elapsed milliseconds.
// usage: node citeproc_js_render.js STYLE.csl LOCALES_DIR ITEMS.json
const fs = require("fs");
const path = require("path");
const CSL = require(path.join(__dirname, ".node", "node_modules", "citeproc"));
const [style, localesDir, itemsPath] = process.argv.slice(2);
const items = JSON.parse(fs.readFileSync(itemsPath, "utf8"));
const byId = Object.fromEntries(items.map((it) => [String(it.id), it]));
const sys = {
  retrieveLocale: (lang) => fs.readFileSync(path.join(localesDir, `locales-${lang}.xml`), "utf8"),
  retrieveItem: (id) => byId[id],
};
const start = process.hrtime.bigint();
const engine = new CSL.Engine(sys, fs.readFileSync(style, "utf8"), "en-US");
engine.setOutputFormat("text");
engine.updateItems(Object.keys(byId));
const bib = engine.makeBibliography();
const ms = Number(process.hrtime.bigint() - start) / 1e6;
process.stdout.write(JSON.stringify({ ms, entries: bib[1].length }) + "\n");
