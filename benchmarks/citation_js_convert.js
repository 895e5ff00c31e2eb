// Convert with citation-js (@citation-js/core and its bibtex, ris and csl plugins), for the peer
// benchmark: read FILE as FROM (bibtex, ris, csljson) and write TO (csljson, bibtex, ris) to stdout.
// usage: node citation_js_convert.js FROM TO FILE
// No graph of the input is kept (generateGraph: false): with it, 10k entries take minutes.
const fs = require("fs");
const path = require("path");
const modules = path.join(__dirname, ".node", "node_modules");
const { Cite, plugins } = require(path.join(modules, "@citation-js", "core"));
require(path.join(modules, "@citation-js", "plugin-bibtex"));
require(path.join(modules, "@citation-js", "plugin-ris"));
const [from, to, file] = process.argv.slice(2);
const text = fs.readFileSync(file, "utf8");
const options = { generateGraph: false };
const data = from === "csljson" ? JSON.parse(text)
  : plugins.input.chain(text, { ...options, forceType: { bibtex: "@bibtex/text", ris: "@ris/file" }[from] });
const cite = new Cite(data, options);
const out = to === "csljson" ? JSON.stringify(cite.data, null, 2) : cite.format(to, { format: "text" });
process.stdout.write(out);
