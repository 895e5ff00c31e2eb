// citeconv's page. No framework, no build step. Every string from the input reaches the
// page through textContent or an input's value, never as HTML, and the server's
// Content-Security-Policy refuses inline scripts besides.
"use strict";

const LIVE_LIMIT = 200;        // more records than this: live outputs show the open record only
const READ_DELAY_MS = 400;     // typing pauses this long before the input is read again
const WRITE_DELAY_MS = 200;    // an edit pauses this long before the outputs are rewritten
// The fields every record shows, then these in this order when present; the rest alphabetically.
const ALWAYS = ["type", "title", "author", "issued", "container-title", "volume", "issue", "page", "DOI"];
const ORDER = ["type", "title", "author", "editor", "issued", "container-title", "collection-title",
  "volume", "issue", "page", "edition", "publisher", "publisher-place", "DOI", "URL", "ISSN", "ISBN",
  "language", "genre", "number", "accessed", "note", "source", "abstract", "keyword"];
const LONG_FIELDS = new Set(["abstract", "note", "source", "keyword", "references"]);

const state = {
  api: null,               // GET /api/formats
  source: null,            // {text} or {base64, filename}: what was read
  stem: "citations",       // download file names start with this
  records: [],             // the records as read (articles keep their references in custom)
  format: null,            // the reader that ran
  diagnostics: [],         // what the reader said
  selection: "article",    // the records, their reference lists, or both
  rows: [],                // the table's rows: {item, label, kind}
  open: null,              // the row being edited
  sort: {key: "order", dir: 1},
  writeAll: false,         // many records: the user asked for all of them anyway
  readSeq: 0,
  writeSeq: 0,
  outputs: new Map(),      // writer name -> {text, panel parts}
  rowNotes: new Map(),     // row -> the reader's notes about it
  looseNotes: [],          // notes no shown row takes
  cslStyle: "",
};

const $ = (id) => document.getElementById(id);

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (key in node && typeof value !== "string") node[key] = value;
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function debounce(fn, ms) {
  let timer = null;
  const run = (...args) => { clearTimeout(timer); timer = setTimeout(() => fn(...args), ms); };
  run.now = (...args) => { clearTimeout(timer); fn(...args); };
  return run;
}

function announce(message) { $("status").textContent = message; }

async function postJSON(path, body) {
  const response = await fetch(path, {
    method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(body),
  });
  let data;
  try { data = await response.json(); } catch (e) { data = {error: {message: `HTTP ${response.status}`}}; }
  if (!response.ok && !data.error) data = {error: {message: `HTTP ${response.status}`}};
  return data;
}

// ---------------------------------------------------------------- start

async function start() {
  const response = await fetch("/api/formats");
  state.api = await response.json();
  $("version").textContent = state.api.version;
  const from = $("from-format");
  for (const reader of state.api.readers) {
    from.append(el("option", {value: reader.name, text: `${reader.name}: ${plain(reader.description)}`}));
  }
  const locale = $("locale");
  const first = ["en", "ru"];
  for (const tag of first) {
    const known = state.api.locales.find((l) => l.tag.split("-")[0] === tag);
    locale.append(el("option", {value: tag, text: known ? known.name.replace(/\s*\(.*\)$/, "") : tag}));
  }
  const others = el("optgroup", {label: "Other languages"});
  for (const l of state.api.locales) others.append(el("option", {value: l.tag, text: `${l.name} (${l.tag})`}));
  locale.append(others);
  buildOutputPanels();
  wireInput();
  wireRecords();
  locale.addEventListener("change", () => writeOutputs.now());
  $("write-all").addEventListener("click", () => { state.writeAll = true; writeOutputs.now(); });
  showScope();
}

// A registry description is written for --list-formats; the page leaves out the option hints.
function plain(description) {
  return description.replace(/\s*\([^)]*--[^)]*\)/g, "").replace(/:\s*--.*$/, "");
}

// ---------------------------------------------------------------- input

function wireInput() {
  const text = $("input-text");
  const readSoon = debounce(() => {
    state.source = text.value.trim() ? {text: text.value} : null;
    $("file-name").textContent = "";
    readInput();
  }, READ_DELAY_MS);
  text.addEventListener("input", readSoon);
  $("from-format").addEventListener("change", () => readInput());
  $("input-file").addEventListener("change", (event) => {
    const file = event.target.files[0];
    if (file) openFile(file);
    event.target.value = "";
  });
  const zone = $("drop-zone");
  zone.addEventListener("dragover", (event) => { event.preventDefault(); zone.classList.add("dragging"); });
  zone.addEventListener("dragleave", () => zone.classList.remove("dragging"));
  zone.addEventListener("drop", (event) => {
    event.preventDefault();
    zone.classList.remove("dragging");
    const file = event.dataTransfer.files[0];
    if (file) openFile(file);
  });
}

async function openFile(file) {
  if (file.size > state.api.max_bytes) {
    showReadError(`${file.name} is ${file.size.toLocaleString()} bytes; the limit is ${state.api.max_bytes.toLocaleString()}.`);
    return;
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  state.source = {base64: btoa(binary), filename: file.name};
  state.stem = safeStem(file.name.replace(/\.[^.]*$/, ""));
  $("input-text").value = "";
  $("file-name").textContent = `File: ${file.name}`;
  readInput();
}

function safeStem(name) {
  const stem = String(name || "").normalize("NFKD").replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^[-.]+|[-.]+$/g, "");
  return stem.slice(0, 80) || "citations";
}

function showReadError(message) {
  const box = $("read-error");
  box.textContent = message;
  box.hidden = !message;
}

async function readInput() {
  const seq = ++state.readSeq;
  showReadError("");
  if (!state.source) {
    setRecords([], [], null);
    return;
  }
  announce("Reading…");
  const data = await postJSON("/api/read", {...state.source, from: $("from-format").value});
  if (seq !== state.readSeq) return;   // a newer input is being read
  if (data.error) {
    showReadError(data.error.message);
    setRecords([], data.error.diagnostics || [], null);
    announce("Could not read the input.");
    return;
  }
  setRecords(data.records, data.diagnostics, data.format);
  announce(`Read ${countText(state.rows.length)} as ${data.format}.`);
}

function setRecords(records, diagnostics, format) {
  state.records = records;
  state.diagnostics = diagnostics;
  state.format = format;
  state.writeAll = false;
  const reader = state.api.readers.find((r) => r.name === format);
  $("detected").textContent = format
    ? `${$("from-format").value === "auto" ? "Detected" : "Read as"}: ${format} (${plain(reader ? reader.description : "")})`
    : "";
  const hasRefs = records.some((r) => refsOf(r).length);
  for (const radio of document.querySelectorAll('input[name="selection"]')) {
    radio.disabled = radio.value !== "article" && !hasRefs;
  }
  if (!hasRefs && state.selection !== "article") setSelection("article");
  // pasted text has no file name: one record lends its id (a citation key) to the downloads
  if (state.source && state.source.text !== undefined) {
    state.stem = records.length === 1 && records[0].id ? safeStem(records[0].id) : "citations";
  }
  buildRows();
}

function setSelection(value) {
  state.selection = value;
  for (const radio of document.querySelectorAll('input[name="selection"]')) radio.checked = radio.value === value;
}

function refsOf(record) {
  const refs = record && record.custom && record.custom.references;
  return Array.isArray(refs) ? refs : [];
}

function countText(n) {
  const noun = state.selection === "references" ? "reference" : "record";
  return `${n.toLocaleString()} ${noun}${n === 1 ? "" : "s"}`;
}

// ---------------------------------------------------------------- diagnostics

// A diagnostic names its record by id, or a parsed reference as "reference N" (N as printed
// in the list); a few readers say it only at the start of the message ("reference 4: ...").
// Each is placed once per table build: rows by id in a map, so a whole .bib stays quick.
function placeNotes() {
  const byId = new Map(state.rows.map((row) => [row.item.id, row]));
  const refs = state.records.length === 1 ? state.rows.filter((row) => row.kind === "reference") : [];
  state.rowNotes = new Map();
  state.looseNotes = [];
  for (const d of state.diagnostics) {
    let row = d.record ? byId.get(d.record) : undefined;
    const m = !row && (/^reference (\S+)$/.exec(d.record || "") || /^reference (\S+):/.exec(d.message || ""));
    if (m) {   // with several articles the number is ambiguous: then the note stays loose
      row = refs.find((r) => String(r.item["citation-number"]) === m[1]) || refs.find((r) => String(r.refIndex + 1) === m[1]);
    }
    if (row) state.rowNotes.set(row, [...(state.rowNotes.get(row) || []), d]);
    else state.looseNotes.push(d);
  }
}

function fieldsOf(diagnostic) {
  return String(diagnostic.field || "").split(/[,\s]+/).map((f) => f.replace(/[.\[].*$/, "")).filter(Boolean);
}

function notesFor(row) {
  return state.rowNotes.get(row) || [];
}

function showNotes() {
  const loose = state.looseNotes;
  const list = $("notes-list");
  list.replaceChildren(...loose.map((d) => el("li", {class: d.severity, text: d.text})));
  $("notes").hidden = loose.length === 0;
  $("notes-summary").textContent = `${loose.length} note${loose.length === 1 ? "" : "s"} from reading`;
}

// ---------------------------------------------------------------- records table

function wireRecords() {
  for (const radio of document.querySelectorAll('input[name="selection"]')) {
    radio.addEventListener("change", () => { state.selection = radio.value; state.writeAll = false; buildRows(); });
  }
  for (const th of document.querySelectorAll("#records-table th")) {
    th.querySelector("button").addEventListener("click", () => {
      const key = th.dataset.key;
      state.sort = {key, dir: state.sort.key === key ? -state.sort.dir : 1};
      sortRows();
    });
  }
  $("add-field-button").addEventListener("click", () => {
    const name = $("add-field").value;
    if (!name || !state.open) return;
    state.open.extra = [...(state.open.extra || []), name];
    openEditor(state.open, name);
  });
}

function buildRows() {
  const rows = [];
  state.records.forEach((record, i) => {
    const many = state.records.length > 1;
    if (state.selection !== "references") rows.push({item: record, label: String(i + 1), kind: "record", order: rows.length});
    if (state.selection !== "article") {
      refsOf(record).forEach((ref, j) => rows.push({
        item: ref, label: many || state.selection === "all" ? `${i + 1}.${j + 1}` : String(j + 1),
        kind: "reference", refIndex: j, order: rows.length,
      }));
    }
  });
  state.rows = rows;
  placeNotes();
  $("record-count").textContent = rows.length ? `(${countText(rows.length)})` : "";
  $("records-empty").hidden = rows.length > 0;
  $("records-scroll").hidden = rows.length === 0;
  const body = $("records-table").tBodies[0];
  body.replaceChildren(...rows.map(rowElement));
  sortRows();
  showNotes();   // the notes that no shown row takes
  if (rows.length) openEditor(rows[0]); else closeEditor();
  writeOutputs.now();
}

function firstAuthor(item) {
  const names = item.author || item.editor || [];
  if (!names.length) return "";
  const name = names[0];
  const first = name.literal || [name["non-dropping-particle"], name.family].filter(Boolean).join(" ") || name.given || "";
  return names.length > 1 ? `${first} et al.` : first;
}

function yearOf(item) {
  const d = item.issued;
  if (!d) return "";
  if (d["date-parts"] && d["date-parts"][0]) return String(d["date-parts"][0][0] ?? "");
  const m = /\d{4}/.exec(d.raw || d.literal || "");
  return m ? m[0] : "";
}

function rowElement(row) {
  const notes = notesFor(row).length;
  const tr = el("tr", {onclick: (event) => { if (event.target.tagName !== "BUTTON") openEditor(row); }});
  row.cells = {
    author: el("td"), year: el("td"), title: el("td", {class: "title-cell"}), type: el("td"),
  };
  tr.append(
    el("td", {}, el("button", {type: "button", class: "row-button", "aria-label": `Edit ${row.kind} ${row.label}`,
      text: row.label, onclick: () => { openEditor(row); $("editor-heading").focus(); }})),
    row.cells.author, row.cells.year, row.cells.title, row.cells.type,
  );
  row.badge = notes ? el("span", {class: "badge", text: `${notes} note${notes === 1 ? "" : "s"}`}) : null;
  row.tr = tr;
  fillRow(row);
  return tr;
}

function fillRow(row) {
  const item = row.item;
  row.cells.author.textContent = firstAuthor(item);
  row.cells.year.textContent = yearOf(item);
  row.cells.title.replaceChildren(document.createTextNode(plainTitle(item.title || item["container-title"]) || "(no title)"));
  if (row.badge) row.cells.title.append(" ", row.badge);
  row.cells.type.textContent = item.type || "";
}

// CSL-JSON titles may carry its rich-text tags (<i>, <span class="nocase">, ...); the table
// shows the words. The editor keeps them, and anything else stays as typed.
function plainTitle(title) {
  return String(title || "").replace(/<\/?(?:i|b|sup|sub|span)(?:\s+(?:class|style)="[^"<>]*")?>/g, "");
}

function sortKey(row, key) {
  if (key === "order") return row.order;
  if (key === "author") return firstAuthor(row.item).toLocaleLowerCase();
  if (key === "year") return yearOf(row.item) || "\uffff";
  if (key === "title") return plainTitle(row.item.title).toLocaleLowerCase();
  return String(row.item.type || "");
}

function sortRows() {
  const {key, dir} = state.sort;
  const sorted = [...state.rows].sort((a, b) => {
    const x = sortKey(a, key), y = sortKey(b, key);
    const c = typeof x === "number" ? x - y : String(x).localeCompare(String(y));
    return c * dir || a.order - b.order;
  });
  $("records-table").tBodies[0].append(...sorted.map((row) => row.tr));
  for (const th of document.querySelectorAll("#records-table th")) {
    if (th.dataset.key === key) th.setAttribute("aria-sort", dir > 0 ? "ascending" : "descending");
    else th.removeAttribute("aria-sort");
  }
}

// ---------------------------------------------------------------- field editor

function kindOf(field) {
  const csl = state.api.csl;
  if (field === "type") return "type";
  if (csl.names.includes(field)) return "names";
  if (csl.dates.includes(field)) return "date";
  if (csl.text.includes(field)) return "text";
  return null;
}

function closeEditor() {
  state.open = null;
  $("editor").hidden = true;
}

function openEditor(row, focusField) {
  state.open = row;
  for (const r of state.rows) r.tr.classList.toggle("open", r === row);
  for (const r of state.rows) r.tr.toggleAttribute("aria-current", r === row);
  const item = row.item;
  $("editor").hidden = false;
  $("editor-heading").textContent = `Fields of ${row.kind} ${row.label}${item.id ? ` (${item.id})` : ""}`;
  // what a text box can hold: strings and numbers, name lists, dates (not custom's objects)
  const editable = (k) => kindOf(k) && item[k] !== null &&
    (typeof item[k] !== "object" || kindOf(k) === "names" || kindOf(k) === "date");
  const shown = new Set([...ALWAYS, ...Object.keys(item).filter(editable), ...(row.extra || [])]);
  const fields = [...shown].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const notes = notesFor(row);
  const placed = new Set();
  const body = $("fields");
  body.replaceChildren(...fields.map((field) => {
    const mine = notes.filter((d) => fieldsOf(d).includes(field));
    mine.forEach((d) => placed.add(d));
    return fieldRow(row, field, mine);
  }));
  $("record-notes").replaceChildren(...notes.filter((d) => !placed.has(d))
    .map((d) => el("li", {class: d.severity, text: d.text})));
  const add = $("add-field");
  const csl = state.api.csl;
  const addable = [...csl.text, ...csl.names, ...csl.dates].filter((f) => !shown.has(f)).sort((a, b) => a.localeCompare(b));
  add.replaceChildren(...addable.map((f) => el("option", {value: f, text: f})));
  if (focusField) {
    const target = body.querySelector(`[data-field="${CSS.escape(focusField)}"]`);
    if (target) target.focus();
  }
  showScope();
}

function rank(field) {
  const i = ORDER.indexOf(field);
  return i < 0 ? ORDER.length : i;
}

let fieldCounter = 0;

function fieldRow(row, field, notes) {
  const id = `field-${++fieldCounter}`;
  const kind = kindOf(field);
  const noteIds = notes.map((_, i) => `${id}-note-${i}`);
  const noteList = notes.length
    ? el("ul", {class: "warnings"}, ...notes.map((d, i) => el("li", {id: noteIds[i], class: d.severity, text: d.message})))
    : null;
  const describedBy = noteIds.join(" ") || undefined;
  let control;
  let header;
  if (kind === "names") {
    header = el("th", {scope: "row", id: `${id}-label`, text: field});
    control = namesEditor(row, field, `${id}-label`, describedBy);
  } else {
    header = el("th", {scope: "row"}, el("label", {for: id, text: field}));
    control = kind === "type" ? typeSelect(row, id, describedBy)
      : kind === "date" ? dateInput(row, field, id, describedBy)
        : textInput(row, field, id, describedBy);
  }
  return el("tr", {class: notes.length ? "has-notes" : ""}, header, el("td", {}, control, noteList));
}

function changed(row) {
  fillRow(row);
  // many records: after "write all", an edit goes back to the open record (all of them takes minutes)
  if (state.rows.length > LIVE_LIMIT) state.writeAll = false;
  writeOutputs();
}

function typeSelect(row, id, describedBy) {
  const select = el("select", {id, "data-field": "type", "aria-describedby": describedBy});
  const types = state.api.csl.types.includes(row.item.type) || !row.item.type
    ? state.api.csl.types : [row.item.type, ...state.api.csl.types];
  for (const t of types) select.append(el("option", {value: t, text: t}));
  select.value = row.item.type || "article";
  select.addEventListener("change", () => { row.item.type = select.value; changed(row); });
  return select;
}

function textInput(row, field, id, describedBy) {
  const value = row.item[field] === undefined || row.item[field] === null ? "" : String(row.item[field]);
  const long = LONG_FIELDS.has(field) || value.length > 90;
  const input = long
    ? el("textarea", {id, rows: Math.min(8, Math.max(2, Math.ceil(value.length / 70))), "data-field": field, "aria-describedby": describedBy})
    : el("input", {id, type: "text", "data-field": field, "aria-describedby": describedBy});
  input.value = value;
  input.addEventListener("input", () => {
    if (input.value === "") delete row.item[field];
    else row.item[field] = input.value;
    changed(row);
  });
  return input;
}

function dateToText(date) {
  if (!date || typeof date !== "object") return "";
  if (Array.isArray(date["date-parts"]) && date["date-parts"].length) {
    return date["date-parts"].map((parts) => (parts || []).map((n, i) => (i ? String(n).padStart(2, "0") : String(n))).join("-")).join("/");
  }
  return String(date.raw || date.literal || "");
}

function textToDate(text, old) {
  const rest = {...(old || {})};
  delete rest["date-parts"]; delete rest.raw; delete rest.literal;
  const parts = text.trim().split("/").map((p) => p.trim());
  if (parts.length <= 2 && parts.every((p) => /^\d{1,4}(-\d{1,2}){0,2}$/.test(p))) {
    return {...rest, "date-parts": parts.map((p) => p.split("-").map(Number))};
  }
  return {...rest, raw: text.trim()};
}

function dateInput(row, field, id, describedBy) {
  const input = el("input", {id, type: "text", inputmode: "numeric", "data-field": field,
    placeholder: "YYYY-MM-DD", "aria-describedby": describedBy});
  input.value = dateToText(row.item[field]);
  input.addEventListener("input", () => {
    if (!input.value.trim()) delete row.item[field];
    else row.item[field] = textToDate(input.value, row.item[field]);
    changed(row);
  });
  return input;
}

// Names as family/given pairs; a name with no given part is kept as one literal name
// (an organisation). Parts the row does not show (particles, suffix) are kept as they were.
function namesEditor(row, field, labelId, describedBy) {
  const box = el("div", {class: "names", role: "group", "aria-labelledby": labelId, "aria-describedby": describedBy});
  const render = () => {
    const names = Array.isArray(row.item[field]) ? row.item[field] : [];
    box.replaceChildren(...names.map((name, i) => nameRow(row, field, names, i, render)),
      el("button", {type: "button", class: "small", text: `Add ${names.length ? "another" : "a"} name`,
        "aria-label": `Add ${names.length ? "another" : "a"} name to ${field}`,
        onclick: () => {
          row.item[field] = [...names, {family: "", given: ""}];
          render();
          box.querySelectorAll("input")[names.length * 2].focus();
        }}));
  };
  render();
  return box;
}

function nameRow(row, field, names, i, render) {
  const name = names[i] || {};
  const family = el("input", {type: "text", class: "family", placeholder: "Family name or organisation",
    "aria-label": `${field} ${i + 1}: family name or organisation`, "data-field": i === 0 ? field : undefined});
  const given = el("input", {type: "text", class: "given", placeholder: "Given names",
    "aria-label": `${field} ${i + 1}: given names`});
  family.value = name.literal !== undefined ? name.literal : (name.family || "");
  given.value = name.literal !== undefined ? "" : (name.given || "");
  const update = () => {
    const kept = {...names[i]};
    delete kept.family; delete kept.given; delete kept.literal;
    names[i] = given.value.trim() ? {...kept, family: family.value, given: given.value}
      : {...kept, literal: family.value};
    row.item[field] = names;
    changed(row);
  };
  family.addEventListener("input", update);
  given.addEventListener("input", update);
  const remove = el("button", {type: "button", class: "small remove", text: "Remove",
    "aria-label": `Remove ${field} ${i + 1}`,
    onclick: () => {
      names.splice(i, 1);
      if (names.length) row.item[field] = names; else delete row.item[field];
      changed(row);
      render();
    }});
  return el("div", {class: "name"}, family, given, remove);
}

// ---------------------------------------------------------------- outputs

function buildOutputPanels() {
  const box = $("outputs");
  const groups = [["style", "Formatted references"], ["data", "Data formats"]];
  for (const [kind, title] of groups) {
    const writers = state.api.writers.filter((w) => w.kind === kind);
    if (!writers.length) continue;
    box.append(el("h3", {class: "group", text: title}));
    for (const writer of writers) box.append(outputPanel(writer));
  }
}

function outputPanel(writer) {
  const id = `out-${writer.name.replace(/[^a-z0-9-]/gi, "_")}`;
  const text = el("pre", {class: `output-text ${writer.kind}`, id: `${id}-text`, tabindex: "0",
    "aria-labelledby": `${id}-heading`, "aria-live": "off"});
  const notes = el("ul", {class: "warnings"});
  const copy = el("button", {type: "button", class: "small", text: "Copy", "aria-label": `Copy the ${writer.name} output`});
  const save = el("button", {type: "button", class: "small", text: "Download", "aria-label": `Download the ${writer.name} output`});
  const fileName = el("span", {class: "file-name"});
  const heading = el("h4", {id: `${id}-heading`}, plain(writer.description) || writer.name, " ",
    el("code", {class: "format-name", text: writer.name}));
  const panel = el("section", {class: "output", id, "data-format": writer.name, "aria-labelledby": `${id}-heading`},
    el("div", {class: "output-head"}, heading, el("div", {class: "actions"}, copy, save)));
  if (writer.needs_style) {
    const input = el("input", {type: "text", id: `${id}-style`, placeholder: "e.g. chicago-author-date",
      autocomplete: "off", spellcheck: "false"});
    input.addEventListener("input", debounce(() => { state.cslStyle = input.value.trim(); writeOutputs.now(); }, READ_DELAY_MS));
    panel.append(el("div", {class: "row"}, el("label", {for: `${id}-style`, text: "CSL style name"}), input));
  }
  panel.append(text, notes, fileName);
  const entry = {writer, panel, text, notes, copy, save, fileName, value: ""};
  copy.addEventListener("click", () => copyOutput(entry));
  save.addEventListener("click", () => downloadOutput(entry));
  state.outputs.set(writer.name, entry);
  return panel;
}

// Which records the outputs cover: all of them, or with many records the open one (live),
// until the user asks for all.
function outputScope() {
  const many = state.rows.length > LIVE_LIMIT && !state.writeAll;
  if (many && state.open) return {records: [state.open.item], references: "article", partial: true};
  return {records: state.records, references: state.selection, partial: false};
}

function showScope() {
  const many = state.rows.length > LIVE_LIMIT;
  $("write-all").hidden = !many || state.writeAll;
  $("write-all").textContent = `Write all ${countText(state.rows.length)}`;
  $("scope").textContent = !state.rows.length ? "Outputs appear here once something is read."
    : many && !state.writeAll ? `${countText(state.rows.length)}: the outputs show the open one, live. Writing all of them takes a while.`
      : `The outputs cover ${state.rows.length === 1 ? "the" : "all"} ${countText(state.rows.length)} and follow every edit.`;
}

function fileStem() {
  const scope = outputScope();
  if (scope.partial) return safeStem(state.open.item.id || state.stem);
  return state.selection === "references" ? `${state.stem}-references` : state.stem;
}

const writeOutputs = debounce(async () => {
  const seq = ++state.writeSeq;
  showScope();
  const scope = outputScope();
  const stem = fileStem();
  const locale = $("locale").value;
  const jobs = [];
  for (const entry of state.outputs.values()) {
    entry.fileName.textContent = "";
    if (!scope.records.length) { setOutput(entry, "", [], null); continue; }
    if (entry.writer.needs_style && !state.cslStyle) {
      setOutput(entry, "", [], "Type the name of a CSL style to render with it.", true);
      continue;
    }
    entry.panel.classList.add("busy");
    jobs.push(postJSON("/api/write", {
      records: scope.records, to: entry.writer.name, references: scope.references,
      locale: locale || undefined, style: entry.writer.needs_style ? state.cslStyle : undefined,
    }).then((data) => {
      if (seq !== state.writeSeq) return;
      entry.panel.classList.remove("busy");
      const result = data.error ? data : data.outputs[entry.writer.name];
      if (result.error) setOutput(entry, "", result.error.diagnostics || [], result.error.message);
      else setOutput(entry, result.output, result.diagnostics, null);
      entry.fileName.textContent = result.error ? "" : stem + entry.writer.suffix;
    }));
  }
  if (jobs.length) {
    announce("Writing the outputs…");
    await Promise.all(jobs);
    if (seq === state.writeSeq) announce(`Outputs written for ${countText(scope.records.length === state.records.length ? state.rows.length : scope.records.length)}.`);
  }
}, WRITE_DELAY_MS);

// A writer's note: its message, the fields it names, and the record when several are written.
function noteText(d) {
  const several = outputScope().records.length > 1 || state.selection !== "article";
  return d.message + (d.field && !d.message.includes(d.field) ? ` [${d.field}]` : "") +
    (several && d.record ? ` (${d.record})` : "");
}

function setOutput(entry, text, diagnostics, error, hint) {
  entry.value = text;
  if (!error && entry.writer.kind === "style") {
    // one entry a line, each with a hanging indent; the text (and so a copy) is unchanged
    entry.text.replaceChildren(...text.split(/(?<=\n)/).map((line) => el("span", {class: "entry", text: line})));
  } else {
    entry.text.textContent = error ? error : text;
  }
  entry.text.classList.toggle("failed", Boolean(error) && !hint);
  entry.text.classList.toggle("hint", Boolean(hint));
  entry.panel.classList.toggle("empty", !text);
  entry.copy.disabled = entry.save.disabled = !text;
  const items = diagnostics.map((d) => el("li", {class: d.severity, text: noteText(d)}));
  if (items.length > 3) {  // one note per record adds up: fold them
    entry.notes.replaceChildren(el("li", {class: "fold"}, el("details", {},
      el("summary", {text: `${items.length} notes from this format`}), el("ul", {}, ...items))));
  } else {
    entry.notes.replaceChildren(...items);
  }
}

async function copyOutput(entry) {
  try {
    await navigator.clipboard.writeText(entry.value);
  } catch (e) {   // no clipboard permission: select the text so Ctrl+C copies it
    const range = document.createRange();
    range.selectNodeContents(entry.text);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    announce("Selected the text: press Ctrl+C to copy it.");
    return;
  }
  entry.copy.textContent = "Copied";
  announce(`Copied the ${entry.writer.name} output.`);
  setTimeout(() => { entry.copy.textContent = "Copy"; }, 1500);
}

function downloadOutput(entry) {
  const name = fileStem() + entry.writer.suffix;
  const blob = new Blob([entry.value], {type: `${entry.writer.media_type};charset=utf-8`});
  const url = URL.createObjectURL(blob);
  const link = el("a", {href: url, download: name, hidden: true});
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  announce(`Downloading ${name}.`);
}

document.addEventListener("DOMContentLoaded", () => {
  start().catch((error) => showReadError(`The page could not start: ${error.message}`));
});
