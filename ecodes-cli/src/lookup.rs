//! Resolving what a user types or pastes from a log (`3530`, `E3530`, `0xDCA`, `errcode=3530`,
//! `FileChecksum`, `Cdp::FileChecksum`, `file_checksum`) to catalog entries.
//!
//! The grammar, the matching and the suggestions are `ecodes_catalog`'s resolver in lenient
//! mode, the same one the macros use strictly, so `explain` and a compile error say the same
//! sentence about the same typo. Only log excerpts are this command's own addition.

use ecodes_catalog::{Entry, Mode, Reason, Unresolved};

use crate::catalog::Loaded;
use crate::matcher::{Forms, Matcher};

/// Resolves one token against the catalog: every entry it names (a bare name may be in several
/// subsystems, and a log excerpt may hold several codes), or why it names none.
///
/// # Errors
/// The resolver's [`Unresolved`], whose `Display` is the message to print.
pub fn lookup<'c>(loaded: &'c Loaded, token: &str) -> Result<Vec<&'c Entry>, Unresolved<'c>> {
    let resolver = loaded.catalog().resolver();
    let unresolved = match resolver.resolve(token, Mode::Lenient) {
        Ok(entries) => return Ok(entries),
        Err(unresolved) => unresolved,
    };
    if !matches!(unresolved.reason(), Reason::Malformed(_)) {
        return Err(unresolved);
    }
    // Something pasted from a log: `errcode=3530`, `[3530]`, `error code: 3530`...
    let Ok(matcher) = Matcher::for_catalog(&Forms::new(loaded.catalog()), &[] as &[&str]) else {
        return Err(unresolved);
    };
    let found = matcher.codes_in_line(token.as_bytes());
    let entries: Vec<&Entry> = found
        .iter()
        .filter_map(|found| loaded.find(found.key).map(|(_, entry)| entry))
        .collect();
    if !entries.is_empty() {
        return Ok(entries);
    }
    match found.first() {
        // The excerpt's code is not in the catalog: say so, as for the bare number.
        Some(first) => resolver.resolve(&first.key.to_string(), Mode::Lenient),
        None => Err(unresolved),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn built_in() -> Loaded {
        Loaded::load(None).unwrap_or_else(|err| panic!("{err}"))
    }

    fn codes(token: &str) -> Vec<i128> {
        match lookup(&built_in(), token) {
            Ok(entries) => entries.iter().map(|entry| entry.key()).collect(),
            Err(missing) => panic!("{token}: not found: {missing}"),
        }
    }

    fn missing(token: &str) -> String {
        match lookup(&built_in(), token) {
            Ok(entries) => panic!("{token}: found {entries:?}"),
            Err(missing) => missing.to_string(),
        }
    }

    #[test]
    fn accepts_every_way_a_code_is_written() {
        for token in [
            "3530",
            "03530",
            "E3530",
            "e3530",
            "0xDCA",
            " 3530 ",
            "FileChecksum",
            "Cdp::FileChecksum",
            "ecodes::Cdp::FileChecksum",
            "filechecksum",
            "file_checksum",
            "FILE_CHECKSUM",
            "cdp::filechecksum",
            "errcode=3530",
            "[3530]",
            "error code: 3530",
        ] {
            assert_eq!(codes(token), [3530], "{token}");
        }
    }

    #[test]
    fn a_name_in_several_subsystems_finds_them_all() {
        assert_eq!(codes("NetworkConnection"), [3522, 3812]);
        assert_eq!(codes("Nas::NetworkConnection"), [3812]);
    }

    #[test]
    fn a_log_excerpt_finds_each_of_its_codes() {
        assert_eq!(codes("errcode=3530 then errcode=4008"), [3530, 4008]);
    }

    #[test]
    fn an_unknown_code_names_the_range_it_falls_in() {
        assert!(missing("3532").starts_with(
            "unknown error code 3532: the catalog has no such code, though it falls in the range \
             of subsystem `Cdp` (3519-3612); did you mean 3531"
        ));
        assert!(missing("errcode=3532").starts_with("unknown error code 3532"));
        assert!(missing("E9999")
            .starts_with("unknown error code E9999: the catalog has no such code; did you mean"));
    }

    #[test]
    fn an_unknown_name_suggests_a_close_one() {
        assert_eq!(
            missing("FileChecksun"),
            "no error code named `FileChecksun` in the catalog; did you mean 3530 \
             (`Cdp::FileChecksum`)?"
        );
        assert_eq!(
            missing("Cdp"),
            "`Cdp` is a subsystem, not a code; name one of its codes, such as \
             `Cdp::RuleRestarting`"
        );
    }

    #[test]
    fn rejects_what_is_neither_code_nor_name() {
        for token in ["", "3530-3540", "∞"] {
            assert!(
                missing(token).contains("error code"),
                "{token}: {}",
                missing(token)
            );
        }
        assert!(missing("99999999999999999999").contains("too large"));
    }
}
