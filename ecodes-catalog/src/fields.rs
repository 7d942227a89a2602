//! Validation of the structural cells of a row: code, subsystem, name, severity and aliases.

use std::fmt::Write as _;

use crate::ident::{is_identifier, is_keyword, is_type_name, NAME_RULE};
use crate::{Column, Severity};

/// Names the generated code defines next to the subsystem enums; a subsystem may not take them.
pub const RESERVED_TYPE_NAMES: &[&str] = &["Code", "Subsystem"];

/// Associated constants the generated enums define; a variant (a row's `name`, or a subsystem,
/// which becomes a variant of `Code` and `Subsystem`) may not take them.
pub const RESERVED_VARIANT_NAMES: &[&str] = &["ALL", "LANGUAGES"];

/// The associated items of every generated enum that no column declares: the slice of every
/// value, the language tags, and the hidden entry index.
pub const GENERATED_ITEMS: &[&str] = &["ALL", "LANGUAGES", "all", "__index"];

/// Whether `name` is an associated item of the generated enums: one of [`GENERATED_ITEMS`], or
/// an accessor that the column registry declares ([`ColumnSpec::accessors`]). An alias becomes
/// an associated constant of its subsystem's enum, so it may not take one of these names.
///
/// [`ColumnSpec::accessors`]: crate::ColumnSpec::accessors
pub fn is_generated_item(name: &str) -> bool {
    generated_items().any(|item| item == name)
}

/// Every associated item of the generated enums: [`GENERATED_ITEMS`], then every column's
/// accessors.
pub fn generated_items() -> impl Iterator<Item = &'static str> {
    GENERATED_ITEMS.iter().copied().chain(
        Column::ALL
            .into_iter()
            .flat_map(|column| column.spec().accessors.iter().map(|accessor| accessor.name)),
    )
}

/// Checks that `cell` can be a generated type or variant name, following [`NAME_RULE`]. `what`
/// is the column it came from, for the message.
pub(crate) fn check_ident(cell: &str, what: &str) -> Result<(), String> {
    if cell.is_empty() {
        return Err(format!("empty {what}; {NAME_RULE}, such as `FileChecksum`"));
    }
    if cell == "Self" {
        return Err(format!(
            "{what} `Self` is a Rust keyword; choose another identifier"
        ));
    }
    if is_type_name(cell) {
        return Ok(());
    }
    let mut message = format!("{what} `{cell}` is not a valid {what}: {NAME_RULE}");
    if let Some(suggestion) = camel_case_suggestion(cell) {
        let _ = write!(message, "; did you mean `{suggestion}`?");
    }
    Err(message)
}

/// Turns `file_checksum`, `file checksum` or `ER_HASHCHK` into `FileChecksum` or `ErHashchk`,
/// when that gives a valid name. A word written in capitals alone is a C-style symbol's, so it
/// keeps only its first capital; a word in mixed case keeps its inner capitals.
pub(crate) fn camel_case_suggestion(cell: &str) -> Option<String> {
    let suggestion: String = cell
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(|word| {
            let shouting = !word.bytes().any(|b| b.is_ascii_lowercase());
            let mut chars = word.chars();
            let first = chars.next().map(|c| c.to_ascii_uppercase());
            let rest = chars.map(|c| if shouting { c.to_ascii_lowercase() } else { c });
            first.into_iter().chain(rest).collect::<String>()
        })
        .collect();
    (is_type_name(&suggestion) && suggestion != cell).then_some(suggestion)
}

/// Splits an `aliases` cell into its identifiers (separated by spaces), checking each one.
pub(crate) fn parse_aliases(cell: &str) -> Result<Vec<String>, Vec<String>> {
    let mut aliases: Vec<String> = Vec::new();
    let mut problems = Vec::new();
    for alias in cell.split_whitespace() {
        if aliases.iter().any(|seen| seen == alias) {
            problems.push(format!("alias `{alias}` is listed twice"));
        } else if is_keyword(alias) {
            problems.push(format!(
                "alias `{alias}` is a Rust keyword; choose another identifier"
            ));
        } else if !is_identifier(alias) {
            problems.push(format!(
                "alias `{alias}` is not a Rust identifier: aliases start with an ASCII letter or \
                 `_` and hold only ASCII letters, digits and `_`; separate several with spaces"
            ));
        } else if is_generated_item(alias) {
            problems.push(format!(
                "alias `{alias}` collides with the generated item `{alias}` of every subsystem \
                 enum; choose another alias"
            ));
        } else {
            aliases.push(alias.to_owned());
        }
    }
    if problems.is_empty() {
        Ok(aliases)
    } else {
        Err(problems)
    }
}

/// Parses a `severity` cell; a blank cell is an unspecified severity.
pub(crate) fn parse_severity(cell: &str) -> Result<Option<Severity>, String> {
    let text = cell.trim();
    if text.is_empty() {
        return Ok(None);
    }
    // Exact case, unlike `Severity::from_str`, so that every catalog spells a level one way.
    if let Some(level) = Severity::ALL
        .into_iter()
        .find(|level| level.as_str() == text)
    {
        return Ok(Some(level));
    }
    let mut message =
        format!("unknown severity `{text}`; expected one of Info, Warning, Error, or empty");
    if let Some(level) = Severity::ALL
        .into_iter()
        .find(|level| level.as_str().eq_ignore_ascii_case(text))
    {
        let _ = write!(message, " (did you mean `{level}`?)");
    }
    Err(message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_are_upper_camel_case_and_not_keywords() {
        assert!(check_ident("FileChecksum", "name").is_ok());
        assert!(check_ident("Nas", "subsystem").is_ok());
        assert!(check_ident("Self", "name").unwrap_err().contains("keyword"));
        assert!(check_ident("", "name")
            .unwrap_err()
            .starts_with("empty name"));
        let err = check_ident("file_checksum", "name").unwrap_err();
        assert_eq!(
            err,
            "name `file_checksum` is not a valid name: names start with an uppercase ASCII \
             letter and hold only ASCII letters and digits; did you mean `FileChecksum`?"
        );
        // What the message says is what is accepted: capitals and digits are fine.
        assert!(check_ident("EPERM", "name").is_ok());
        assert!(check_ident("E2BIG", "name").is_ok());
        let err = check_ident("ER_HASHCHK", "name").unwrap_err();
        assert!(err.ends_with("did you mean `ErHashchk`?"), "{err}");
        let err = check_ident("fileChecksum", "name").unwrap_err();
        assert!(err.ends_with("did you mean `FileChecksum`?"), "{err}");
        let err = check_ident("3530x", "name").unwrap_err();
        assert!(!err.contains("did you mean"), "{err}");
        // A suggestion is only made when it is itself a valid name.
        let err = check_ident("1st_try", "name").unwrap_err();
        assert!(!err.contains("did you mean"), "{err}");
        assert!(check_ident("Fichier€", "name").is_err());
    }

    #[test]
    fn aliases_are_identifiers_separated_by_spaces() {
        assert_eq!(
            parse_aliases(" EWOULDBLOCK  ER_DUP_entry _x  "),
            Ok(vec![
                "EWOULDBLOCK".to_owned(),
                "ER_DUP_entry".to_owned(),
                "_x".to_owned()
            ])
        );
        assert_eq!(parse_aliases(""), Ok(Vec::new()));
        let problems = parse_aliases("A A type 9x x-y _ code").unwrap_err();
        assert_eq!(problems.len(), 6, "{problems:?}");
        assert!(problems[0].contains("listed twice"));
        assert!(problems[1].contains("keyword"));
        assert!(problems[2].starts_with("alias `9x` is not a Rust identifier"));
        assert!(problems[3].starts_with("alias `x-y` is not a Rust identifier"));
        assert!(problems[4].starts_with("alias `_` is not a Rust identifier"));
        assert!(problems[5].contains("collides with the generated item `code`"));
    }

    #[test]
    fn severities_are_exact_or_blank() {
        assert_eq!(parse_severity(""), Ok(None));
        assert_eq!(parse_severity("Error "), Ok(Some(Severity::Error)));
        assert!(parse_severity("Fatal")
            .unwrap_err()
            .contains("Info, Warning, Error"));
    }

    #[test]
    fn every_level_parses_in_its_catalog_spelling() {
        for level in Severity::ALL {
            assert_eq!(parse_severity(level.as_str()), Ok(Some(level)));
        }
    }

    #[test]
    fn other_spellings_are_rejected_with_the_right_case_suggested() {
        assert_eq!(
            parse_severity("error"),
            Err("unknown severity `error`; expected one of Info, Warning, Error, or empty (did you mean `Error`?)".to_owned())
        );
        assert!(!parse_severity("Fatal")
            .unwrap_err()
            .contains("did you mean"));
    }
}
