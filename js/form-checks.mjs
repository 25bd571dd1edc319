// The ways a form meets the checker, as the benchmarks time them (js/bench.mjs,
// js/compare.mjs): the same document again (a field that is not a text
// changed), one outcome typed into (a keystroke), every text new (the first
// check of a form, or a catalogue), and the document as JSON text. Each has
// a checker of its own, as each form on a page would; each returns the score.
export function formChecks(Checker, text) {
  const object = JSON.parse(text);
  const typed = JSON.parse(text);
  const fresh = JSON.parse(text);
  const [a, b, c, d] = [new Checker(), new Checker(), new Checker(), new Checker()];
  let n = 0;
  return {
    checks: {
      unchanged: () => a.check(object).score,
      keystroke: () => {
        typed.learning_outcomes[0] = object.learning_outcomes[0] + (n++ % 2 ? "." : " ");
        return b.check(typed).score;
      },
      allNew: () => {
        const suffix = ` ${n++}`;
        fresh.title = object.title + suffix;
        fresh.summary = object.summary + suffix;
        fresh.learning_outcomes = object.learning_outcomes.map((lo) => lo + suffix);
        return c.check(fresh).score;
      },
      checkJson: () => d.checkJson(text).score,
    },
    free: () => [a, b, c, d].forEach((checker) => checker.free()),
  };
}
