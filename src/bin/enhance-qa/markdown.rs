//! The Markdown format: the rule listing as tables, a rule explained as a page.

use crate::human::{applies, group_title, groups, pretty, severity_name};
use enhance_qa::{Applies, Messages, RuleInfo};
use std::io::{self, Write};

/// The listing as documentation: in English, as the README and the criteria are.
pub fn rules(w: &mut impl Write, infos: &[RuleInfo], m: &Messages) -> io::Result<()> {
    writeln!(w, "# enhance-qa rules\n")?;
    writeln!(
        w,
        "Severities are those of the built-in profile `enhance-2026`."
    )?;
    for (group, list) in groups(infos) {
        writeln!(w, "\n## {}\n", group_title(m, group))?;
        writeln!(w, "| id | severity | applies to | checks | source |")?;
        writeln!(w, "|---|---|---|---|---|")?;
        for i in list {
            let applies = if i.applies == Applies::ALL {
                "all".to_string()
            } else {
                let kinds: Vec<&str> = i.applies.kinds().map(|k| k.as_str()).collect();
                kinds.join(", ")
            };
            let esc = |s: &str| s.replace('|', "\\|");
            writeln!(
                w,
                "| `{}` | {} | {applies} | {} | {} |",
                i.id,
                severity_name(m, i.severity),
                esc(i.summary),
                esc(i.source)
            )?;
        }
    }
    Ok(())
}

/// One rule explained as a Markdown page.
pub fn explain(w: &mut impl Write, info: &RuleInfo, m: &Messages) -> io::Result<()> {
    let e = &info.explain;
    writeln!(w, "# `{}`\n", info.id)?;
    writeln!(
        w,
        "{} Severity: {}; reads {}.\n",
        info.summary,
        severity_name(m, info.severity),
        applies(m, info)
    )?;
    writeln!(w, "## What it checks\n\n{}\n", e.checks)?;
    writeln!(w, "## Why\n\n{} Source: {}.\n", e.why, info.source)?;
    writeln!(w, "## How to fix it\n\n{}\n", e.fix)?;
    writeln!(w, "## Fires on\n\n```json\n{}\n```\n", pretty(&e.fires))?;
    writeln!(w, "## Silent on\n\n```json\n{}\n```\n", pretty(&e.silent))?;
    writeln!(w, "## Settings\n")?;
    if e.settings.is_empty() {
        return writeln!(w, "None besides its severity.");
    }
    writeln!(w, "| key | type | default |\n|---|---|---|")?;
    for s in &e.settings {
        let kind = serde_json::to_value(s.kind).unwrap_or_default();
        writeln!(
            w,
            "| `{}` | {} | `{}` |",
            s.key,
            kind.as_str().unwrap_or_default(),
            s.default
        )?;
    }
    Ok(())
}
