//! The human format: reports as lines a person reads, in colour on a
//! terminal; the rule listing; a rule explained.

use crate::Checked;
use enhance_qa::{Group, RuleInfo, Severity};
use std::io::{self, Write};

fn paint(colour: bool, code: &str, text: &str) -> String {
    if colour {
        format!("\x1b[{code}m{text}\x1b[0m")
    } else {
        text.to_string()
    }
}

fn severity_label(s: Severity, colour: bool) -> String {
    let code = match s {
        Severity::Error => "1;31",
        Severity::Warning => "1;33",
        Severity::Info => "1;34",
    };
    paint(colour, code, &format!("{:<7}", s.as_str()))
}

fn plural(n: u32, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

pub fn report(
    w: &mut impl Write,
    checked: &[Checked],
    colour: bool,
    problems: usize,
) -> io::Result<()> {
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
        let kind = r.kind.unwrap_or("document");
        writeln!(
            w,
            "{} ({kind}, score {})",
            paint(colour, "1", &name),
            r.score
        )?;
        if r.diagnostics.is_empty() {
            writeln!(w, "  {}", paint(colour, "32", "meets every criterion"))?;
        }
        let width = r
            .diagnostics
            .iter()
            .map(|d| d.path.chars().count().max(1))
            .max()
            .unwrap_or(1);
        for d in &r.diagnostics {
            let path = if d.path.is_empty() { "/" } else { &d.path };
            writeln!(
                w,
                "  {} {:<width$}  {}  {}",
                severity_label(d.severity, colour),
                path,
                paint(colour, "2", d.rule),
                d.message
            )?;
            if !d.suggestions.is_empty() {
                writeln!(
                    w,
                    "  {:<7} {:<width$}  suggestions: {}",
                    "",
                    "",
                    d.suggestions.join(", ")
                )?;
            }
        }
    }
    let mut summary = format!(
        "{} checked: {}, {}, {}",
        plural(checked.len() as u32, "document"),
        plural(errors, "error"),
        plural(warnings, "warning"),
        plural(infos, "info")
    );
    if problems > 0 {
        summary.push_str(&format!(
            "; {} could not be read",
            plural(problems as u32, "file")
        ));
    }
    writeln!(w, "\n{}", paint(colour, "1", &summary))
}

pub fn rules(w: &mut impl Write, infos: &[RuleInfo]) -> io::Result<()> {
    let width = infos.iter().map(|i| i.id.len()).max().unwrap_or(0);
    for (group, list) in groups(infos) {
        writeln!(w, "{}", group.title())?;
        for i in list {
            writeln!(
                w,
                "  {:<width$}  {:<7}  {}",
                i.id,
                severity_name(i.severity),
                i.summary
            )?;
        }
        writeln!(w)?;
    }
    writeln!(
        w,
        "{} rules; severities of the built-in profile enhance-2026.",
        infos.len()
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

pub fn severity_name(s: Option<Severity>) -> &'static str {
    s.map_or("off", Severity::as_str)
}

/// One rule explained, as `enhance-qa explain` prints it.
pub fn explain(w: &mut impl Write, info: &RuleInfo) -> io::Result<()> {
    let e = &info.explain;
    writeln!(
        w,
        "{} ({}, {}; {})\n",
        info.id,
        severity_name(info.severity),
        info.group.title(),
        applies(info)
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
pub fn applies(info: &RuleInfo) -> &'static str {
    match info.applies {
        enhance_qa::Applies::Course => "course descriptions",
        enhance_qa::Applies::Programme => "programme proposals",
        enhance_qa::Applies::Both => "course descriptions and programme proposals",
    }
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
