//! The identifier rules: what a subsystem, a name or an alias may be, since each becomes a Rust
//! item. The catalog's checks, the reference grammar and the generator all use these.

/// Rust's strict and reserved keywords in every edition from 2018 on (`gen` is reserved from
/// 2024), which no identifier may be. Generated identifiers take the edition of the crate that
/// expands them, so the union is what is safe everywhere.
const KEYWORDS: &[&str] = &[
    "Self", "abstract", "as", "async", "await", "become", "box", "break", "const", "continue",
    "crate", "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if",
    "impl", "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub",
    "ref", "return", "self", "static", "struct", "super", "trait", "true", "try", "type", "typeof",
    "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Whether `word` is a Rust keyword that cannot be used as an identifier.
pub fn is_keyword(word: &str) -> bool {
    KEYWORDS.contains(&word)
}

/// The rule for `name` and `subsystem` cells, as messages state it.
pub const NAME_RULE: &str =
    "names start with an uppercase ASCII letter and hold only ASCII letters and digits";

/// Whether `text` follows [`NAME_RULE`] (and is not `Self`).
pub fn is_type_name(text: &str) -> bool {
    text.starts_with(|c: char| c.is_ascii_uppercase())
        && text.bytes().all(|b| b.is_ascii_alphanumeric())
        && text != "Self"
}

/// Whether `text` is an ASCII Rust identifier that is not a keyword: `EWOULDBLOCK`,
/// `ER_DUP_ENTRY`, `WouldBlock`.
pub fn is_identifier(text: &str) -> bool {
    text.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
        && text != "_"
        && !is_keyword(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_names_are_upper_camel_case_ascii_and_not_self() {
        for name in ["Cdp", "FileChecksum", "E2BIG", "EPERM"] {
            assert!(is_type_name(name), "{name}");
        }
        for name in ["", "cdp", "File_Checksum", "Self", "Fichier€", "3530"] {
            assert!(!is_type_name(name), "{name}");
        }
    }

    #[test]
    fn identifiers_are_ascii_and_not_keywords() {
        for name in ["EWOULDBLOCK", "ER_DUP_ENTRY", "_x", "WouldBlock"] {
            assert!(is_identifier(name), "{name}");
        }
        for name in ["", "_", "9x", "x-y", "type", "Self", "gen", "é"] {
            assert!(!is_identifier(name), "{name}");
        }
        assert!(is_keyword("async") && !is_keyword("Async"));
    }
}
