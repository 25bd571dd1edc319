// Builds a form from the descriptors of schema.js. Every control gets a
// `data-name` pattern ("components[#0].options[#1].code"); groups.js turns
// the patterns into real names by the rows' current positions.
import { renumber } from "./groups.js";

let ids = 0;
const nextId = (stem) => `${stem}-${++ids}`;

export function h(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "className") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else node.setAttribute(key, value === true ? "" : value);
  }
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

const join = (prefix, key) => (prefix ? `${prefix}.${key}` : key);

function optionsOf(field) {
  const list = [];
  if (field.empty !== undefined) list.push(h("option", { value: "", text: field.empty }));
  const add = (pairs) => pairs.map(([value, label]) => h("option", { value, text: label }));
  if (Array.isArray(field.options)) list.push(...add(field.options));
  else for (const [label, pairs] of Object.entries(field.options)) list.push(h("optgroup", { label }, ...add(pairs)));
  return list;
}

/** One control with its label and hint. `pattern` is its data-name. */
function scalar(field, pattern, labelText) {
  const id = nextId("f");
  const hintId = field.hint ? nextId("hint") : undefined;
  const attrs = { id, "aria-describedby": hintId, dataset: { name: pattern }, ...field.attrs };
  let control;
  if (field.type === "textarea") control = h("textarea", { ...attrs, rows: field.rows ?? 3 });
  else if (field.type === "select") control = h("select", attrs, ...optionsOf(field));
  // Yes, no, or not said: a checkbox could not tell "no" from "not yet answered".
  else if (field.type === "boolean") control = h("select", { ...attrs, dataset: { name: pattern, type: "boolean" } }, ...optionsOf({ empty: "Not set", options: [["true", "Yes"], ["false", "No"]] }));
  else control = h("input", { ...attrs, type: field.type, list: field.list });
  const label = h("label", { for: id, className: "label" });
  if (labelText) label.dataset.text = labelText;
  else label.textContent = field.label;
  return h("div", { className: `field field-${field.type}` },
    label,
    field.hint ? h("p", { className: "hint", id: hintId, text: field.hint }) : null,
    control);
}

/** Checkboxes whose name ends in [] (an array of the ticked values). */
function checks(field, pattern) {
  const hintId = field.hint ? nextId("hint") : undefined;
  const boxes = field.options.map(([value, label]) =>
    h("label", { className: "chip" },
      h("input", { type: "checkbox", value, dataset: { name: `${pattern}[]`, ...(field.number ? { type: "number" } : {}) } }),
      h("span", { text: label })));
  return h("fieldset", { className: "checks", "aria-describedby": hintId },
    h("legend", { text: field.label }),
    field.hint ? h("p", { className: "hint", id: hintId, text: field.hint }) : null,
    h("div", { className: "options" }, ...boxes));
}

/**
 * Ticks for the numbers of a list's rows (the learning outcomes, or the
 * assessments for `source: "assessment"`); groups.js keeps them in step with it.
 */
function refs(field, pattern) {
  const source = field.source ?? "learning_outcomes";
  const empty = source === "learning_outcomes" ? "Add learning outcomes first; then tick the ones that apply." : "Add assessments first; then tick the ones that apply.";
  return h("fieldset", { className: "checks refs", dataset: { refs: `${pattern}[]`, source } },
    h("legend", { text: field.label }),
    h("div", { className: "options" }),
    h("p", { className: "hint refs-empty", text: empty }));
}

/** A repeating group: its rows, and a button that adds one. */
function list(field, pattern, depth) {
  const hintId = field.hint ? nextId("hint") : undefined;
  const rows = h("div", { className: "rows" });
  const itemPattern = `${pattern}[#${depth}]`;
  const noun = field.noun;
  const add = h("button", { type: "button", className: "add", dataset: { action: "add" }, text: `Add ${/^[aeiou]/.test(noun) ? "an" : "a"} ${noun}` });
  const node = h("fieldset", { className: `list list-${field.key}`, "aria-describedby": hintId, dataset: { name: pattern, noun, key: field.key } },
    h("legend", { text: field.label }),
    field.hint ? h("p", { className: "hint", id: hintId, text: field.hint }) : null,
    rows,
    add);
  const cap = noun.charAt(0).toUpperCase() + noun.slice(1);
  node.makeRow = () => {
    const tools = h("div", { className: "row-tools" },
      h("button", { type: "button", className: "tool", dataset: { action: "up" }, text: "↑" }),
      h("button", { type: "button", className: "tool", dataset: { action: "down" }, text: "↓" }),
      h("button", { type: "button", className: "tool remove", dataset: { action: "remove" }, text: "Remove" }));
    const item = field.item;
    if (item.type !== "row") {
      return h("div", { className: "row row-plain" }, scalar(item, itemPattern, `${item.label} #`), tools);
    }
    return h("fieldset", { className: "row row-object", dataset: { name: itemPattern } },
      h("legend", { dataset: { text: `${cap} #` } }),
      h("div", { className: "row-fields" }, ...item.fields.map((f) => build(f, itemPattern, depth + 1))),
      tools);
  };
  node.initialRows = field.rows ?? 0;
  node.plain = field.item.type !== "row";
  return node;
}

function object(field, pattern, depth) {
  const hintId = field.hint ? nextId("hint") : undefined;
  return h("fieldset", { className: `object object-${field.key}`, "aria-describedby": hintId, dataset: { name: pattern } },
    h("legend", { text: field.label }),
    field.hint ? h("p", { className: "hint", id: hintId, text: field.hint }) : null,
    ...field.fields.map((f) => build(f, pattern, depth)));
}

function build(field, prefix, depth) {
  const pattern = join(prefix, field.key);
  switch (field.type) {
    case "list": return list(field, pattern, depth);
    case "object": return object(field, pattern, depth);
    case "checks": return checks(field, pattern);
    case "refs": return refs(field, pattern);
    default: return scalar(field, pattern);
  }
}

/** Fills `form` with the sections of a kind, each list with its first empty rows. */
export function buildForm(form, sections) {
  for (const section of sections) {
    const id = nextId("section");
    form.append(h("section", { className: "form-section", "aria-labelledby": id },
      h("h3", { id, text: section.heading }),
      ...section.fields.map((f) => build(f, "", 0))));
  }
  blankRows(form);
  renumber(form);
}

/** Gives every list without rows its initial empty rows (a fresh form). */
export function blankRows(root) {
  for (const list of root.querySelectorAll("fieldset.list")) {
    const rows = list.querySelector(":scope > .rows");
    if (rows.children.length === 0) for (let i = 0; i < list.initialRows; i++) rows.append(list.makeRow());
  }
}
