//! Recognising codes in log text: a pure function of bytes, with no I/O, so that fuzzers and
//! other tools can call it directly.

use std::ops::Range;

use regex::bytes::{CaptureLocations, Regex, RegexBuilder};

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

/// A code found in a line: the code, where the whole match is, and where the code's digits are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The code.
    pub code: u32,
    /// The byte range of the whole match (`errcode=3530`).
    pub matched: Range<usize>,
    /// The byte range of the code itself (`3530`).
    pub code_at: Range<usize>,
}

/// Finds codes in text with a regular expression; see [`DEFAULT_PATTERN`].
///
/// ```
/// use ecodes_cli::scan::Matcher;
///
/// let matcher = Matcher::new(ecodes_cli::scan::DEFAULT_PATTERN).unwrap();
/// let codes: Vec<u32> = matcher
///     .codes_in_line(b"mirror failed: errcode=3530, then E4008 [3524]")
///     .iter()
///     .map(|found| found.code)
///     .collect();
/// assert_eq!(codes, [3530, 4008, 3524]);
/// assert!(matcher.codes_in_line(b"sent 3530 blocks").is_empty());
/// ```
#[derive(Debug, Clone)]
pub struct Matcher {
    regex: Regex,
    pattern: String,
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
        Ok(Matcher {
            regex,
            pattern: pattern.to_owned(),
        })
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
    /// let codes = |line: &[u8]| -> Vec<u32> {
    ///     matcher.codes_in_line(line).iter().map(|found| found.code).collect()
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
        self.regex.shortest_match_at(haystack, from)
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
        let locations = &mut locations.0;
        let mut at = start;
        while at <= haystack.len() {
            let Some(matched) = self.regex.captures_read_at(locations, haystack, at) else {
                break;
            };
            let group = (1..locations.len()).find_map(|group| locations.get(group));
            if let Some((code_start, code_end)) = group {
                if let Some(code) = parse_code(&haystack[code_start..code_end]) {
                    found.push(Found {
                        code,
                        matched: matched.range(),
                        code_at: code_start..code_end,
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
fn parse_code(digits: &[u8]) -> Option<u32> {
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

    fn codes(matcher: &Matcher, line: &str) -> Vec<u32> {
        matcher
            .codes_in_line(line.as_bytes())
            .iter()
            .map(|found| found.code)
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
            assert_eq!(codes(&matcher, line), [0u32; 0], "{line:?}");
        }
    }

    #[test]
    fn finds_every_code_on_a_line_with_positions() {
        let matcher = standard();
        let found = matcher.codes_in_line(b"E4008 then errcode=3530 and [3524]");
        let summary: Vec<(u32, &[u8])> = found
            .iter()
            .map(|f| {
                (
                    f.code,
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
            [0u32; 0]
        );
        assert_eq!(codes(&standard(), "errcode=4294967295"), [u32::MAX]);
    }

    #[test]
    fn invalid_utf8_and_binary_junk_do_not_matter() {
        let matcher = standard();
        let line = b"\xff\xfe\x00\x01 errcode=3530 \xc3\x28 E4008\x00\x9f";
        let found: Vec<u32> = matcher.codes_in_line(line).iter().map(|f| f.code).collect();
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
