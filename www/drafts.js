// Never lose work: fill a form from a document, keep what the form cannot
// hold (unknown fields of an imported file), write files in a stable key
// order, and autosave every form to localStorage.
import { readForm, pathOf } from "/pkg/form.js";
import { blankRows } from "./build.js";
import { renumber, syncRefs, setRefs, listRows } from "./groups.js";
import { ORDER } from "./schema.js";

const STORE = "enhance-qa:draft:";

// ---- paths ----------------------------------------------------------------

const segmentsOf = (pointer) =>
  pointer === "" ? [] : pointer.slice(1).split("/").map((s) => s.replaceAll("~1", "/").replaceAll("~0", "~"));
const get = (doc, segments) => segments.reduce((node, s) => (node !== null && typeof node === "object" ? node[s] : undefined), doc);
const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);

// ---- key order ------------------------------------------------------------

/** `value` with its keys in documents.md's order (unknown keys after, as they came). */
export function ordered(value, kind, at = "") {
  const order = ORDER[kind] ?? {};
  const child = (key) => (at === "" ? key : `${at}/${key}`);
  if (Array.isArray(value)) return value.map((v) => ordered(v, kind, child("*")));
  if (!isObject(value)) return value;
  const out = {};
  for (const key of order[at] ?? []) if (key in value) out[key] = ordered(value[key], kind, child(key));
  for (const key of Object.keys(value)) if (!(key in out)) out[key] = ordered(value[key], kind, child(key));
  return out;
}

/** The text of a document file: what export writes and autosave keeps. */
export const fileText = (doc) => JSON.stringify(doc, null, 2) + "\n";

// ---- what the form cannot hold --------------------------------------------

/**
 * Pieces of `doc` that `held` (what the form reads back) lacks: unknown
 * fields, and values the form has no control for. Each is kept beside the
 * row it belongs to, so it moves with the row and goes when the row goes.
 */
function leftovers(doc, held, segments = [], out = []) {
  if (isObject(doc)) {
    for (const [key, value] of Object.entries(doc)) {
      if (isObject(held) && key in held) leftovers(value, held[key], [...segments, key], out);
      else out.push([...segments, key]);
    }
  } else if (Array.isArray(doc) && Array.isArray(held) && doc.length === held.length) {
    doc.forEach((value, i) => leftovers(value, held[i], [...segments, String(i)], out));
  }
  return out;
}

/** The innermost row fieldset holding `segments`, and the rest of the path. */
function holder(form, segments) {
  for (let n = segments.length - 1; n > 0; n--) {
    if (!/^\d+$/.test(segments[n - 1])) continue;
    const pointer = "/" + segments.slice(0, n).join("/");
    const row = [...form.querySelectorAll("fieldset.row[name]")].find((r) => pathOf(r.name) === pointer);
    if (row) return { row, rest: segments.slice(n) };
  }
  return { row: null, rest: segments };
}

/** How many kept pieces are still in the document (a removed row takes its own along). */
export const keptCount = (form) => (form.kept ?? []).filter(({ row }) => !row || row.isConnected).length;

/** Puts back what the form could not hold, where the user has not typed a value since. */
export function mergeKept(form, doc) {
  for (const { row, rest, value } of form.kept ?? []) {
    if (row && !row.isConnected) continue; // its row was removed: so is what it kept
    const path = [...(row ? segmentsOf(pathOf(row.name)) : []), ...rest];
    let node = doc;
    for (const [i, key] of path.slice(0, -1).entries()) {
      if (node[key] === undefined) node[key] = /^\d+$/.test(path[i + 1]) ? [] : {};
      node = node[key];
      if (node === null || typeof node !== "object") break;
    }
    if (node !== null && typeof node === "object" && !(path.at(-1) in node)) node[path.at(-1)] = structuredClone(value);
  }
  return doc;
}

// ---- filling --------------------------------------------------------------

const decimal = /^\s*-?\d+([.,]\d+)?\s*$/;

function addChoice(select, value) {
  const option = document.createElement("option");
  option.value = value;
  option.textContent = `${value} (not in the list)`;
  select.append(option);
}

function addChip(fieldset, input, value) {
  const label = input.closest("label").cloneNode(true);
  const box = label.querySelector("input");
  box.value = value;
  label.querySelector("span").textContent = `${value} (not in the list)`;
  fieldset.querySelector(".options").append(label);
  return box;
}

/**
 * Makes the form hold `doc`: as many rows as its lists have, every control
 * set from its path. What the form cannot hold is kept (see mergeKept).
 */
export function fillForm(form, doc, kind) {
  for (const list of form.querySelectorAll("fieldset.list")) {
    if (!list.parentElement.closest(".row")) list.querySelector(":scope > .rows").replaceChildren();
  }
  const done = new Set();
  for (;;) {
    renumber(form);
    const pending = [...form.querySelectorAll("fieldset.list")].filter((l) => !done.has(l));
    if (!pending.length) break;
    for (const list of pending) {
      done.add(list);
      const items = get(doc, segmentsOf(pathOf(list.name)));
      const rows = list.querySelector(":scope > .rows");
      for (let i = 0; i < (Array.isArray(items) ? items.length : 0); i++) rows.append(list.makeRow());
    }
  }
  for (const box of form.querySelectorAll("fieldset.refs")) {
    const known = listRows(form, box.dataset.source ?? "learning_outcomes").length;
    // A box in a row (an assessment, a component) reads the row's own list; others their own path.
    const key = box.dataset.refs.match(/\.([^.[\]]+)\[\]$/)[1];
    const row = box.closest(".row");
    const values = get(doc, row ? [...segmentsOf(pathOf(row.name)), key] : segmentsOf(pathOf(box.dataset.refs.slice(0, -2))));
    const ticked = (Array.isArray(values) ? values : []).filter((n) => Number.isInteger(n) && n > 0 && n < 1000);
    setRefs(box, Math.max(known, ...ticked, 0), known, ticked);
  }
  for (const el of form.elements) {
    if (!el.name || el.name.startsWith("_") || el instanceof HTMLFieldSetElement || el instanceof HTMLButtonElement) continue;
    if (el.closest("fieldset.refs")) continue;
    const many = el.name.endsWith("[]");
    const value = get(doc, segmentsOf(pathOf(many ? el.name.slice(0, -2) : el.name)));
    if (el.type === "checkbox") {
      el.checked = many ? Array.isArray(value) && value.some((v) => String(v) === el.value) : value === true;
    } else if (el instanceof HTMLSelectElement && el.dataset.type === "boolean") {
      // Only true and false: any other value stays in the file, kept (see mergeKept) and reported.
      el.value = typeof value === "boolean" ? String(value) : "";
    } else if (el instanceof HTMLSelectElement) {
      const text = typeof value === "string" || typeof value === "number" ? String(value) : "";
      if (text && ![...el.options].some((o) => o.value === text)) addChoice(el, text);
      el.value = text;
    } else if (el.type === "number") {
      el.value = typeof value === "number" ? String(value) : typeof value === "string" && decimal.test(value) ? value.trim().replace(",", ".") : "";
    } else {
      el.value = typeof value === "string" || typeof value === "number" ? String(value) : "";
    }
  }
  // Ticked values the boxes do not offer ("hybrid" mobility, goal 18…) get a box of their own, so nothing is lost.
  for (const fieldset of form.querySelectorAll("fieldset.checks:not(.refs)")) {
    const boxes = [...fieldset.querySelectorAll("input[type=checkbox]")];
    if (!boxes.length) continue;
    const values = get(doc, segmentsOf(pathOf(boxes[0].name.slice(0, -2))));
    if (!Array.isArray(values)) continue;
    for (const value of values) {
      if ((typeof value === "string" || typeof value === "number") && !boxes.some((b) => b.value === String(value))) {
        const box = addChip(fieldset, boxes[0], String(value));
        box.checked = true;
        boxes.push(box);
      }
    }
  }
  // Empty lists of plain values (outcomes, languages) get their first empty
  // rows, as in a fresh form: trailing empty values are not part of the document.
  for (const list of form.querySelectorAll("fieldset.list")) {
    const rows = list.querySelector(":scope > .rows");
    if (list.plain && rows.children.length === 0) for (let i = 0; i < list.initialRows; i++) rows.append(list.makeRow());
  }
  renumber(form);
  syncRefs(form);
  const held = readForm(form, { kind });
  form.kept = leftovers(doc, held).map((segments) => ({ ...holder(form, segments), value: get(doc, segments) }));
  return form.kept.length;
}

/** Empties the form back to a fresh one (its first empty rows). */
export function clearForm(form, kind) {
  fillForm(form, {}, kind);
  blankRows(form);
  renumber(form);
  syncRefs(form);
  form.kept = [];
}

/** Whether the user has typed anything (kind aside). */
export function isEmpty(value) {
  if (value === null || value === undefined || value === "" || value === false) return true;
  if (Array.isArray(value)) return value.every(isEmpty);
  if (isObject(value)) return Object.entries(value).every(([k, v]) => k === "kind" || isEmpty(v));
  return false;
}

// ---- autosave, export, import ---------------------------------------------

export function saved(kind) {
  try {
    return localStorage.getItem(STORE + kind);
  } catch {
    return null; // storage disabled: the page still works, it just cannot keep drafts
  }
}

/** Saves a document's text at most once per `delay` ms (made only then); flush() saves what is pending now. */
export function autosaver(kind, delay = 300) {
  let timer = 0;
  let pending = null;
  const flush = () => {
    clearTimeout(timer);
    timer = 0;
    if (pending === null) return;
    try {
      localStorage.setItem(STORE + kind, pending());
    } catch {
      // full or disabled storage: nothing more we can do here
    }
    pending = null;
  };
  addEventListener("pagehide", flush);
  return {
    save(make) {
      pending = make; // the text is made when saved, so keystrokes between saves cost nothing
      if (!timer) timer = setTimeout(flush, delay);
    },
    flush,
  };
}

/** Starts a download of `text` as a JSON file. */
export function download(text, filename) {
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A file name from the document's code: letters, digits, - _ . only. */
export const fileName = (doc, kind) =>
  `${(typeof doc.code === "string" && doc.code.trim() ? doc.code.trim() : `${kind}-draft`).replace(/[^\w.-]+/g, "_")}.json`;
