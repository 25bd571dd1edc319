//! Society rules (`society.*`).

use crate::rule::{Applies, Context, Group, Out, Rule};

pub const RULES: &[Rule] = &[SDG_MISSING];

pub const SDG_MISSING: Rule = Rule {
    id: "society.sdg-missing",
    group: Group::Society,
    applies: Applies::ALL,
    summary: "The unit names no UN Sustainable Development Goal it contributes to.",
    source: "ENHANCE alliance mission statement; UN 2030 Agenda",
    settings: &[],
    check: sdg_missing,
};

fn sdg_missing(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    // Missing or `[]` (the reader makes both missing); a list whose goals are
    // all of the wrong type, or `sdgs` itself, has its `schema.type` diagnostic.
    // A BIP may name its societal challenge instead (EPG: challenge-based learning).
    if cx.doc.sdgs.is_missing() && cx.doc.bip.challenge.is_none() {
        let message = out.message("society.sdg-missing", &[]);
        out.emit("/sdgs".into(), message);
    }
}
