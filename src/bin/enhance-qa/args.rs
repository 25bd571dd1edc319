//! The command line: its commands and options, with `--help` on each.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Checks course descriptions and programme proposals against the ENHANCE
/// alliance criteria.
#[derive(Parser)]
#[command(
    name = "enhance-qa",
    version,
    after_help = "Exit status: 0 no errors, 1 at least one error diagnostic, \
                  2 a usage, file or JSON problem (or a path that holds no document)."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Checks documents: JSON files (one document or an array of documents)
    /// or folders (every *.json below them), in parallel. Documents checked
    /// together are also checked against each other (course codes, credits
    /// and levels across the catalogue).
    Check(CheckArgs),
    /// Lists every rule with its severity and summary.
    Rules(RulesArgs),
    /// Explains a rule: what it checks, why, how to fix a finding, a firing
    /// and a silent example, and its settings.
    Explain(ExplainArgs),
}

#[derive(clap::Args)]
pub struct CheckArgs {
    /// A profile that extends the built-in one (JSON).
    #[arg(long, value_name = "FILE")]
    pub profile: Option<PathBuf>,
    /// The language of the messages: en, de, pl, it, sv, nb, nn or es
    /// (de-DE, DE and de_AT alike); English, with a notice, for any other.
    #[arg(long, value_name = "LL", default_value = "en")]
    pub locale: String,
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,
    /// JSON files or folders.
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    Human,
    Json,
    Sarif,
}

#[derive(clap::Args)]
pub struct RulesArgs {
    /// The language of the summaries (Markdown stays English, as documentation).
    #[arg(long, value_name = "LL", default_value = "en")]
    pub locale: String,
    #[arg(long, value_enum, default_value_t = ListFormat::Human)]
    pub format: ListFormat,
}

#[derive(clap::Args)]
pub struct ExplainArgs {
    /// A rule id such as lo.vague-verb.
    #[arg(value_name = "RULE")]
    pub rule: String,
    #[arg(long, value_enum, default_value_t = ListFormat::Human)]
    pub format: ListFormat,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Human,
    Json,
    Markdown,
}
