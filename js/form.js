// enhance-qa/form: live checking for any <form> whose inputs are named by
// their path in the document (`learning_outcomes[2]`, `coordinator.email`,
// or a JSON Pointer such as `/learning_outcomes/2`).
//
// It reads the form, checks it at most once per animation frame, and puts
// each message as text beside its field. It never submits the form and never
// changes what the user typed, except when the user clicks a suggested fix.
import { Checker } from "./enhance_qa.js";

const OURS = ".eqa-messages, .eqa-summary";
const SKIPPED_TYPES = new Set(["submit", "reset", "button", "image", "file"]);
const TEXT_TYPES = new Set(["text", "search", "url", "tel", "email", "password", ""]);
const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 };
let lists = 0; // numbers the message lists' ids on the page

// ---- names and paths ------------------------------------------------------

/**
 * The segments a field name stands for (`a.b[2]` → ["a", "b", 2]) and
 * whether it collects several values (`sdgs[]`); null for names that are
 * not paths (empty, or starting with "_", kept for the page's own controls).
 */
function parseName(name) {
  if (!name || name.startsWith("_")) return null;
  if (name.startsWith("/")) {
    const segments = name
      .slice(1)
      .split("/")
      .map((s) => s.replaceAll("~1", "/").replaceAll("~0", "~"))
      .map((s) => (/^(0|[1-9]\d*)$/.test(s) ? Number(s) : s));
    return { segments, list: false };
  }
  const segments = [];
  let list = false;
  const token = /([^.[\]]+)|\[([^\]]*)\]|(\.)/gy;
  let at = 0;
  let match;
  while (at < name.length && (match = token.exec(name))) {
    at = token.lastIndex;
    if (match[1] !== undefined) segments.push(match[1]);
    else if (match[2] !== undefined) {
      if (match[2] === "") {
        if (at !== name.length) return null; // "[]" only at the end
        list = true;
      } else segments.push(/^(0|[1-9]\d*)$/.test(match[2]) ? Number(match[2]) : match[2]);
    }
  }
  if (at !== name.length || segments.length === 0) return null;
  return { segments, list };
}

// Names recur at every keystroke: each is parsed once.
const parsedNames = new Map();
function parsedName(name) {
  let parsed = parsedNames.get(name);
  if (parsed === undefined) {
    parsed = parseName(name);
    if (parsed) parsed.path = pointer(parsed.segments);
    if (parsedNames.size > 50000) parsedNames.clear();
    parsedNames.set(name, parsed);
  }
  return parsed;
}

const pointer = (segments) =>
  segments.map((s) => "/" + String(s).replaceAll("~", "~0").replaceAll("/", "~1")).join("");

/** The JSON Pointer a field name stands for, or null when it is not a path. */
export function pathOf(name) {
  const parsed = parsedName(name);
  return parsed ? parsed.path : null;
}

// ---- reading --------------------------------------------------------------

const isText = (el) =>
  el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && TEXT_TYPES.has(el.type));

/** A control's value as the document holds it; "" stands for empty. */
function typed(role, raw) {
  if (role.type === "boolean") return raw === "" ? "" : raw === "true" || raw === "on";
  if (role.numeric) {
    const text = raw.trim();
    if (text === "") return "";
    // A number the form could not read stays the user's text: the checker
    // reports it, and nothing typed is lost.
    return /^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text) && Number.isFinite(Number(text)) ? Number(text) : raw;
  }
  return raw;
}

// What each element is, worked out once: forms are read at every keystroke,
// and their elements seldom change what they are (a new name is seen).
const roles = new WeakMap();
function roleOf(el) {
  const name = el.name;
  let role = roles.get(el);
  if (role && role.name === name) return role;
  const parsed = typeof name === "string" ? parsedName(name) : null;
  let kind = "skip";
  if (!parsed) kind = "skip";
  else if (el instanceof HTMLFieldSetElement) kind = "anchor";
  else if (el instanceof HTMLInputElement) {
    if (SKIPPED_TYPES.has(el.type)) kind = "skip";
    else if (el.type === "checkbox") kind = parsed.list ? "check-list" : "check";
    else if (el.type === "radio") kind = "radio";
    else kind = "value";
  } else if (el instanceof HTMLSelectElement) kind = el.multiple ? "multiple" : "value";
  else if (el instanceof HTMLTextAreaElement) kind = "value";
  const type = el.dataset?.type;
  role = {
    name,
    parsed,
    kind,
    type,
    numeric: type === "number" || (el instanceof HTMLInputElement && el.type === "number"),
    inArray: parsed ? typeof parsed.segments.at(-1) === "number" : false,
  };
  roles.set(el, role);
  return role;
}

/** Sets `value` at `segments` in `doc`, creating what lies between. */
function put(doc, segments, value) {
  let node = doc;
  for (let i = 0; i < segments.length - 1; i++) {
    const key = segments[i];
    if (node[key] === undefined || node[key] === null || typeof node[key] !== "object") {
      node[key] = typeof segments[i + 1] === "number" ? [] : {};
    }
    node = node[key];
  }
  node[segments.at(-1)] = value;
}

// An empty slot of an array, until it is known whether a filled one follows.
const EMPTY_TEXT = Symbol("empty text");
const EMPTY_NUMBER = Symbol("empty number");

/**
 * Empty slots keep their place before a filled one, so outcome numbers never
 * shift; trailing ones are dropped (a form's spare slots are not findings),
 * and an array left with nothing is left out, as an empty field is.
 */
function settle(node) {
  if (Array.isArray(node)) {
    while (node.length && (node.at(-1) === EMPTY_TEXT || node.at(-1) === EMPTY_NUMBER)) node.pop();
    for (let i = 0; i < node.length; i++) {
      if (node[i] === EMPTY_TEXT) node[i] = "";
      else if (node[i] === EMPTY_NUMBER || node[i] === undefined) node[i] = null;
      else settle(node[i]);
    }
  } else if (node && typeof node === "object") {
    for (const key of Object.keys(node)) {
      settle(node[key]);
      if (Array.isArray(node[key]) && node[key].length === 0) delete node[key];
    }
  }
}

/** Rows of arrays exist even when all their fields are empty, so numbers never shift. */
function keepRows(doc, segments) {
  const last = segments.findLastIndex((s) => typeof s === "number");
  if (last < 0) return;
  let node = doc;
  for (let i = 0; i <= last; i++) {
    const key = segments[i];
    if (i === last) {
      if (node[key] === undefined) node[key] = i === segments.length - 1 ? EMPTY_TEXT : {};
      return;
    }
    if (node[key] === undefined || node[key] === null || typeof node[key] !== "object") {
      node[key] = typeof segments[i + 1] === "number" ? [] : {};
    }
    node = node[key];
  }
}

/**
 * Reads the form into a document and finds each path's field (its anchor
 * for messages). `kind` is used when the form has no field named "kind".
 */
function read(form, kind) {
  const doc = {};
  if (kind) doc.kind = kind;
  const anchors = new Map(); // path → element
  const groups = new Map(); // path → elements sharing it (checkboxes, radios)
  for (const el of form.elements) {
    const role = roleOf(el);
    if (role.kind === "skip" || el.disabled) continue;
    const { path, segments } = role.parsed;
    if (role.kind === "anchor") {
      anchors.set(path, el);
      continue;
    }
    keepRows(doc, segments);
    if (role.kind === "radio" || role.kind === "check-list") {
      if (!groups.has(path)) groups.set(path, []);
      groups.get(path).push(el);
    } else if (!(anchors.get(path) instanceof HTMLFieldSetElement)) {
      anchors.set(path, el);
    }
    switch (role.kind) {
      case "check-list": {
        if (!el.checked) break;
        const value = typed(role, el.value);
        if (value === "") break;
        const current = segments.reduce((n, s) => (n == null ? n : n[s]), doc);
        if (Array.isArray(current)) current.push(value);
        else put(doc, segments, [value]);
        break;
      }
      case "check":
        put(doc, segments, el.checked);
        break;
      case "radio":
        if (el.checked) put(doc, segments, typed(role, el.value));
        break;
      case "multiple": {
        const values = [...el.selectedOptions].map((o) => typed(role, o.value)).filter((v) => v !== "");
        if (values.length) put(doc, segments, values);
        break;
      }
      default: {
        const value = typed(role, el.value);
        if (value !== "") put(doc, segments, value);
        else if (role.inArray) put(doc, segments, role.numeric ? EMPTY_NUMBER : EMPTY_TEXT);
      }
    }
  }
  settle(doc);
  for (const [path, elements] of groups) {
    if (anchors.get(path) instanceof HTMLFieldSetElement) continue;
    // A group is marked where it is grouped: its fieldset, else its last box.
    const fieldset = elements[0].closest("fieldset");
    const common = fieldset && form.contains(fieldset) && elements.every((e) => fieldset.contains(e));
    anchors.set(path, common ? fieldset : elements.at(-1));
  }
  return { doc, anchors, groups };
}

/** The document the form holds, as `attach` checks it (before `transform`). */
export function readForm(form, { kind } = {}) {
  return read(form, kind).doc;
}

// ---- rendering ------------------------------------------------------------

const control = (el) =>
  el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement;

/** The field a diagnostic belongs to: its path's, or its list's for one item of a group. */
function anchorFor(path, read) {
  const exact = read.anchors.get(path);
  if (exact) return exact;
  const item = /^(.*)\/\d+$/.exec(path);
  return item && read.groups.has(item[1]) ? read.anchors.get(item[1]) : undefined;
}

/** A few words either side of the span, the span itself marked. */
function excerpt(text, span) {
  const WIDTH = 32;
  let from = Math.max(0, span.start - WIDTH);
  let to = Math.min(text.length, span.end + WIDTH);
  if (from > 0) from = text.indexOf(" ", from) + 1 || from;
  if (to < text.length) to = text.lastIndexOf(" ", to) > span.end ? text.lastIndexOf(" ", to) : to;
  return {
    before: (from > 0 ? "…" : "") + text.slice(from, span.start),
    marked: text.slice(span.start, span.end),
    after: text.slice(span.end, to) + (to < text.length ? "…" : ""),
  };
}

/** The replacement a suggestion makes, keeping a capital where the text had one. */
function replacement(found, suggestion) {
  const first = found.charAt(0);
  return first && first !== first.toLowerCase() ? suggestion.charAt(0).toUpperCase() + suggestion.slice(1) : suggestion;
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function messageItem(d, field, fixes, onFix, labels) {
  const li = el("li", "eqa-message");
  li.dataset.severity = d.severity;
  li.dataset.rule = d.rule;
  li.append(el("span", "eqa-severity", labels[d.severity]), " ", el("span", "eqa-text", d.message));
  const text = isText(field) ? field.value : null;
  const span = d.span && text !== null && d.span.end <= text.length ? d.span : null;
  if (span) {
    const { before, marked, after } = excerpt(text, span);
    const q = el("q", "eqa-excerpt");
    q.append(before, el("mark", "", marked), after);
    li.append(" ", q);
  }
  if (fixes && d.suggestions?.length && fixable(field)) {
    for (const suggestion of d.suggestions.slice(0, 3)) {
      const found = span ? text.slice(span.start, span.end) : null;
      const value = found ? replacement(found, suggestion) : suggestion;
      if (field instanceof HTMLSelectElement && ![...field.options].some((o) => o.value === value)) continue;
      const button = el("button", "eqa-fix", labels.fix.replace("{value}", labels.quoteOpen + value + labels.quoteClose));
      button.type = "button";
      button.addEventListener("click", () => onFix(field, span, found, value));
      li.append(" ", button);
    }
  }
  return li;
}

const fixable = (field) =>
  isText(field) || field instanceof HTMLSelectElement || (field instanceof HTMLInputElement && field.type === "number");

/** Where a field's messages go: after it, or after the label that wraps it. */
function placeAfter(field) {
  const label = field.closest("label");
  return label && label.contains(field) && !(field instanceof HTMLFieldSetElement) ? label : field;
}

// ---- attaching ------------------------------------------------------------

/**
 * Checks `form` as the user types and shows what falls short beside each
 * field. Returns the attachment; `detach()` leaves the form as it was.
 */
export function attach(form, options = {}) {
  if (!(form instanceof HTMLFormElement)) throw new TypeError("enhance-qa/form: attach() needs a <form> element");
  const { kind, render = true, fixes = true, transform, onReport, onFix } = options;
  let checker = options.checker;
  const ownChecker = !checker;
  if (ownChecker) {
    try {
      checker = new Checker({ locale: options.locale, profile: options.profile });
    } catch (e) {
      if (e instanceof TypeError) throw new Error('enhance-qa/form: call `await init()` from "enhance-qa" before attach()');
      throw e;
    }
  }
  // The words around the messages, in the checker's locale.
  const labels = checker.labels();

  const marked = new Map(); // field → {list, signature, invalid, describedby}
  const undoStack = [];
  let summary = null;
  let ownSummary = false;
  if (render && options.summary !== false) {
    if (options.summary instanceof HTMLElement) summary = options.summary;
    else {
      summary = el("div", "eqa-summary");
      summary.hidden = true;
      form.prepend(summary);
      ownSummary = true;
    }
  }
  let frame = 0;
  let last = null;
  let lastRead = null;

  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(run);
  };

  function check() {
    if (frame) cancelAnimationFrame(frame);
    frame = 0;
    lastRead = read(form, kind);
    const doc = transform ? transform(lastRead.doc) : lastRead.doc;
    last = checker.check(doc);
    const unplaced = [];
    const byField = new Map();
    for (const d of last.diagnostics) {
      const field = anchorFor(d.path, lastRead);
      if (!field) unplaced.push(d);
      else {
        if (!byField.has(field)) byField.set(field, []);
        byField.get(field).push(d);
      }
    }
    if (render) {
      paint(byField);
      paintSummary(unplaced);
      // Our own changes are not the user's; what onReport changes is.
      observer.takeRecords();
    }
    onReport?.(last, { document: doc, unplaced });
    return last;
  }

  function run() {
    frame = 0;
    check();
  }

  function clear(field) {
    const state = marked.get(field);
    if (!state) return;
    state.list.remove();
    if (control(field)) {
      if (state.invalid === null) field.removeAttribute("aria-invalid");
      else field.setAttribute("aria-invalid", state.invalid);
    }
    const ids = (field.getAttribute("aria-describedby") ?? "").split(/\s+/).filter((id) => id && id !== state.list.id);
    if (ids.length) field.setAttribute("aria-describedby", ids.join(" "));
    else field.removeAttribute("aria-describedby");
    marked.delete(field);
  }

  function paint(byField) {
    for (const field of [...marked.keys()]) {
      if (!byField.has(field) || !field.isConnected) clear(field);
    }
    for (const [field, diagnostics] of byField) {
      diagnostics.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
      const text = isText(field) ? field.value : "";
      const signature = JSON.stringify([diagnostics, diagnostics.some((d) => d.span) ? text : ""]);
      let state = marked.get(field);
      if (state && state.signature === signature && state.list.isConnected) continue;
      if (!state) {
        const list = el("ul", "eqa-messages");
        list.id = `eqa-${++lists}`;
        state = {
          list,
          signature: "",
          invalid: field.getAttribute("aria-invalid"),
        };
        marked.set(field, state);
        const ids = (field.getAttribute("aria-describedby") ?? "").split(/\s+/).filter(Boolean);
        field.setAttribute("aria-describedby", [...ids, list.id].join(" "));
      }
      state.signature = signature;
      state.list.replaceChildren(...diagnostics.map((d) => messageItem(d, field, fixes, applyFix, labels)));
      const place = placeAfter(field);
      if (state.list.previousSibling !== place) place.after(state.list);
      if (control(field)) {
        if (diagnostics.some((d) => d.severity !== "info")) field.setAttribute("aria-invalid", "true");
        else if (state.invalid === null) field.removeAttribute("aria-invalid");
        else field.setAttribute("aria-invalid", state.invalid);
      }
    }
  }

  function paintSummary(unplaced) {
    if (!summary) return;
    const items = unplaced.map((d) => {
      const li = el("li", "eqa-message");
      li.dataset.severity = d.severity;
      li.dataset.rule = d.rule;
      li.append(el("span", "eqa-severity", labels[d.severity]), " ");
      if (d.path) li.append(el("code", "eqa-path", d.path), " ");
      li.append(el("span", "eqa-text", d.message));
      return li;
    });
    if (ownSummary) {
      summary.hidden = items.length === 0;
      summary.replaceChildren(...(items.length ? [el("p", "eqa-summary-title", labels.summary), el("ul", "")] : []));
      summary.querySelector("ul")?.append(...items);
    } else {
      summary.querySelector(":scope > ul.eqa-summary")?.remove();
      if (items.length) {
        const ul = el("ul", "eqa-summary");
        ul.append(...items);
        summary.append(ul);
      }
    }
  }

  /** Replaces the span (or the whole value) through the browser's editing, so Ctrl+Z undoes it. */
  function applyFix(field, span, found, value) {
    if (!field.isConnected) return;
    const before = field.value;
    if (isText(field)) {
      const start = span ? span.start : 0;
      const end = span ? span.end : before.length;
      if (span && before.slice(start, end) !== found) return schedule(); // the text moved on since
      field.focus();
      field.setSelectionRange(start, end);
      if (!document.execCommand("insertText", false, value) || field.value === before) {
        field.setRangeText(value, start, end, "end");
        field.dispatchEvent(new Event("input", { bubbles: true }));
      }
    } else {
      field.value = value;
      field.dispatchEvent(new Event("input", { bubbles: true }));
      field.dispatchEvent(new Event("change", { bubbles: true }));
      field.focus();
    }
    const path = pathOf(field.name);
    undoStack.push({ field, before, after: field.value });
    onFix?.({ path, before, after: field.value });
  }

  function undo() {
    const entry = undoStack.pop();
    if (!entry || !entry.field.isConnected || entry.field.value !== entry.after) return false;
    const { field, before } = entry;
    field.focus();
    if (isText(field)) {
      field.select();
      if (!document.execCommand("insertText", false, before) || field.value !== before) {
        field.value = before;
        field.dispatchEvent(new Event("input", { bubbles: true }));
      }
    } else {
      field.value = before;
      field.dispatchEvent(new Event("input", { bubbles: true }));
      field.dispatchEvent(new Event("change", { bubbles: true }));
    }
    return true;
  }

  function focus(path, span) {
    const found = anchorFor(path, lastRead ?? read(form, kind));
    if (!found) return false;
    const target = control(found) ? found : found.querySelector("input, select, textarea, button, [tabindex]");
    if (!target) return false;
    target.focus({ preventScroll: true });
    target.scrollIntoView?.({ block: "center", behavior: "auto" });
    if (span && isText(target) && span.end <= target.value.length) target.setSelectionRange(span.start, span.end);
    return true;
  }

  const ours = (node) => {
    const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    return Boolean(element?.closest(OURS));
  };
  const observer = new MutationObserver((records) => {
    const theirs = records.some((r) =>
      r.type === "attributes"
        ? true
        : !ours(r.target) && [...r.addedNodes, ...r.removedNodes].some((n) => !ours(n)),
    );
    if (theirs) schedule();
  });
  observer.observe(form, { subtree: true, childList: true, attributes: true, attributeFilter: ["name", "disabled"] });
  const onReset = () => setTimeout(schedule);
  form.addEventListener("input", schedule);
  form.addEventListener("change", schedule);
  form.addEventListener("reset", onReset);
  check();

  return {
    check,
    get report() {
      return last;
    },
    focus,
    undo,
    detach() {
      observer.disconnect();
      form.removeEventListener("input", schedule);
      form.removeEventListener("change", schedule);
      form.removeEventListener("reset", onReset);
      if (frame) cancelAnimationFrame(frame);
      frame = 0;
      for (const field of [...marked.keys()]) clear(field);
      if (ownSummary) summary.remove();
      else summary?.querySelector(":scope > ul.eqa-summary")?.remove();
      undoStack.length = 0;
      if (ownChecker) checker.free();
    },
  };
}
