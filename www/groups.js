// Repeating groups: rows are added, removed and moved, then every control is
// renamed by its row's new position, so names always match the document.
import { blankRows } from "./build.js";

const rowsOf = (container) => [...container.children].filter((c) => c.classList.contains("row"));

/** Positions (0-based) of the rows that hold `el`, outermost first. */
function positions(el) {
  const out = [];
  for (let row = el.closest(".row"); row; row = row.parentElement.closest(".row")) {
    out.unshift(rowsOf(row.parentElement).indexOf(row));
  }
  return out;
}

const fill = (pattern, at) => pattern.replace(/#(\d+)/g, (_, d) => at[Number(d)]);

/** Renames every control and renumbers every row label below `root`. */
export function renumber(root) {
  for (const el of root.querySelectorAll("[data-name]")) {
    const name = fill(el.dataset.name, positions(el));
    if (el.getAttribute("name") !== name) el.setAttribute("name", name);
  }
  for (const el of root.querySelectorAll("[data-text]")) {
    const at = positions(el);
    const text = el.dataset.text.replace("#", String(at.at(-1) + 1));
    if (el.textContent !== text) el.textContent = text;
  }
  for (const rows of root.querySelectorAll(".rows")) {
    const noun = rows.closest("fieldset.list").dataset.noun;
    const all = rowsOf(rows);
    all.forEach((row, i) => {
      const tools = row.querySelector(":scope > .row-tools");
      const [up, down, remove] = tools.children;
      up.setAttribute("aria-label", `Move ${noun} ${i + 1} up`);
      down.setAttribute("aria-label", `Move ${noun} ${i + 1} down`);
      remove.setAttribute("aria-label", `Remove ${noun} ${i + 1}`);
      up.disabled = i === 0;
      down.disabled = i === all.length - 1;
    });
  }
}

/** Adds an empty row at the end of `list` (a fieldset.list) and returns it. */
export function addRow(list) {
  const row = list.makeRow();
  list.querySelector(":scope > .rows").append(row);
  blankRows(row);
  return row;
}

// A row's messages (placed after it by enhance-qa/form) travel with it.
const withMessages = (row) => {
  const next = row.nextElementSibling;
  return next?.classList.contains("eqa-messages") ? [row, next] : [row];
};

function firstControl(root) {
  return root.querySelector("input, select, textarea");
}

/**
 * Handles the add, move and remove buttons of every list in `form`. After
 * each change the form is renamed and an "eqa-rows" event says which list
 * changed and which rows it had before (so references can follow).
 */
export function wireGroups(form) {
  form.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-action]");
    if (!button || !form.contains(button)) return;
    const action = button.dataset.action;
    const list = button.closest("fieldset.list");
    const container = list.querySelector(":scope > .rows");
    const before = rowsOf(container);
    let focusTarget = null;
    if (action === "add") {
      const row = addRow(list);
      focusTarget = firstControl(row);
    } else {
      const row = button.closest(".row");
      const at = before.indexOf(row);
      if (action === "remove") {
        const next = before[at + 1] ?? before[at - 1];
        for (const node of withMessages(row)) node.remove();
        focusTarget = next ? firstControl(next) ?? list.querySelector(":scope > .add") : list.querySelector(":scope > .add");
      } else {
        const other = before[action === "up" ? at - 1 : at + 1];
        if (!other) return;
        if (action === "up") other.before(...withMessages(row));
        else withMessages(other).at(-1).after(...withMessages(row));
        focusTarget = button;
      }
    }
    renumber(form);
    form.dispatchEvent(new CustomEvent("eqa-rows", { detail: { list, before } }));
    if (focusTarget) {
      // A moved button loses focus in some browsers; put it back, or on the next row when disabled.
      const target = focusTarget.disabled ? focusTarget.parentElement.querySelector("button:not(:disabled)") : focusTarget;
      target?.focus();
    }
  });
}

/** The rows of a top-level list of the form (their order is the numbering), by its key. */
export function listRows(form, key) {
  const list = [...form.querySelectorAll(`fieldset.list-${key}`)].find((l) => !l.parentElement.closest(".row"));
  return list ? rowsOf(list.querySelector(":scope > .rows")) : [];
}

/**
 * Keeps every reference box set (assessment outcomes, a component's
 * contributes_to, a BIP's virtual outcomes and assessments) at one box per
 * row of the list it refers to. `before` (the rows of the list `changed`
 * before a move or removal) lets ticks follow their row to its new number.
 * Ticks for numbers beyond the list are kept, so no reference is lost.
 */
export function syncRefs(form, before = null, changed = "learning_outcomes") {
  const rowsBySource = new Map();
  for (const box of form.querySelectorAll("fieldset.refs")) {
    const source = box.dataset.source ?? "learning_outcomes";
    if (!rowsBySource.has(source)) rowsBySource.set(source, listRows(form, source));
    const rows = rowsBySource.get(source);
    const moved = source === changed ? before : null;
    const options = box.querySelector(".options");
    let ticked = [...options.querySelectorAll("input:checked")].map((i) => Number(i.value));
    if (moved) {
      ticked = ticked
        .map((n) => (moved[n - 1] ? rows.indexOf(moved[n - 1]) + 1 || null : n))
        .filter((n) => n !== null);
    }
    const count = Math.max(rows.length, ...ticked, 0);
    const have = [...options.querySelectorAll("input")].map((i) => Number(i.value));
    const same = have.length === count && have.every((n, i) => n === i + 1);
    if (same && !moved) continue;
    if (same) {
      for (const input of options.querySelectorAll("input")) input.checked = ticked.includes(Number(input.value));
      continue;
    }
    setRefs(box, count, rows.length, ticked);
  }
  for (const box of form.querySelectorAll("fieldset.refs")) {
    box.querySelector(".refs-empty").hidden = box.querySelector(".options").children.length > 0;
  }
}

/** Rebuilds one box set: 1…count, those beyond `known` marked as missing rows. */
export function setRefs(box, count, known, ticked) {
  const options = box.querySelector(".options");
  const pattern = box.dataset.refs;
  const noun = (box.dataset.source ?? "learning_outcomes") === "learning_outcomes" ? "outcome" : "assessment";
  const boxes = [];
  for (let n = 1; n <= count; n++) {
    const input = document.createElement("input");
    input.type = "checkbox";
    input.value = String(n);
    input.dataset.type = "number";
    input.dataset.name = pattern;
    input.checked = ticked.includes(n);
    const label = document.createElement("label");
    label.className = n > known ? "chip missing" : "chip";
    const text = document.createElement("span");
    text.textContent = n > known ? `${n} (no such ${noun})` : String(n);
    const hidden = document.createElement("span");
    hidden.className = "visually-hidden";
    hidden.textContent = noun === "outcome" ? "Outcome " : "Assessment ";
    label.append(input, hidden, text);
    boxes.push(label);
  }
  options.replaceChildren(...boxes);
  renumber(box);
  box.querySelector(".refs-empty").hidden = count > 0;
}
