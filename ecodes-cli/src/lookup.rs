//! Resolving what a user types or pastes from a log (`3530`, `E3530`, `errcode=3530`,
//! `FileChecksum`, `Cdp::FileChecksum`) to catalog entries.

use core::fmt;

use ecodes_catalog::Entry;

use crate::catalog::Loaded;
use crate::scan::{Matcher, DEFAULT_PATTERN};

/// What one token refers to.
#[derive(Debug)]
pub enum Lookup<'c> {
    /// One or more entries: a name may exist in several subsystems, and a log excerpt may hold
    /// several codes.
    Found(Vec<&'c Entry>),
    /// Nothing in the catalog; the reason says what is known about it.
    Missing(Missing),
}

/// Why a token refers to nothing, with what helps the user on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Missing {
    /// A number that is not a code of the catalog.
    Code {
        /// The code.
        code: u32,
        /// Subsystems whose range (lowest to highest code) contains it: `(name, low, high)`.
        ranges: Vec<(String, u32, u32)>,
    },
    /// A name (or `Subsystem::Name`) that is not in the catalog.
    Name {
        /// The name as typed.
        name: String,
        /// The closest known `Subsystem::Name`, if one is close.
        suggestion: Option<String>,
        /// Set when the name is a subsystem's.
        is_subsystem: bool,
    },
    /// Something that is neither a code nor a name.
    Unrecognised(String),
}

impl fmt::Display for Missing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Missing::Code { code, ranges } => {
                write!(f, "{code} is not in the catalog")?;
                match ranges.as_slice() {
                    [] => f.write_str(", and no subsystem's range contains it"),
                    [(name, low, high)] => write!(
                        f,
                        "; it falls in the range of subsystem {name} ({low}-{high})"
                    ),
                    several => {
                        let names: Vec<String> = several
                            .iter()
                            .map(|(name, low, high)| format!("{name} ({low}-{high})"))
                            .collect();
                        write!(
                            f,
                            "; it falls in the ranges of subsystems {}",
                            names.join(", ")
                        )
                    }
                }
            }
            Missing::Name {
                name,
                suggestion,
                is_subsystem,
            } => {
                if *is_subsystem {
                    return write!(
                        f,
                        "`{name}` is a subsystem, not a code; `ecodes list --subsystem {name}` lists its codes"
                    );
                }
                write!(f, "no code is named `{name}`")?;
                if let Some(suggestion) = suggestion {
                    write!(f, " (did you mean `{suggestion}`?)")?;
                }
                Ok(())
            }
            Missing::Unrecognised(token) => write!(
                f,
                "`{token}` is not a code; expected a number such as 3530 or E3530, a name such as \
                 FileChecksum or Cdp::FileChecksum, or a log excerpt such as errcode=3530"
            ),
        }
    }
}

/// Resolves one token against the catalog.
pub fn lookup<'c>(loaded: &'c Loaded, token: &str) -> Lookup<'c> {
    let token = token.trim();
    if let Some(code) = as_code(token) {
        return match code.parse::<u32>() {
            Ok(code) => by_code(loaded, code),
            Err(_) => Lookup::Missing(Missing::Unrecognised(token.to_owned())),
        };
    }
    if is_path(token) {
        return by_name(loaded, token);
    }
    // Something pasted from a log: `errcode=3530`, `[3530]`, `error code: 3530`...
    if let Ok(matcher) = Matcher::new(DEFAULT_PATTERN) {
        let found = matcher.codes_in_line(token.as_bytes());
        if let [only] = found.as_slice() {
            return by_code(loaded, only.code);
        }
        if !found.is_empty() {
            let entries: Vec<&Entry> = found
                .iter()
                .filter_map(|found| loaded.find(found.code).map(|(_, entry)| entry))
                .collect();
            if !entries.is_empty() {
                return Lookup::Found(entries);
            }
            return by_code(loaded, found[0].code);
        }
    }
    Lookup::Missing(Missing::Unrecognised(token.to_owned()))
}

/// The digits of `3530`, `E3530` or `e3530`.
fn as_code(token: &str) -> Option<&str> {
    let digits = token.strip_prefix(['E', 'e']).unwrap_or(token);
    (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())).then_some(digits)
}

/// `Name`, `Subsystem::Name`, or a longer path such as `ecodes::Cdp::FileChecksum`.
fn is_path(token: &str) -> bool {
    !token.is_empty()
        && token.split("::").all(|segment| {
            segment
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
                && segment
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_')
        })
}

fn by_code(loaded: &Loaded, code: u32) -> Lookup<'_> {
    if let Some((_, entry)) = loaded.find(code) {
        return Lookup::Found(vec![entry]);
    }
    let ranges = loaded
        .ranges_containing(code)
        .map(|range| {
            (
                loaded.subsystem(range.subsystem).name().to_owned(),
                range.low,
                range.high,
            )
        })
        .collect();
    Lookup::Missing(Missing::Code { code, ranges })
}

fn by_name<'c>(loaded: &'c Loaded, path: &str) -> Lookup<'c> {
    let mut segments: Vec<&str> = path.split("::").collect();
    let name = segments.pop().unwrap_or_default();
    let subsystem = segments.pop();
    let catalog = loaded.catalog();

    // Exact spelling first; then ignoring case, for names typed by hand.
    for exact in [true, false] {
        let same = |a: &str, b: &str| {
            if exact {
                a == b
            } else {
                a.eq_ignore_ascii_case(b)
            }
        };
        let entries: Vec<&Entry> = catalog
            .entries()
            .iter()
            .filter(|entry| same(entry.name(), name))
            .filter(|entry| {
                subsystem.is_none_or(|wanted| same(loaded.subsystem_name(entry), wanted))
            })
            .collect();
        if !entries.is_empty() {
            return Lookup::Found(entries);
        }
    }

    let is_subsystem = subsystem.is_none()
        && catalog
            .subsystems()
            .iter()
            .any(|known| known.name().eq_ignore_ascii_case(name));
    let wanted = match subsystem {
        Some(subsystem) => format!("{subsystem}::{name}"),
        None => name.to_owned(),
    };
    let candidates: Vec<String> = catalog
        .entries()
        .iter()
        .map(|entry| {
            if subsystem.is_some() {
                format!("{}::{}", loaded.subsystem_name(entry), entry.name())
            } else {
                entry.name().to_owned()
            }
        })
        .collect();
    let suggestion = crate::error::closest(&wanted, &candidates).map(|close| {
        // Name the subsystem too, so the suggestion can be pasted back as it is.
        catalog
            .entries()
            .iter()
            .find(|entry| {
                entry.name() == close
                    || format!("{}::{}", loaded.subsystem_name(entry), entry.name()) == close
            })
            .map_or_else(
                || close.to_owned(),
                |entry| format!("{}::{}", loaded.subsystem_name(entry), entry.name()),
            )
    });
    Lookup::Missing(Missing::Name {
        name: path.to_owned(),
        suggestion,
        is_subsystem,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn built_in() -> Loaded {
        Loaded::load(None).unwrap_or_else(|err| panic!("{err}"))
    }

    fn codes(lookup: &Lookup<'_>) -> Vec<u32> {
        match lookup {
            Lookup::Found(entries) => entries.iter().map(|entry| entry.code()).collect(),
            Lookup::Missing(missing) => panic!("not found: {missing}"),
        }
    }

    fn missing(lookup: Lookup<'_>) -> String {
        match lookup {
            Lookup::Found(entries) => panic!("found {entries:?}"),
            Lookup::Missing(missing) => missing.to_string(),
        }
    }

    #[test]
    fn accepts_every_way_a_code_is_written() {
        let loaded = built_in();
        for token in [
            "3530",
            "E3530",
            "e3530",
            " 3530 ",
            "FileChecksum",
            "Cdp::FileChecksum",
            "ecodes::Cdp::FileChecksum",
            "filechecksum",
            "cdp::filechecksum",
            "errcode=3530",
            "[3530]",
            "error code: 3530",
        ] {
            assert_eq!(codes(&lookup(&loaded, token)), [3530], "{token}");
        }
    }

    #[test]
    fn a_name_in_several_subsystems_finds_them_all() {
        let loaded = built_in();
        assert_eq!(codes(&lookup(&loaded, "NetworkConnection")), [3522, 3812]);
        assert_eq!(codes(&lookup(&loaded, "Nas::NetworkConnection")), [3812]);
    }

    #[test]
    fn an_unknown_code_names_the_range_it_falls_in() {
        let loaded = built_in();
        assert_eq!(
            missing(lookup(&loaded, "3532")),
            "3532 is not in the catalog; it falls in the range of subsystem Cdp (3519-3612)"
        );
        assert_eq!(
            missing(lookup(&loaded, "E9999")),
            "9999 is not in the catalog, and no subsystem's range contains it"
        );
    }

    #[test]
    fn an_unknown_name_suggests_a_close_one() {
        let loaded = built_in();
        assert_eq!(
            missing(lookup(&loaded, "FileChecksun")),
            "no code is named `FileChecksun` (did you mean `Cdp::FileChecksum`?)"
        );
        assert_eq!(
            missing(lookup(&loaded, "Cdp")),
            "`Cdp` is a subsystem, not a code; `ecodes list --subsystem Cdp` lists its codes"
        );
    }

    #[test]
    fn rejects_what_is_neither_code_nor_name() {
        let loaded = built_in();
        for token in ["", "3530-3540", "99999999999999", "∞"] {
            assert!(
                missing(lookup(&loaded, token)).contains("is not a code"),
                "{token}"
            );
        }
    }
}
