//! Lint warnings: things that are valid in a catalog but probably not what its authors want.
//!
//! [`crate::parse`] rejects what cannot be compiled; [`lint`] points at what compiles but leaves
//! an operator without help: rows with no text, text in one language only, blank severities, and
//! subsystems whose code ranges overlap, so that a code's number no longer tells its subsystem.
//! Every tool (the `ecodes check` command, CI scripts, editors) calls this one function, so they
//! all warn about the same things in the same words.

use core::fmt;
use core::str::FromStr;

use crate::{Catalog, CodeRange, Entry};

/// One kind of lint warning. Each has a kebab-case [`name`](Lint::name) that tools accept to
/// allow (silence) it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lint {
    /// A row with no message in any language: an operator who sees the code learns nothing.
    NoMessage,
    /// A message or help text present in one language but blank in another.
    MissingTranslation,
    /// A row whose severity cell is blank.
    BlankSeverity,
    /// Two subsystems whose code ranges (lowest to highest code) overlap.
    InterleavedRanges,
    /// A code lying inside another subsystem's range (lowest to highest code).
    OutOfRange,
}

impl Lint {
    /// Every lint, in the order tools report their counts.
    pub const ALL: [Lint; 5] = [
        Lint::NoMessage,
        Lint::MissingTranslation,
        Lint::BlankSeverity,
        Lint::InterleavedRanges,
        Lint::OutOfRange,
    ];

    /// The lint's kebab-case name, such as `no-message`.
    pub const fn name(self) -> &'static str {
        match self {
            Lint::NoMessage => "no-message",
            Lint::MissingTranslation => "missing-translation",
            Lint::BlankSeverity => "blank-severity",
            Lint::InterleavedRanges => "interleaved-ranges",
            Lint::OutOfRange => "out-of-range",
        }
    }

    /// A short description of what the lint finds, for summaries and `--help`.
    pub const fn description(self) -> &'static str {
        match self {
            Lint::NoMessage => "rows with no message in any language",
            Lint::MissingTranslation => "texts missing in some languages",
            Lint::BlankSeverity => "rows with a blank severity",
            Lint::InterleavedRanges => "subsystems whose code ranges interleave",
            Lint::OutOfRange => "codes inside another subsystem's range",
        }
    }
}

impl fmt::Display for Lint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.name())
    }
}

/// The error returned when a string names no [`Lint`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseLintError {
    found: String,
}

impl fmt::Display for ParseLintError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown lint `{}`; expected one of ", self.found)?;
        for (index, lint) in Lint::ALL.iter().enumerate() {
            if index > 0 {
                f.write_str(", ")?;
            }
            f.write_str(lint.name())?;
        }
        Ok(())
    }
}

impl std::error::Error for ParseLintError {}

impl FromStr for Lint {
    type Err = ParseLintError;

    /// Parses a lint's kebab-case name; `_` is accepted for `-`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim().replace('_', "-");
        Lint::ALL
            .into_iter()
            .find(|lint| lint.name().eq_ignore_ascii_case(&wanted))
            .ok_or_else(|| ParseLintError {
                found: s.to_owned(),
            })
    }
}

/// One lint warning: which lint, on which line of the catalog, and what it found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LintWarning {
    lint: Lint,
    line: u64,
    message: String,
}

impl LintWarning {
    /// The lint that found this.
    pub fn lint(&self) -> Lint {
        self.lint
    }

    /// The 1-based line of the row the warning is about.
    pub fn line(&self) -> u64 {
        self.line
    }

    /// What was found, without the location.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// Renders the warning as `FILE:LINE: warning: message [lint-name]`.
    ///
    /// ```
    /// let csv = "code,subsystem,name,severity,message_en\n3530,Cdp,FileChecksum,Error,\n";
    /// let catalog = ecodes_catalog::Catalog::from_csv(csv.as_bytes()).unwrap();
    /// let warnings = ecodes_catalog::lint(&catalog);
    /// assert_eq!(
    ///     warnings[0].display_in("codes.csv").to_string(),
    ///     "codes.csv:2: warning: code 3530 (Cdp::FileChecksum) has no message in any language [no-message]",
    /// );
    /// ```
    pub fn display_in<'a>(&'a self, file: &'a str) -> impl fmt::Display + 'a {
        InFile {
            warning: self,
            file,
        }
    }
}

struct InFile<'a> {
    warning: &'a LintWarning,
    file: &'a str,
}

impl fmt::Display for InFile<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: warning: {} [{}]",
            self.file, self.warning.line, self.warning.message, self.warning.lint
        )
    }
}

impl fmt::Display for LintWarning {
    /// Renders `line N: message [lint-name]`; use [`LintWarning::display_in`] to name the file.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {} [{}]", self.line, self.message, self.lint)
    }
}

/// Every lint warning for `catalog`, sorted by line (and by lint within a line).
///
/// ```
/// use ecodes_catalog::{lint, Catalog, Lint};
///
/// let csv = "code,subsystem,name,severity,message_zh,message_en\n\
///            1,A,First,Error,一,One\n\
///            5,A,Last,Error,五,Five\n\
///            3,B,Inside,,三,\n";
/// let catalog = Catalog::from_csv(csv.as_bytes()).unwrap();
/// let found: Vec<(u64, Lint)> = lint(&catalog).iter().map(|w| (w.line(), w.lint())).collect();
/// assert_eq!(found, [
///     (4, Lint::MissingTranslation),
///     (4, Lint::BlankSeverity),
///     (4, Lint::InterleavedRanges),
///     (4, Lint::OutOfRange),
/// ]);
/// ```
pub fn lint(catalog: &Catalog) -> Vec<LintWarning> {
    let mut warnings = Vec::new();
    for entry in catalog.entries() {
        row_lints(catalog, entry, &mut warnings);
    }
    range_lints(catalog, &mut warnings);
    warnings.sort_by_key(|warning| (warning.line, warning.lint));
    warnings
}

/// The name of an entry as code shows it: `code 3530 (Cdp::FileChecksum)`.
fn describe(catalog: &Catalog, entry: &Entry) -> String {
    format!("code {} ({})", entry.written(), catalog.path(entry))
}

/// The lints about one row on its own: no text, missing translations, blank severity.
fn row_lints(catalog: &Catalog, entry: &Entry, warnings: &mut Vec<LintWarning>) {
    let languages = catalog.languages();
    let mut warn = |lint, message| {
        warnings.push(LintWarning {
            lint,
            line: entry.line(),
            message,
        });
    };
    if entry.is_documented() {
        // Only a documented row can lack a translation: a row with no text at all is one
        // `no-message` warning, not one per language.
        for (column, text_of) in [
            (
                "message",
                Entry::message as fn(&Entry, usize) -> Option<&str>,
            ),
            ("help", Entry::help),
        ] {
            let missing: Vec<&str> = (0..languages.len())
                .filter(|&index| text_of(entry, index).is_none())
                .map(|index| languages[index].as_str())
                .collect();
            let present = languages.len() - missing.len();
            if present > 0 && !missing.is_empty() {
                let columns: Vec<String> = missing
                    .iter()
                    .map(|lang| format!("`{column}_{lang}`"))
                    .collect();
                warn(
                    Lint::MissingTranslation,
                    format!(
                        "{} has a {column} in {} but not in {}",
                        describe(catalog, entry),
                        join_present(languages, entry, text_of),
                        columns.join(", ")
                    ),
                );
            }
        }
    } else {
        warn(
            Lint::NoMessage,
            format!(
                "{} has no message in any language",
                describe(catalog, entry)
            ),
        );
    }
    if entry.severity().is_none() {
        warn(
            Lint::BlankSeverity,
            format!(
                "{} has a blank severity; expected one of Info, Warning, Error",
                describe(catalog, entry)
            ),
        );
    }
}

fn join_present(
    languages: &[String],
    entry: &Entry,
    text_of: fn(&Entry, usize) -> Option<&str>,
) -> String {
    let present: Vec<&str> = (0..languages.len())
        .filter(|&index| text_of(entry, index).is_some())
        .map(|index| languages[index].as_str())
        .collect();
    present.join(", ")
}

/// The lints about how subsystems share the code space: overlapping ranges, and the codes that
/// make them overlap.
fn range_lints(catalog: &Catalog, warnings: &mut Vec<LintWarning>) {
    let mut ranges: Vec<CodeRange<'_>> = catalog.ranges().collect();
    ranges.sort_by_key(|range| (range.low(), range.high()));

    // Sorted by lowest code, the ranges that overlap `first` are the ones right after it that
    // start before it ends; the scan stops at the first that does not.
    for (index, first) in ranges.iter().enumerate() {
        for second in ranges[index + 1..]
            .iter()
            .take_while(|second| second.low() <= first.high())
        {
            // Report on the later of the two subsystems in the file: that is where the overlap
            // was introduced.
            let (earlier, later) = if first.subsystem.line() <= second.subsystem.line() {
                (first, second)
            } else {
                (second, first)
            };
            warnings.push(LintWarning {
                lint: Lint::InterleavedRanges,
                line: later.subsystem.line(),
                message: format!(
                    "the codes of subsystem `{}` ({}) interleave with those of subsystem `{}` ({})",
                    later.subsystem.name(),
                    later.written(),
                    earlier.subsystem.name(),
                    earlier.written()
                ),
            });
        }
    }

    // Each code inside the range of another subsystem, once, however many ranges hold it: a
    // catalog whose subsystems all interleave would otherwise get a warning per code and range.
    // Ranges sorted by lowest code let each code stop looking at the first range that starts
    // after it.
    for entry in catalog.entries() {
        let code = entry.key();
        let own = catalog.subsystem_of(entry).name();
        let holders: Vec<&CodeRange<'_>> = ranges
            .iter()
            .take_while(|range| range.low() <= code)
            .filter(|range| code <= range.high() && range.subsystem.name() != own)
            .collect();
        if holders.is_empty() {
            continue;
        }
        let message = if let [one] = holders.as_slice() {
            format!(
                "{} lies inside the range of subsystem `{}` ({})",
                describe(catalog, entry),
                one.subsystem.name(),
                one.written()
            )
        } else {
            let shown: Vec<String> = holders
                .iter()
                .take(3)
                .map(|range| format!("`{}` ({})", range.subsystem.name(), range.written()))
                .collect();
            let more = holders.len().saturating_sub(3);
            let more = if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            };
            format!(
                "{} lies inside the ranges of {} other subsystems: {}{more}",
                describe(catalog, entry),
                holders.len(),
                shown.join(", ")
            )
        };
        warnings.push(LintWarning {
            lint: Lint::OutOfRange,
            line: entry.line(),
            message,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog(rows: &str) -> Catalog {
        let csv =
            format!("code,subsystem,name,severity,message_zh,message_en,help_zh,help_en\n{rows}");
        match Catalog::from_csv(csv.as_bytes()) {
            Ok(catalog) => catalog,
            Err(problems) => panic!("test catalog is invalid: {problems:?}"),
        }
    }

    fn found(catalog: &Catalog) -> Vec<(u64, Lint)> {
        lint(catalog).iter().map(|w| (w.line(), w.lint())).collect()
    }

    #[test]
    fn a_complete_catalog_is_clean() {
        let catalog = catalog(
            "1,A,One,Error,一,One,帮助,Help\n\
             2,A,Two,Info,二,Two,,\n\
             10,B,Ten,Warning,十,Ten,,\n",
        );
        assert_eq!(found(&catalog), []);
    }

    #[test]
    fn a_row_without_text_is_one_no_message_warning() {
        let catalog = catalog("1,A,Undocumented1,Error,,,,\n");
        assert_eq!(found(&catalog), [(2, Lint::NoMessage)]);
    }

    #[test]
    fn names_the_missing_translations() {
        let catalog = catalog("1,A,One,Error,一,,帮助,\n2,A,Two,Error,,Two,,\n");
        let warnings = lint(&catalog);
        let messages: Vec<&str> = warnings.iter().map(LintWarning::message).collect();
        assert_eq!(
            messages,
            [
                "code 1 (A::One) has a message in zh but not in `message_en`",
                "code 1 (A::One) has a help in zh but not in `help_en`",
                "code 2 (A::Two) has a message in en but not in `message_zh`",
            ]
        );
    }

    #[test]
    fn warns_about_each_blank_severity() {
        let catalog = catalog("1,A,One,,一,One,,\n2,A,Two,Info,二,Two,,\n3,A,Three,,三,Three,,\n");
        assert_eq!(
            found(&catalog),
            [(2, Lint::BlankSeverity), (4, Lint::BlankSeverity)]
        );
    }

    #[test]
    fn finds_interleaved_ranges_and_the_codes_that_break_them() {
        // A: 100-300, B: 200-250 (inside A), C: 400-500, D: 450 (inside C).
        let catalog = catalog(
            "100,A,A1,Error,一,One,,\n\
             300,A,A3,Error,三,Three,,\n\
             200,B,B2,Error,二,Two,,\n\
             250,B,B25,Error,二五,TwoFive,,\n\
             400,C,C4,Error,四,Four,,\n\
             500,C,C5,Error,五,Five,,\n\
             450,D,D45,Error,四五,FourFive,,\n",
        );
        let warnings = lint(&catalog);
        let rendered: Vec<String> = warnings
            .iter()
            .map(|w| w.display_in("codes.csv").to_string())
            .collect();
        assert_eq!(
            rendered,
            [
                "codes.csv:4: warning: the codes of subsystem `B` (200-250) interleave with those of subsystem `A` (100-300) [interleaved-ranges]",
                "codes.csv:4: warning: code 200 (B::B2) lies inside the range of subsystem `A` (100-300) [out-of-range]",
                "codes.csv:5: warning: code 250 (B::B25) lies inside the range of subsystem `A` (100-300) [out-of-range]",
                "codes.csv:8: warning: the codes of subsystem `D` (450-450) interleave with those of subsystem `C` (400-500) [interleaved-ranges]",
                "codes.csv:8: warning: code 450 (D::D45) lies inside the range of subsystem `C` (400-500) [out-of-range]",
            ]
        );
    }

    #[test]
    fn a_code_inside_several_ranges_is_one_warning() {
        let catalog = catalog(
            "1,A,A1,Error,一,One,,\n\
             9,A,A9,Error,九,Nine,,\n\
             2,B,B2,Error,二,Two,,\n\
             8,B,B8,Error,八,Eight,,\n\
             5,C,C5,Error,五,Five,,\n",
        );
        let out_of_range: Vec<String> = lint(&catalog)
            .iter()
            .filter(|warning| warning.lint() == Lint::OutOfRange)
            .map(|warning| warning.display_in("codes.csv").to_string())
            .collect();
        assert_eq!(
            out_of_range,
            [
                "codes.csv:4: warning: code 2 (B::B2) lies inside the range of subsystem `A` (1-9) [out-of-range]",
                "codes.csv:5: warning: code 8 (B::B8) lies inside the range of subsystem `A` (1-9) [out-of-range]",
                "codes.csv:6: warning: code 5 (C::C5) lies inside the ranges of 2 other subsystems: `A` (1-9), `B` (2-8) [out-of-range]",
            ]
        );
    }

    #[test]
    fn touching_ranges_do_not_interleave() {
        let catalog =
            catalog("1,A,A1,Error,一,One,,\n5,A,A5,Error,五,Five,,\n6,B,B6,Error,六,Six,,\n");
        assert_eq!(found(&catalog), []);
    }

    #[test]
    fn a_warning_without_a_file_names_its_line_and_lint() {
        let catalog = catalog("1,A,One,,一,One,,\n");
        let rendered: Vec<String> = lint(&catalog).iter().map(ToString::to_string).collect();
        assert_eq!(
            rendered,
            ["line 2: code 1 (A::One) has a blank severity; expected one of Info, Warning, Error \
              [blank-severity]"]
        );
    }

    #[test]
    fn every_lint_has_its_own_description() {
        let descriptions: Vec<&str> = Lint::ALL.iter().map(|lint| lint.description()).collect();
        assert_eq!(
            descriptions,
            [
                "rows with no message in any language",
                "texts missing in some languages",
                "rows with a blank severity",
                "subsystems whose code ranges interleave",
                "codes inside another subsystem's range",
            ]
        );
    }

    #[test]
    fn lint_names_round_trip() {
        for lint in Lint::ALL {
            assert_eq!(lint.name().parse::<Lint>(), Ok(lint));
        }
        assert_eq!("blank_severity".parse::<Lint>(), Ok(Lint::BlankSeverity));
        let err = "typo".parse::<Lint>().unwrap_err().to_string();
        assert!(
            err.starts_with("unknown lint `typo`; expected one of no-message, "),
            "{err}"
        );
    }
}
