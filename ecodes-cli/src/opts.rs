//! The command line, as clap derive definitions only.

use std::fmt::Write as _;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use ecodes_catalog::Lint;

/// Explain, list, search, check, document and find in logs the error codes of an ecodes catalog.
#[derive(Debug, Parser)]
#[command(
    name = "ecodes",
    version,
    arg_required_else_help = true,
    after_help = "\
Examples:
  ecodes explain 3530 E4008 Cdp::FileChecksum   what do these codes mean?
  ecodes scan --summary /var/log/app.log.gz     which codes does this log contain?
  ecodes search 快照                           which codes talk about snapshots?
  ecodes check codes.csv                        is this catalog valid?

Exit status: 0 success, 1 failure (unknown code, invalid catalog, unreadable input),
2 usage error or `check --deny-warnings` with warnings."
)]
pub struct Opts {
    /// Read this catalog instead of the one built into ecodes
    #[arg(long, global = true, value_name = "FILE", env = "ECODES_CATALOG")]
    pub catalog: Option<PathBuf>,

    /// When to colour the output
    #[arg(
        help = "When to colour the output; auto colours a terminal unless NO_COLOR is set",
        long, global = true, value_enum, value_name = "WHEN", default_value_t = ColorWhen::Auto)]
    pub color: ColorWhen,

    /// What to do
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Explain codes as they appear in a log or in code
    #[command(
        about = "Explain codes as they appear in a log or in code: 3530, E3530, FileChecksum, Cdp::FileChecksum",
        after_help = "\
Examples:
  ecodes explain 3530
  ecodes explain E3530 errcode=4008 Cdp::FileChecksum
  ecodes explain NetworkConnection   in every subsystem that has one
  ecodes explain --lang en 3530 --format json

Names and aliases are matched ignoring case and separators, and a C-style prefix the
catalog's names leave out is dropped (ER_DUP_ENTRY finds DupEntry). An unknown code prints
which subsystem's range it falls in and the nearest codes, and the exit status is 1."
    )]
    Explain(ExplainArgs),

    /// List the catalog's codes, optionally of some subsystems or severities
    #[command(after_help = "\
Examples:
  ecodes list
  ecodes list --subsystem Cdp --severity error
  ecodes list --severity none --format csv > unclassified.csv
  ecodes list --lang en --format markdown")]
    List(ListArgs),

    /// Search the messages and help texts of every language, ignoring case
    #[command(after_help = "\
Examples:
  ecodes search checksum
  ecodes search 快照
  ecodes search --lang en virtual machine
  ecodes search mirror --severity error --format json")]
    Search(SearchArgs),

    /// Validate a catalog and lint it
    #[command(
        about = "Validate a catalog and lint it; print every problem as FILE:LINE",
        after_help = check_help()
    )]
    Check(CheckArgs),

    /// Render the catalog as documentation, in the vendor's table layout
    #[command(after_help = "\
Examples:
  ecodes doc > error-codes.md
  ecodes doc --lang en --format html > error-codes.html
  ecodes doc --catalog other/codes.csv --title 'Error codes of X'")]
    Doc(DocArgs),

    /// Compare two versions of a catalog: what changed, and whether it is safe
    #[command(
        about = "Compare two versions of a catalog by code: what changed, and whether it is compatible, breaking or forbidden",
        after_help = "\
Examples:
  ecodes diff old/codes.csv codes.csv
  ecodes diff v6.1:codes.csv codes.csv            a catalog from git: REV:PATH
  ecodes diff HEAD:codes.csv codes.csv --format markdown > release-notes.md
  ecodes diff v6.1:codes.csv codes.csv --allow breaking

Forbidden: a code removed (retire it instead), renumbered, or possibly reused (new name and
new message). Breaking: a variant renamed without keeping its old name as an alias, moved to
another subsystem, or an alias removed. Everything else is compatible.
Exit status: 0 compatible, 1 forbidden changes, 3 breaking changes, 2 usage error."
    )]
    Diff(DiffArgs),

    /// Where the catalog's codes are used in Rust sources, and which codes nothing uses
    #[command(after_help = "\
Examples:
  ecodes usage                       every reference under the current directory
  ecodes usage src tests --unused    the codes that nothing in src or tests names
  ecodes usage --format json

Reads #[ecode(...)] attributes, ecode!(...) calls and paths to the generated enums
(Cdp::FileChecksum, ecodes::Cdp::FileChecksum, an alias), parsed with syn and resolved as the
macros resolve them. .gitignore is honoured. A file that does not parse is reported as
FILE:LINE and skipped, and the exit status is 1.")]
    Usage(UsageArgs),

    /// Find catalog codes in logs (plain or .gz files, or standard input)
    #[command(after_help = "\
Examples:
  ecodes scan /var/log/app.log
  ecodes scan --summary logs/*.log logs/*.gz
  tail -f app.log | ecodes scan --severity error
  ecodes scan --pattern 'status=(\\d+)' app.log
  ecodes scan --add-pattern '^ERROR (\\d+) \\(' mysql-client.log     ERROR 1062 (23000): ...
  ecodes scan --add-pattern '\\[MY-0*(\\d+)\\]' mysqld.log           [MY-001062]

Without --pattern, scan finds the catalog's codes the ways software prints them: after a
keyword (errcode=3530, [Errno 13], SQLSTATE 23505, error -71), as the catalog's symbols
(SQLITE_BUSY, ECONNREFUSED), as a number next to its own message ((13: Permission denied)),
and as the catalog writes them (0xC0000005, ORA-00942). A bare number (sent 3530 blocks, a
port, a pid, a line number) is never a code. --explain-match says which rule found each code.
--pattern replaces these forms and --add-pattern adds to them; both repeat, and each takes
the code from its first capture group that matched. Only codes in the catalog are reported
unless --unknown.")]
    Scan(ScanArgs),

    /// Print a shell completion script
    #[command(after_help = "\
Examples:
  ecodes completions bash > ~/.local/share/bash-completion/completions/ecodes
  ecodes completions zsh > ~/.zfunc/_ecodes
  ecodes completions fish > ~/.config/fish/completions/ecodes.fish")]
    Completions(CompletionsArgs),

    /// Print a manual page (roff), generated from the same definitions as --help
    #[command(after_help = "\
Examples:
  ecodes man | man -l -                     read ecodes(1)
  ecodes man scan | man -l -                read ecodes-scan(1)
  ecodes man > /usr/local/share/man/man1/ecodes.1")]
    Man(ManArgs),
}

/// `ecodes explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// Codes, as they appear in a log or in code
    #[arg(
        help = "Codes, as they appear in a log or in code: 3530, -13, 0xC0000005, ORA-00942, 22P02, E3530, errcode=3530, FileChecksum, Cdp::FileChecksum, an alias; codes and names ignore case, names also separators",
        required = true,
        allow_negative_numbers = true,
        value_name = "CODE"
    )]
    pub codes: Vec<String>,

    /// Output options
    #[command(flatten)]
    pub output: OutputArgs,
}

/// `ecodes list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Which codes
    #[command(flatten)]
    pub filter: FilterArgs,

    /// Output options
    #[command(flatten)]
    pub output: OutputArgs,
}

/// `ecodes search`.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// The text to find; several words are searched for as one phrase
    #[arg(required = true, value_name = "TEXT")]
    pub text: Vec<String>,

    /// Which codes
    #[command(flatten)]
    pub filter: FilterArgs,

    /// Output options
    #[command(flatten)]
    pub output: OutputArgs,
}

/// `ecodes check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The catalog to check [default: --catalog, or ./codes.csv]
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,

    /// Exit with status 2 when there are warnings
    #[arg(long, short = 'D')]
    pub deny_warnings: bool,

    /// List every warning, not one line per lint with its first lines
    #[arg(long, short = 'v')]
    pub verbose: bool,

    /// Also compare the catalog with its version at this git revision, as `ecodes diff` does
    #[arg(long, value_name = "REV")]
    pub baseline: Option<String>,

    /// With --baseline, accept these changes (repeatable): breaking, reused
    #[arg(long, value_enum, value_name = "CHANGE", requires = "baseline")]
    pub allow_change: Vec<AllowChange>,

    /// Do not report this lint (repeatable)
    #[arg(long, short = 'A', value_name = "LINT", value_parser = parse_lint)]
    pub allow: Vec<Lint>,
}

/// `ecodes usage`.
#[derive(Debug, Args)]
pub struct UsageArgs {
    /// Directories or files to read [default: .]
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// List the codes that no reference names instead of the references
    #[arg(long)]
    pub unused: bool,

    /// The output format
    #[arg(long, short = 'f', value_enum, default_value_t = UsageFormat::Table)]
    pub format: UsageFormat,
}

/// `--format` of `usage`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum UsageFormat {
    /// One row per reference (or per unused code), for reading
    Table,
    /// One object: the codes used, with where; the unused codes; references that name none
    Json,
}

/// `ecodes diff`.
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The old catalog: a file, or REV:PATH in the current git repository
    #[arg(value_name = "OLD")]
    pub old: String,

    /// The new catalog: a file, or REV:PATH
    #[arg(value_name = "NEW")]
    pub new: String,

    /// Accept these changes (repeatable): breaking, reused
    #[arg(long, value_enum, value_name = "CHANGE")]
    pub allow: Vec<AllowChange>,

    /// The output format: a table grouped by status, JSON, or Markdown release notes
    #[arg(long, short = 'f', value_enum, default_value_t = DiffFormat::Table)]
    pub format: DiffFormat,

    /// The languages of the Markdown release notes: a catalog language, or all
    #[arg(long, value_name = "LANG", default_value = "all")]
    pub lang: String,
}

/// What `diff --allow` and `check --allow-change` accept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AllowChange {
    /// Breaking changes: renamed or moved variants, removed aliases (exit status 0, not 3)
    Breaking,
    /// A code whose name and message both changed, taken as reworded rather than reused
    Reused,
}

/// `--format` of `diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// Changes grouped by status, for reading
    Table,
    /// One object per change
    Json,
    /// Release notes: new, retired and changed codes
    Markdown,
}

/// `ecodes doc`.
#[derive(Debug, Args)]
pub struct DocArgs {
    /// The language of the texts and headers [default: the catalog's first language]
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,

    /// The output format
    #[arg(long, value_enum, default_value_t = DocFormat::Markdown)]
    pub format: DocFormat,

    /// The document's title [default: 错误代码说明 in Chinese, Error codes otherwise]
    #[arg(long)]
    pub title: Option<String>,

    /// The paragraph under the title [default: how many codes, from which catalog]
    #[arg(long)]
    pub intro: Option<String>,
}

/// `ecodes scan`.
#[derive(Debug, Args)]
pub struct ScanArgs {
    /// Log files, plain or gzip-compressed; `-` or nothing reads standard input
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,

    /// Search for this regular expression instead of the default forms; its first capture group
    /// that matched is the code (repeatable)
    #[arg(long, short = 'e', value_name = "REGEX")]
    pub pattern: Vec<String>,

    /// Search for this regular expression as well as the default forms (or the --pattern ones);
    /// its first capture group that matched is the code (repeatable)
    #[arg(long, value_name = "REGEX")]
    pub add_pattern: Vec<String>,

    /// Count the codes per code, severity and subsystem instead of printing lines
    #[arg(long, short = 's')]
    pub summary: bool,

    /// Also report codes that the pattern finds but the catalog does not have
    #[arg(long)]
    pub unknown: bool,

    /// Say how each code was found: the rule (keyword, symbol, message, written or pattern) and
    /// the text it matched
    #[arg(long, conflicts_with = "summary")]
    pub explain_match: bool,

    /// How many threads scan: one per file for several files, or all on one file's chunks
    #[arg(
        help = "How many threads scan: several files at once, one thread each, or one file's chunks split between them; 1 scans everything on one thread. The output is the same either way [default: the number of cores]",
        long,
        short = 'j',
        value_name = "N",
        value_parser = parse_jobs
    )]
    pub jobs: Option<usize>,

    /// Which codes
    #[command(flatten)]
    pub filter: FilterArgs,

    /// Output options
    #[command(flatten)]
    pub output: OutputArgs,
}

/// `ecodes completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to write completions for
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// `ecodes man`.
#[derive(Debug, Args)]
pub struct ManArgs {
    /// The subcommand whose page to print, ecodes-COMMAND(1); without it, ecodes(1)
    #[arg(value_name = "COMMAND")]
    pub command: Option<String>,
}

/// Which codes `list`, `search` and `scan` consider.
#[derive(Debug, Args)]
pub struct FilterArgs {
    /// Only these subsystems (repeatable, or comma-separated)
    #[arg(long, value_name = "NAME", value_delimiter = ',')]
    pub subsystem: Vec<String>,

    /// Only these severities (repeatable, or comma-separated)
    #[arg(
        long,
        value_enum,
        value_name = "LEVEL",
        value_delimiter = ',',
        ignore_case = true
    )]
    pub severity: Vec<SeverityFilter>,
}

/// How `explain`, `list`, `search` and `scan` print.
#[derive(Debug, Args)]
pub struct OutputArgs {
    /// The languages to show: a catalog language such as zh or en, or all
    #[arg(long, value_name = "LANG", default_value = "all")]
    pub lang: String,

    /// The output format
    #[arg(long, short = 'f', value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

/// `--severity`: a catalog severity, or none for a blank one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SeverityFilter {
    /// Info
    Info,
    /// Warning
    Warning,
    /// Error
    Error,
    /// A blank severity
    #[value(alias = "unspecified", alias = "blank")]
    None,
}

/// `--format` of `explain`, `list`, `search` and `scan`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Aligned columns for reading
    Table,
    /// JSON
    Json,
    /// CSV with a header row
    Csv,
    /// A Markdown table
    Markdown,
}

/// `--format` of `doc`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DocFormat {
    /// Markdown tables, one per subsystem
    Markdown,
    /// One self-contained HTML page
    Html,
}

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    /// Colour a terminal, unless the `NO_COLOR` variable is set
    #[value(help = "Colour a terminal, unless NO_COLOR is set")]
    Auto,
    /// Always colour
    Always,
    /// Never colour
    Never,
}

/// The examples and lints of `check --help`; the lints come from [`Lint::ALL`], so the help
/// cannot fall behind the lints there are.
fn check_help() -> String {
    let mut lints = String::new();
    for lint in Lint::ALL {
        let _ = write!(lints, "\n  {:<20} {}", lint.name(), lint.description());
    }
    format!(
        "\
Examples:
  ecodes check                           checks ./codes.csv
  ecodes check path/to/codes.csv --deny-warnings
  ecodes check --allow blank-severity --allow no-message --deny-warnings
  ecodes check --baseline HEAD           also compare with the last commit

Lints:{lints}

Exit status: 0 no errors, 1 errors or forbidden changes, 2 warnings with --deny-warnings,
3 breaking changes with --baseline."
    )
}

/// `--jobs`: a whole number of threads, at least one.
fn parse_jobs(text: &str) -> Result<usize, String> {
    match text.parse::<usize>() {
        Ok(0) => Err("it must be at least 1 (1 scans the files one after the other)".to_owned()),
        Ok(jobs) => Ok(jobs),
        Err(_) => Err(format!("`{text}` is not a whole number of jobs")),
    }
}

fn parse_lint(text: &str) -> Result<Lint, String> {
    text.parse()
        .map_err(|err: ecodes_catalog::ParseLintError| err.to_string())
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    #[test]
    fn the_command_line_is_consistent() {
        Opts::command().debug_assert();
    }

    #[test]
    fn severity_accepts_the_blank_spellings() {
        for spelling in ["none", "unspecified", "blank", "NONE"] {
            let opts = Opts::try_parse_from(["ecodes", "list", "--severity", spelling]);
            let Ok(Opts {
                command: Command::List(list),
                ..
            }) = opts
            else {
                panic!("`--severity {spelling}` is rejected");
            };
            assert_eq!(list.filter.severity, [SeverityFilter::None]);
        }
    }

    #[test]
    fn check_help_lists_every_lint() {
        let help = Opts::command()
            .find_subcommand_mut("check")
            .map(|check| check.render_long_help().to_string())
            .unwrap_or_default();
        for lint in Lint::ALL {
            assert!(help.contains(lint.name()), "{help}");
            assert!(help.contains(lint.description()), "{help}");
        }
    }

    #[test]
    fn lints_are_parsed_by_name() {
        let opts = Opts::try_parse_from([
            "ecodes",
            "check",
            "-A",
            "no-message",
            "--allow",
            "blank_severity",
        ]);
        let Ok(Opts {
            command: Command::Check(check),
            ..
        }) = opts
        else {
            panic!("lint names are rejected");
        };
        assert_eq!(check.allow, [Lint::NoMessage, Lint::BlankSeverity]);
        assert!(Opts::try_parse_from(["ecodes", "check", "-A", "typo"]).is_err());
    }
}
