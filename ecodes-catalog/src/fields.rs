//! Validation of the structural cells of a row: code, subsystem, name and severity.

use std::fmt::Write as _;

use crate::Severity;

/// Names the generated code defines next to the subsystem enums; a subsystem may not take them.
pub const RESERVED_TYPE_NAMES: &[&str] = &["Code", "Subsystem"];

/// Associated constants the generated enums define; a variant (a row's `name`, or a subsystem,
/// which becomes a variant of `Code` and `Subsystem`) may not take them.
pub const RESERVED_VARIANT_NAMES: &[&str] = &["ALL", "LANGUAGES"];

/// Parses a `code` cell: decimal, no sign, fits in a `u32`.
pub(crate) fn parse_code(cell: &str) -> Result<u32, String> {
    let text = cell.trim();
    if text.is_empty() {
        return Err("empty code; every row needs a decimal code such as `3530`".to_owned());
    }
    if let Some(digits) = text.strip_prefix('-') {
        if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(format!(
                "negative code `{text}`; codes are unsigned, from 0 to {}",
                u32::MAX
            ));
        }
    }
    if !text.bytes().all(|b| b.is_ascii_digit()) {
        let hint = match text.strip_prefix(['E', 'e']) {
            Some(rest) if !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit()) => {
                format!("; write the number alone, as `{rest}`")
            }
            _ => String::new(),
        };
        return Err(format!("code `{text}` is not a decimal number{hint}"));
    }
    text.parse::<u32>().map_err(|_| {
        format!(
            "code `{text}` does not fit in a u32; the largest code is {}",
            u32::MAX
        )
    })
}

/// Checks that `cell` can be an UpperCamelCase Rust type or variant name. `what` is the column
/// it came from, for the message.
pub(crate) fn check_ident(cell: &str, what: &str) -> Result<(), String> {
    if cell.is_empty() {
        return Err(format!(
            "empty {what}; expected an UpperCamelCase Rust identifier such as `FileChecksum`"
        ));
    }
    if cell == "Self" {
        return Err(format!(
            "{what} `Self` is a Rust keyword; choose another identifier"
        ));
    }
    let starts_upper = cell.starts_with(|c: char| c.is_ascii_uppercase());
    if starts_upper && cell.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Ok(());
    }
    let mut message = format!(
        "{what} `{cell}` is not an UpperCamelCase Rust identifier (ASCII letters and digits, \
         starting with an uppercase letter)"
    );
    if let Some(suggestion) = camel_case_suggestion(cell) {
        let _ = write!(message, "; did you mean `{suggestion}`?");
    }
    Err(message)
}

/// Turns `file_checksum` or `file checksum` into `FileChecksum`, when that gives a valid name.
fn camel_case_suggestion(cell: &str) -> Option<String> {
    let suggestion: String = cell
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(|word| {
            let mut chars = word.chars();
            let first = chars.next().map(|c| c.to_ascii_uppercase());
            first.into_iter().chain(chars).collect::<String>()
        })
        .collect();
    let valid = suggestion.starts_with(|c: char| c.is_ascii_uppercase()) && suggestion != "Self";
    (valid && suggestion != cell).then_some(suggestion)
}

/// Parses a `severity` cell; a blank cell is an unspecified severity.
pub(crate) fn parse_severity(cell: &str) -> Result<Option<Severity>, String> {
    let text = cell.trim();
    if text.is_empty() {
        return Ok(None);
    }
    text.parse::<Severity>()
        .map(Some)
        .map_err(|err| err.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unsigned_decimal_u32() {
        assert_eq!(parse_code("3530"), Ok(3530));
        assert_eq!(parse_code(" 3530 "), Ok(3530));
        assert_eq!(parse_code("4294967295"), Ok(u32::MAX));
        assert!(parse_code("").unwrap_err().starts_with("empty code"));
        assert!(parse_code("-3")
            .unwrap_err()
            .starts_with("negative code `-3`"));
        assert!(parse_code("4294967296")
            .unwrap_err()
            .contains("does not fit in a u32"));
        assert!(parse_code("35a0")
            .unwrap_err()
            .contains("not a decimal number"));
        assert!(parse_code("+35")
            .unwrap_err()
            .contains("not a decimal number"));
        assert!(parse_code("E3530")
            .unwrap_err()
            .ends_with("write the number alone, as `3530`"));
    }

    #[test]
    fn identifiers_are_upper_camel_case_and_not_keywords() {
        assert!(check_ident("FileChecksum", "name").is_ok());
        assert!(check_ident("Nas", "subsystem").is_ok());
        assert!(check_ident("Self", "name").unwrap_err().contains("keyword"));
        assert!(check_ident("", "name")
            .unwrap_err()
            .starts_with("empty name"));
        let err = check_ident("file_checksum", "name").unwrap_err();
        assert!(err.ends_with("did you mean `FileChecksum`?"), "{err}");
        let err = check_ident("3530x", "name").unwrap_err();
        assert!(!err.contains("did you mean"), "{err}");
        assert!(check_ident("Fichier€", "name").is_err());
    }

    #[test]
    fn severities_are_exact_or_blank() {
        assert_eq!(parse_severity(""), Ok(None));
        assert_eq!(parse_severity("Error "), Ok(Some(Severity::Error)));
        assert!(parse_severity("Fatal")
            .unwrap_err()
            .contains("Info, Warning, Error"));
    }
}
