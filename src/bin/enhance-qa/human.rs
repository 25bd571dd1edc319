//! The human format: reports as lines a person reads, in colour on a
//! terminal; the rule listing; a rule explained.

use crate::Checked;
use enhance_qa::{Group, Messages, RuleInfo, Severity};
use std::io::{self, Write};

fn paint(colour: bool, code: &str, text: &str) -> String {
    if colour {
        format!("\x1b[{code}m{text}\x1b[0m")
    } else {
        text.to_string()
    }
}

/// A severity as the locale names it (`off` for none).
pub fn severity_name(m: &Messages, s: Option<Severity>) -> String {
    m.render(
        &format!("severity.{}", s.map_or("off", Severity::as_str)),
        &[],
    )
}

/// A criteria group's heading in the locale.
pub fn group_title(m: &Messages, g: Group) -> String {
    m.render(&format!("group.{}", g.as_str()), &[])
}

/// The widest path column: room for the format's deepest paths.
const MAX_PATH_WIDTH: usize = 48;

pub fn report(
    w: &mut impl Write,
    checked: &[Checked],
    colour: bool,
    problems: usize,
    m: &Messages,
) -> io::Result<()> {
    let label = |s: Severity| severity_name(m, Some(s));
    let label_width = [Severity::Error, Severity::Warning, Severity::Info]
        .map(|s| label(s).chars().count())
        .into_iter()
        .max()
        .unwrap_or(7);
    let severity_label = |s: Severity| {
        let code = match s {
            Severity::Error => "1;31",
            Severity::Warning => "1;33",
            Severity::Info => "1;34",
        };
        paint(colour, code, &format!("{:<label_width$}", label(s)))
    };
    let (mut errors, mut warnings, mut infos) = (0, 0, 0);
    for c in checked {
        let r = &c.report;
        errors += r.counts.error;
        warnings += r.counts.warning;
        infos += r.counts.info;
        let name = match c.index {
            Some(i) => format!("{} [{i}]", c.file),
            None => c.file.to_string(),
        };
        let kind = m.render(&format!("kind.{}", r.kind.unwrap_or("document")), &[]);
        let header = m.render(
            "cli.report",
            &[("kind", &kind), ("score", &r.score.to_string())],
        );
        writeln!(w, "{} ({header})", paint(colour, "1", &name))?;
        if r.diagnostics.is_empty() {
            let clean = m.render("cli.clean", &[]);
            writeln!(w, "  {}", paint(colour, "32", &clean))?;
        }
        // Paths line up in a column, but a path longer than any of the
        // format's (a long unknown field name) does not widen every line.
        let width = r
            .diagnostics
            .iter()
            .map(|d| d.path.chars().count().max(1))
            .max()
            .unwrap_or(1)
            .min(MAX_PATH_WIDTH);
        for d in &r.diagnostics {
            let path = if d.path.is_empty() { "/" } else { &d.path };
            writeln!(
                w,
                "  {} {:<width$}  {}  {}",
                severity_label(d.severity),
                path,
                paint(colour, "2", d.rule),
                d.message
            )?;
            if !d.suggestions.is_empty() {
                // Suggestions are values to type, shown as they are (7.5, not 7,5).
                let suggestions = m
                    .render("cli.suggestions", &[("suggestions", "\u{0}")])
                    .replace('\u{0}', &d.suggestions.join(", "));
                writeln!(w, "  {:<label_width$} {:<width$}  {suggestions}", "", "")?;
            }
        }
    }
    let mut summary = m.render(
        "cli.summary",
        &[
            ("documents", &m.count("documents", checked.len() as f64)),
            ("errors", &m.count("errors", errors.into())),
            ("warnings", &m.count("warnings", warnings.into())),
            ("infos", &m.count("infos", infos.into())),
        ],
    );
    if problems > 0 {
        let files = m.count("files", problems as f64);
        summary.push_str(&m.render("cli.summary.unreadable", &[("files", &files)]));
    }
    writeln!(w, "\n{}", paint(colour, "1", &summary))
}

pub fn rules(
    w: &mut impl Write,
    infos: &[RuleInfo],
    m: &Messages,
    profile: &str,
) -> io::Result<()> {
    let width = infos.iter().map(|i| i.id.len()).max().unwrap_or(0);
    let label_width = infos
        .iter()
        .map(|i| severity_name(m, i.severity).chars().count())
        .max()
        .unwrap_or(7);
    for (group, list) in groups(infos) {
        writeln!(w, "{}", group_title(m, group))?;
        for i in list {
            writeln!(
                w,
                "  {:<width$}  {:<label_width$}  {}",
                i.id,
                severity_name(m, i.severity),
                m.summary(i.id, i.summary)
            )?;
        }
        writeln!(w)?;
    }
    let rules = m.count("rules", infos.len() as f64);
    let profile = m.quoted(profile);
    writeln!(
        w,
        "{}",
        m.render("cli.rules", &[("rules", &rules), ("profile", &profile)])
    )
}

/// The rules by group, in listing order.
pub fn groups(infos: &[RuleInfo]) -> Vec<(Group, Vec<&RuleInfo>)> {
    let mut out: Vec<(Group, Vec<&RuleInfo>)> = Vec::new();
    for info in infos {
        match out.iter_mut().find(|(g, _)| *g == info.group) {
            Some((_, list)) => list.push(info),
            None => out.push((info.group, vec![info])),
        }
    }
    out
}

/// One rule explained, as `enhance-qa explain` prints it (in English, as
/// the explanations are written).
pub fn explain(w: &mut impl Write, info: &RuleInfo, m: &Messages) -> io::Result<()> {
    let e = &info.explain;
    writeln!(
        w,
        "{} ({}, {}; {})\n",
        info.id,
        severity_name(m, info.severity),
        group_title(m, info.group),
        applies(m, info)
    )?;
    writeln!(w, "{}\n", info.summary)?;
    writeln!(w, "What it checks\n  {}\n", e.checks)?;
    writeln!(w, "Why\n  {}\n  Source: {}\n", e.why, info.source)?;
    writeln!(w, "How to fix it\n  {}\n", e.fix)?;
    writeln!(w, "Fires on\n{}\n", indent(&pretty(&e.fires)))?;
    writeln!(w, "Silent on\n{}\n", indent(&pretty(&e.silent)))?;
    if e.settings.is_empty() {
        writeln!(w, "Settings\n  none besides its severity")
    } else {
        writeln!(w, "Settings (in the rule's profile entry, with defaults)")?;
        for s in &e.settings {
            let kind = serde_json::to_value(s.kind).unwrap_or_default();
            writeln!(
                w,
                "  {:<24} {:<8}  {}",
                s.key,
                kind.as_str().unwrap_or_default(),
                s.default
            )?;
        }
        Ok(())
    }
}

/// Which documents a rule reads, in words.
pub fn applies(m: &Messages, info: &RuleInfo) -> String {
    if info.applies == enhance_qa::Applies::ALL {
        return m.render("applies.all", &[]);
    }
    let words: Vec<String> = info
        .applies
        .kinds()
        .map(|k| m.render(&format!("applies.{}", k.as_str()), &[]))
        .collect();
    words.join(", ")
}

/// An example document as indented JSON.
pub fn pretty(example: &str) -> String {
    serde_json::from_str::<serde_json::Value>(example)
        .and_then(|v| serde_json::to_string_pretty(&v))
        .unwrap_or_else(|_| example.to_string())
}

fn indent(text: &str) -> String {
    text.lines()
        .map(|l| format!("  {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}
