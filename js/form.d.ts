import type { Checker, Diagnostic, Kind, Profile, Report, Span } from "./enhance_qa.js";

export interface AttachOptions {
  /** Set as the document's `kind` when the form has no field named "kind". */
  kind?: Kind;
  /** Language of the messages, forwarded to `new Checker()`. */
  locale?: string;
  /** A profile extending the alliance baseline, forwarded to `new Checker()`. */
  profile?: Profile;
  /** A checker to use instead of a new one (then `locale` and `profile` are not used). */
  checker?: Checker;
  /** true (default): messages beside the fields; false: nothing is rendered, only `onReport` is called. */
  render?: boolean;
  /**
   * Where findings with no field on the form go (a missing field, the whole
   * document): by default a list at the top of the form; an element to
   * render them into; or false for none (`onReport` receives them as `unplaced`).
   */
  summary?: HTMLElement | false;
  /** true (default): a button per suggestion, which applies it (undoable). */
  fixes?: boolean;
  /** The last step before each check, e.g. to keep fields an imported file had and the form has not. */
  transform?: (document: Record<string, unknown>) => unknown;
  /**
   * Called after every check. Changing the form from here leads to another
   * check, so change it only when something really changed.
   */
  onReport?: (report: Report, detail: { document: unknown; unplaced: Diagnostic[] }) => void;
  /** Called after the user applied a suggested fix. */
  onFix?: (fix: { path: string | null; before: string; after: string }) => void;
}

export interface Attachment {
  /** Checks now (checks otherwise run on input, at most once per animation frame). */
  check(): Report;
  /** The last report, or null before the first check. */
  readonly report: Report | null;
  /** Focuses the field of a JSON Pointer and selects the span in it; false when the form has no such field. */
  focus(path: string, span?: Span): boolean;
  /** Reverts the last suggested fix; false when there is none, or the field changed since. */
  undo(): boolean;
  /** Stops checking and removes every mark and element added; the form is left as it was. */
  detach(): void;
}

/**
 * Checks `form` as the user types: inputs named by path
 * (`learning_outcomes[2]`, `coordinator.email`, `/learning_outcomes/2`),
 * number inputs read as numbers. Call `init()` from "enhance-qa" first.
 */
export function attach(form: HTMLFormElement, options?: AttachOptions): Attachment;

/** The document a form holds, as `attach` reads it. */
export function readForm(form: HTMLFormElement, options?: { kind?: Kind }): Record<string, unknown>;

/** The JSON Pointer a field name stands for ("learning_outcomes[2]" → "/learning_outcomes/2"), or null. */
export function pathOf(name: string): string | null;
