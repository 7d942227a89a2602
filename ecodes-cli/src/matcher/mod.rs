//! Recognising codes in log text: a pure function of bytes, with no I/O, so that fuzzers and
//! other tools can call it directly.
//!
//! A [`Matcher`] is a regular expression whose capture groups each belong to a [`Part`]: which
//! rule found the code (`keyword`, `written`, `message`, `pattern`), how the captured text becomes
//! a key, and what must be true for it to count. `forms` builds the default parts for a catalog
//! (its keyword forms, written forms and message-confirmed numbers) and `symbols` the catalog's C
//! symbols, found as whole tokens; `--pattern` gives parts of its own.

mod forms;
mod symbols;

use std::ops::Range;
use std::sync::Arc;

use regex::bytes::{CaptureLocations, Regex, RegexBuilder};

pub use forms::{Context, Forms};
pub use symbols::Symbols;

/// Why a pattern cannot be searched for.
#[derive(Debug)]
pub enum PatternError {
    /// Not a valid regular expression.
    Invalid {
        /// The pattern as given.
        pattern: String,
        /// Why the regex crate rejected it.
        source: Box<regex::Error>,
    },
    /// No capture group to take the code from.
    WithoutGroup {
        /// The pattern as given.
        pattern: String,
    },
    /// It matches the empty string, so it would match everywhere.
    MatchesEmpty {
        /// The pattern as given.
        pattern: String,
    },
    /// No pattern was given at all.
    NoPattern,
}

impl core::fmt::Display for PatternError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            PatternError::Invalid { pattern, .. } => write!(f, "invalid --pattern `{pattern}`"),
            PatternError::WithoutGroup { pattern } => write!(
                f,
                "--pattern `{pattern}` has no capture group; put the code in the first group, \
                 as in `code=(\\d+)`"
            ),
            PatternError::MatchesEmpty { pattern } => write!(
                f,
                "--pattern `{pattern}` matches the empty string, so it would match on every line; \
                 make the code's group take at least one digit, as in `code=(\\d+)`"
            ),
            PatternError::NoPattern => f.write_str("no pattern to search for"),
        }
    }
}

impl std::error::Error for PatternError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            PatternError::Invalid { source, .. } => Some(&**source),
            _ => None,
        }
    }
}

/// The pattern `scan` uses unless `--pattern` replaces it.
///
/// It recognises the ways the product's logs write a code, and nothing looser, so that a bare
/// number (`sent 3530 blocks`, a port, a PID) is never taken for one:
///
/// | form | examples |
/// |---|---|
/// | a keyword, a separator, the code | `errcode=3530`, `err=3530`, `error code: 3530`, `ErrorCode 3530`, `errno=3530`, `err_code #3530` |
/// | `E` and the code | `E3530` (not `0xE3530` or `CODE3530`) |
/// | the code in brackets | `[3530]` (not `sshd[3530]`, a syslog PID) |
///
/// Keywords ignore case: `err`, `error`, each optionally followed by `code`, `no` or `num`
/// (joined by nothing, a space, `_` or `-`). The separator is `:`, `=` or `#`, with optional
/// spaces or tabs around it; after a `code`/`no`/`num` keyword, spaces alone will do. Word
/// boundaries are ASCII (`(?-u)`), which keeps the search fast on logs that are not valid UTF-8.
/// The code is the first capture group that took part in the match.
pub const DEFAULT_PATTERN: &str = r"(?-u)(?i:\berr(?:or)?(?:[ _-]?(?:code|no|num))?[ \t]*[:=#][ \t]*|\berr(?:or)?[ _-]?(?:code|no|num)[ \t]+)([0-9]+)\b|\bE([0-9]+)\b|\B\[([0-9]+)\]";

/// How a code was found in a line: what `--explain-match` prints and the `found_by` column says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Rule {
    /// After a keyword that says a code follows: `errcode=3530`, `[Errno 13]`, `(os error 2)`,
    /// `SQLSTATE 23505`, or the product's `E3530` and `[3530]`.
    Keyword,
    /// A C symbol of the catalog's, as a whole token: `SQLITE_BUSY`, `ECONNREFUSED`.
    Symbol,
    /// A number in parentheses, confirmed by the code's own message on the line: `(13:
    /// Permission denied)`, `database is locked (5)`.
    Message,
    /// The code as the catalog writes it, in a notation no other number has: `0xC0000005`,
    /// `ORA-00942`.
    Written,
    /// A `--pattern` or `--add-pattern` of the user's.
    Pattern,
}

impl Rule {
    /// Every rule, in the order summaries list them.
    pub const ALL: [Rule; 5] = [
        Rule::Keyword,
        Rule::Symbol,
        Rule::Message,
        Rule::Written,
        Rule::Pattern,
    ];

    /// The rule's name in output: `keyword`, `symbol`, `message`, `written`, `pattern`.
    pub const fn name(self) -> &'static str {
        match self {
            Rule::Keyword => "keyword",
            Rule::Symbol => "symbol",
            Rule::Message => "message",
            Rule::Written => "written",
            Rule::Pattern => "pattern",
        }
    }
}

/// A code found in a line: its key, where the whole match is, where the code itself is, and the
/// rule that found it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The code's key, as the catalog's entries have it (`Entry::key`).
    pub key: i128,
    /// The byte range of the whole match (`errcode=3530`).
    pub matched: Range<usize>,
    /// The byte range of the code itself (`3530`).
    pub code_at: Range<usize>,
    /// What found it.
    pub rule: Rule,
}

/// How a capture group's text becomes a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Value {
    /// A decimal number that fits in a `u32`: what a `--pattern` captures.
    Unsigned,
    /// A number as a log writes it: decimal, maybe negative, or `0x` and hex digits.
    Number,
    /// A code as the catalog writes it (`0xC0000005`, `ORA-00942`, `22P02`), looked up in any
    /// letter case.
    Written,
}

/// What must be true for a found code to count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Accept {
    /// Any code, known to the catalog or not (`--unknown` reports the others).
    Any,
    /// A code of the catalog's.
    Known,
    /// A code of the catalog's that is no success: its severity is not `Info`. For forms that
    /// print successes too (`status 200`, an access log's status, `00000`).
    Failure,
    /// A code of the catalog's whose message (in any language) is on the line.
    Confirmed,
    /// A code of the catalog's at the start of a message: at the start of the line, or after a
    /// program's name and `: ` (`curl: (7) Failed to connect`).
    Leading,
}

/// The capture groups of one form: which rule it is, how its text becomes a key, and what must
/// hold for it to count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Part {
    /// The rule a code it finds is reported under.
    pub rule: Rule,
    /// How the captured text becomes a key.
    pub value: Value,
    /// What must hold for the code to count.
    pub accept: Accept,
}

impl Part {
    /// A user's `--pattern`: an unsigned decimal number, any code.
    pub const PATTERN: Part = Part {
        rule: Rule::Pattern,
        value: Value::Unsigned,
        accept: Accept::Any,
    };
}

/// Finds codes in text with a regular expression; see [`DEFAULT_PATTERN`].
///
/// ```
/// use ecodes_cli::scan::Matcher;
///
/// let matcher = Matcher::new(ecodes_cli::scan::DEFAULT_PATTERN).unwrap();
/// let codes: Vec<i128> = matcher
///     .codes_in_line(b"mirror failed: errcode=3530, then E4008 [3524]")
///     .iter()
///     .map(|found| found.key)
///     .collect();
/// assert_eq!(codes, [3530, 4008, 3524]);
/// assert!(matcher.codes_in_line(b"sent 3530 blocks").is_empty());
/// ```
#[derive(Debug, Clone)]
pub struct Matcher {
    regex: Regex,
    pattern: String,
    /// The part of each capture group, by group index (group 0, the whole match, has none).
    parts: Vec<Option<Part>>,
    /// What the catalog says of codes, for parts that accept only some; `None` for a bare
    /// `--pattern` matcher, whose parts accept any code.
    context: Option<Arc<Context>>,
    /// The catalog's symbols, found as whole tokens.
    symbols: Option<Arc<Symbols>>,
}

/// Reusable space for the capture groups of one search, so that searching a line allocates
/// nothing.
#[derive(Debug, Clone)]
pub struct Locations(CaptureLocations);

impl Matcher {
    /// Compiles a pattern. `^` and `$` match at line ends; the code is taken from the first
    /// capture group that took part in the match.
    ///
    /// # Errors
    /// [`PatternError::Invalid`] for an invalid regular expression,
    /// [`PatternError::WithoutGroup`] for one without a capture group,
    /// [`PatternError::MatchesEmpty`] for one that matches the empty string.
    pub fn new(pattern: &str) -> Result<Matcher, PatternError> {
        let regex = RegexBuilder::new(pattern)
            .multi_line(true)
            .crlf(true)
            .build()
            .map_err(|source| PatternError::Invalid {
                pattern: pattern.to_owned(),
                source: Box::new(source),
            })?;
        if regex.captures_len() < 2 {
            return Err(PatternError::WithoutGroup {
                pattern: pattern.to_owned(),
            });
        }
        if regex.is_match(b"") {
            return Err(PatternError::MatchesEmpty {
                pattern: pattern.to_owned(),
            });
        }
        let parts = (0..regex.captures_len())
            .map(|group| (group > 0).then_some(Part::PATTERN))
            .collect();
        Ok(Matcher {
            regex,
            pattern: pattern.to_owned(),
            parts,
            context: None,
            symbols: None,
        })
    }

    /// A matcher for the catalog's default forms (`forms`) and `extra` patterns of the user's.
    /// Where one of the user's and a default form match at one place, the user's wins: a
    /// default form that then rejects its code (`ERROR 1062`, whose message is not on the line)
    /// must not hide the user's (`^ERROR (\d+) \(`).
    ///
    /// # Errors
    /// As [`Matcher::new`], for the first extra pattern that fails.
    pub fn for_catalog<S: AsRef<str>>(forms: &Forms, extra: &[S]) -> Result<Matcher, PatternError> {
        let mut pieces: Vec<(String, Vec<Option<Part>>)> = Vec::new();
        for pattern in extra {
            let single = Matcher::new(pattern.as_ref())?;
            pieces.push((
                pattern.as_ref().to_owned(),
                single.parts.into_iter().skip(1).collect(),
            ));
        }
        // ASCII word boundaries and classes (`(?-u)`) keep the fast DFA on logs with non-ASCII
        // text, which a Unicode `\b` makes it give up; a non-ASCII literal (`错误码`) still
        // matches its UTF-8 bytes. A form that needs Unicode (a subsystem's name in another
        // script, under `(?i)`) keeps it, as do the user's patterns.
        pieces.extend(forms.parts().iter().map(|(fragment, part)| {
            let ascii = format!("(?-u:{fragment})");
            let fragment = if regex::bytes::Regex::new(&ascii).is_ok() {
                ascii
            } else {
                fragment.clone()
            };
            (fragment, vec![Some(*part)])
        }));
        let combined: Vec<String> = pieces
            .iter()
            .map(|(fragment, _)| format!("(?:{fragment})"))
            .collect();
        let mut matcher = Matcher::new(&combined.join("|"))?;
        matcher.parts = std::iter::once(None)
            .chain(pieces.into_iter().flat_map(|(_, parts)| parts))
            .collect();
        matcher.pattern = extra
            .iter()
            .map(AsRef::as_ref)
            .chain(std::iter::once("(the catalog's forms)"))
            .collect::<Vec<&str>>()
            .join(" | ");
        matcher.context = Some(forms.context());
        matcher.symbols = forms.symbols();
        Ok(matcher)
    }

    /// A matcher for any of several patterns, each checked on its own first so that an error
    /// names the pattern at fault. Where two match at one position, the first listed wins; the
    /// code is the first capture group of the matching pattern, since the groups of the others
    /// take no part in the match.
    ///
    /// ```
    /// use ecodes_cli::scan::{Matcher, DEFAULT_PATTERN};
    ///
    /// let patterns = [DEFAULT_PATTERN, r"^ERROR (\d+) \(", r"\[MY-0*(\d+)\]"];
    /// let matcher = Matcher::any(&patterns).unwrap();
    /// let codes = |line: &[u8]| -> Vec<i128> {
    ///     matcher.codes_in_line(line).iter().map(|found| found.key).collect()
    /// };
    /// assert_eq!(codes(b"ERROR 1062 (23000): Duplicate entry"), [1062]);
    /// assert_eq!(codes(b"[ERROR] [MY-001062] [Server] dup"), [1062]);
    /// assert_eq!(codes(b"errcode=3530"), [3530]);
    /// ```
    ///
    /// # Errors
    /// As [`Matcher::new`], for the first pattern that fails; [`PatternError::NoPattern`] for no
    /// pattern.
    pub fn any<S: AsRef<str>>(patterns: &[S]) -> Result<Matcher, PatternError> {
        match patterns {
            [] => Err(PatternError::NoPattern),
            [one] => Matcher::new(one.as_ref()),
            several => {
                for pattern in several {
                    Matcher::new(pattern.as_ref())?;
                }
                let combined: Vec<String> = several
                    .iter()
                    .map(|pattern| format!("(?:{})", pattern.as_ref()))
                    .collect();
                let mut matcher = Matcher::new(&combined.join("|"))?;
                matcher.pattern = several
                    .iter()
                    .map(AsRef::as_ref)
                    .collect::<Vec<&str>>()
                    .join(" | ");
                Ok(matcher)
            }
        }
    }

    /// The pattern as given (patterns joined by ` | `).
    pub fn pattern(&self) -> &str {
        &self.pattern
    }

    /// Space for [`Matcher::find_codes`].
    pub fn locations(&self) -> Locations {
        Locations(self.regex.capture_locations())
    }

    /// Where, at or after `from`, the earliest match in `haystack` ends, if there is one: a fast
    /// test that runs over many lines at once, without capture groups. The line that holds that
    /// position is then searched with [`Matcher::find_codes`].
    pub fn earliest_match_end(&self, haystack: &[u8], from: usize) -> Option<usize> {
        let regex = self.regex.shortest_match_at(haystack, from);
        // Only a symbol that ends before the regex's match matters: searching past it would
        // search the same text again on every call, quadratic in a log whose symbols are rare.
        let symbol = self.symbols.as_ref().and_then(|symbols| {
            let until = regex.map_or(haystack.len(), |end| end.min(haystack.len()));
            symbols.earliest_end(&haystack[..until], from)
        });
        match (regex, symbol) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// Appends to `found` every code in `haystack[start..]`. The bytes before `start` are only
    /// context, so that `\b` and `^` see the real byte before the text searched.
    pub fn find_codes(
        &self,
        locations: &mut Locations,
        haystack: &[u8],
        start: usize,
        found: &mut Vec<Found>,
    ) {
        let first = found.len();
        let locations = &mut locations.0;
        let mut at = start;
        while at <= haystack.len() {
            let Some(matched) = self.regex.captures_read_at(locations, haystack, at) else {
                break;
            };
            let group = (1..locations.len()).find_map(|group| Some((group, locations.get(group)?)));
            if let Some((group, (code_start, code_end))) = group {
                let part = self
                    .parts
                    .get(group)
                    .copied()
                    .flatten()
                    .unwrap_or(Part::PATTERN);
                let line = &haystack[start..];
                let before = &haystack[start..matched.start().max(start)];
                let text = &haystack[code_start..code_end];
                if let Some(key) = self.key(part, text, line, before) {
                    found.push(Found {
                        key,
                        matched: matched.range(),
                        code_at: code_start..code_end,
                        rule: part.rule,
                    });
                }
            }
            // Step over an empty match, or it would be found again forever.
            at = if matched.is_empty() {
                matched.end() + 1
            } else {
                matched.end()
            };
        }
        if let Some(symbols) = &self.symbols {
            symbols.find(haystack, start, found);
        }
        // Symbols are searched apart from the rest: keep the line's codes in order, and a code
        // the line gives several ways (`EISDIR: … (errno -21, EISDIR)`) once, where it is first.
        if self.context.is_some() && found.len() > first {
            found[first..].sort_by_key(|found| (found.code_at.start, found.rule));
            let mut seen: Vec<i128> = Vec::new();
            let mut index = first;
            while index < found.len() {
                if seen.contains(&found[index].key) {
                    found.remove(index);
                } else {
                    seen.push(found[index].key);
                    index += 1;
                }
            }
        }
    }

    /// The key of a captured code, if it counts under the part's rule: see [`Accept`].
    fn key(&self, part: Part, text: &[u8], line: &[u8], before: &[u8]) -> Option<i128> {
        match &self.context {
            None => parse_code(text).map(i128::from),
            Some(context) => context.accept(part, text, line, before),
        }
    }

    /// Every code in one line (without its line terminator), with positions in `line`.
    pub fn codes_in_line(&self, line: &[u8]) -> Vec<Found> {
        let mut found = Vec::new();
        self.find_codes(&mut self.locations(), line, 0, &mut found);
        found
    }
}

/// A code is a decimal number that fits in a `u32`; anything else a custom pattern captures
/// (a name, an overflowing number) is not a code.
pub(crate) fn parse_code(digits: &[u8]) -> Option<u32> {
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    std::str::from_utf8(digits).ok()?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn standard() -> Matcher {
        match Matcher::new(DEFAULT_PATTERN) {
            Ok(matcher) => matcher,
            Err(err) => panic!("the default pattern does not compile: {err}"),
        }
    }

    fn codes(matcher: &Matcher, line: &str) -> Vec<i128> {
        matcher
            .codes_in_line(line.as_bytes())
            .iter()
            .map(|found| found.key)
            .collect()
    }

    #[test]
    fn accepts_each_documented_format() {
        let matcher = standard();
        for line in [
            "errcode=3530",
            "rule r1 stopped, errcode = 3530.",
            "ERRCODE:3530",
            "error code: 3530",
            "Error Code 3530",
            "ErrorCode=3530",
            "error_code=3530",
            "err-code #3530",
            "err=3530",
            "err: 3530",
            "errno=3530",
            "mirror failed (E3530)",
            "E3530: file checksum error",
            "[3530] file checksum error",
            "task 7 [3530]",
            "errcode=[3530]",
            "errcode=E3530",
            "\terr=3530\t",
        ] {
            assert_eq!(codes(&matcher, line), [3530], "{line:?}");
        }
    }

    #[test]
    fn rejects_numbers_that_are_not_codes() {
        let matcher = standard();
        for line in [
            "sent 3530 blocks",
            "port 3530 open",
            "sshd[3530]: session opened",
            "pid=3530",
            "code=3530",
            "0xE3530",
            "CODE3530",
            "E3530x",
            "errcode=3530abc",
            "[2024-05-01 10:00:00] started",
            "terror=3530",
            "errcode=",
            "",
        ] {
            assert_eq!(codes(&matcher, line), [0i128; 0], "{line:?}");
        }
    }

    #[test]
    fn finds_every_code_on_a_line_with_positions() {
        let matcher = standard();
        let found = matcher.codes_in_line(b"E4008 then errcode=3530 and [3524]");
        let summary: Vec<(i128, &[u8])> = found
            .iter()
            .map(|f| {
                (
                    f.key,
                    &b"E4008 then errcode=3530 and [3524]"[f.code_at.clone()],
                )
            })
            .collect();
        assert_eq!(
            summary,
            [(4008, &b"4008"[..]), (3530, b"3530"), (3524, b"3524")]
        );
        assert_eq!(found[1].matched, 11..23);
    }

    #[test]
    fn overflowing_numbers_are_not_codes() {
        assert_eq!(
            codes(&standard(), "errcode=99999999999999999999"),
            [0i128; 0]
        );
        assert_eq!(
            codes(&standard(), "errcode=4294967295"),
            [i128::from(u32::MAX)]
        );
    }

    #[test]
    fn invalid_utf8_and_binary_junk_do_not_matter() {
        let matcher = standard();
        let line = b"\xff\xfe\x00\x01 errcode=3530 \xc3\x28 E4008\x00\x9f";
        let found: Vec<i128> = matcher.codes_in_line(line).iter().map(|f| f.key).collect();
        assert_eq!(found, [3530, 4008]);
        let junk: Vec<u8> = (0..=255u8).cycle().take(100_000).collect();
        let _ = matcher.codes_in_line(&junk);
    }

    #[test]
    fn long_lines_are_searched_to_the_end() {
        let matcher = standard();
        let mut line = "x".repeat(1_000_000).into_bytes();
        line.extend_from_slice(b" errcode=3530");
        let found = matcher.codes_in_line(&line);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].code_at, 1_000_009..1_000_013);
    }

    #[test]
    fn context_before_the_start_is_respected() {
        let matcher = standard();
        let mut found = Vec::new();
        // Searching from the `E`: the `X` before it makes `\bE` fail, as it would in the line.
        matcher.find_codes(&mut matcher.locations(), b"XE3530", 1, &mut found);
        assert!(found.is_empty());
        matcher.find_codes(&mut matcher.locations(), b" E3530", 1, &mut found);
        assert_eq!(found.len(), 1);
    }

    #[test]
    fn custom_patterns_take_the_first_group_that_matched() {
        let matcher =
            Matcher::new(r"status=(\d+)|code (\d+)").unwrap_or_else(|err| panic!("{err}"));
        assert_eq!(codes(&matcher, "status=3530 code 4008"), [3530, 4008]);
        let named = Matcher::new(r"rc=(?P<code>\d+)").unwrap_or_else(|err| panic!("{err}"));
        assert_eq!(codes(&named, "rc=7"), [7]);
        // A group that captures something other than a number is not a code.
        let words = Matcher::new(r"code=(\w+)").unwrap_or_else(|err| panic!("{err}"));
        assert_eq!(codes(&words, "code=abc code=12"), [12]);
        // Nor is a number with a sign.
        let signed = Matcher::new(r"rc=([+-]?\d+)").unwrap_or_else(|err| panic!("{err}"));
        assert_eq!(codes(&signed, "rc=+5 rc=-6 rc=7"), [7]);
    }

    #[test]
    fn empty_matches_do_not_loop() {
        // Matching the empty string is refused, but a pattern can still match empty in some
        // places only (`\b` needs a word next to it), which must not loop.
        let matcher = Matcher::new(r"\b(\d*)").unwrap_or_else(|err| panic!("{err}"));
        assert_eq!(codes(&matcher, "a 1 b"), [1]);
        assert!(matches!(
            Matcher::new(r"(\d*)"),
            Err(PatternError::MatchesEmpty { .. })
        ));
    }

    #[test]
    fn the_pattern_is_kept_as_given() {
        assert_eq!(standard().pattern(), DEFAULT_PATTERN);
        let several =
            Matcher::any(&[r"rc=(\d+)", r"status (\d+)"]).unwrap_or_else(|err| panic!("{err}"));
        assert_eq!(several.pattern(), r"rc=(\d+) | status (\d+)");
    }

    #[test]
    fn rejects_bad_patterns() {
        assert!(matches!(
            Matcher::new("("),
            Err(PatternError::Invalid { .. })
        ));
        assert!(matches!(
            Matcher::new(r"\d+"),
            Err(PatternError::WithoutGroup { .. })
        ));
        assert!(matches!(
            Matcher::new(r"(?:\d+)"),
            Err(PatternError::WithoutGroup { .. })
        ));
    }
}
