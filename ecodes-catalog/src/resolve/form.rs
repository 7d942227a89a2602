//! The grammar of a code reference: what text names a code, before any catalog is consulted.

use core::ops::Range;

use super::Mode;
use crate::ident::is_identifier;

/// A reference read from text, with the byte ranges of its parts in that text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Form<'a> {
    /// A number: `3530`, `01062`, `-13`, `E3530`, `0x80070005`. `ident` is set for `E3530`,
    /// which a catalog could also have as a name or alias.
    Code { code: i128, ident: Option<&'a str> },
    /// Letters, `-` and digits: `ORA-00942`, `ora-942`.
    Prefixed { prefix: &'a str, number: i128 },
    /// Any other code as a catalog may write it: `22P02`, `XX000`.
    Written(&'a str),
    /// `Name` or `Subsystem::Name`.
    Path {
        subsystem: Option<Segment<'a>>,
        name: Segment<'a>,
    },
}

/// One `::`-separated part of a path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Segment<'a> {
    pub(crate) text: &'a str,
    pub(crate) span: Range<usize>,
}

/// Why text is not a reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Malformed {
    Empty,
    /// `3530u16`: the digits, without the suffix.
    TypeSuffix(String),
    TooLarge,
    /// `a::b::c` in strict mode.
    LongPath,
    NotAReference,
}

const SUFFIXES: [&str; 12] = [
    "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64", "i128", "isize",
];

/// Reads `input` as a reference. The ranges are byte offsets into `input`; surrounding
/// whitespace is ignored.
pub(crate) fn parse(input: &str, mode: Mode) -> Result<Form<'_>, Malformed> {
    let start = input.len() - input.trim_start().len();
    let text = input.trim();
    if text.is_empty() {
        return Err(Malformed::Empty);
    }
    let unsigned = text.strip_prefix('-').map_or(text, str::trim_start);
    if unsigned.starts_with(|c: char| c.is_ascii_digit()) {
        return match number(text) {
            Ok(code) => Ok(Form::Code { code, ident: None }),
            // `22P02`: a code written as the catalog writes it, not a number.
            Err(Malformed::NotAReference) if is_written_code(text) => Ok(Form::Written(text)),
            Err(malformed) => Err(malformed),
        };
    }
    if let Some(digits) = text.strip_prefix(['E', 'e']) {
        if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
            return number(digits).map(|code| Form::Code {
                code,
                ident: Some(text),
            });
        }
    }
    if let Some((prefix, digits)) = text.split_once('-') {
        let letters = !prefix.is_empty() && prefix.bytes().all(|b| b.is_ascii_alphabetic());
        if letters && !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
            return number(digits).map(|number| Form::Prefixed { prefix, number });
        }
    }
    match path(text, start, mode) {
        Err(Malformed::NotAReference) if is_written_code(text) => Ok(Form::Written(text)),
        other => other,
    }
}

/// Text a catalog could write a code as: ASCII letters and digits, with `-` or `_`.
fn is_written_code(text: &str) -> bool {
    text.bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Decimal with leading zeros allowed and maybe a `-`, or hexadecimal after `0x`; `_` may
/// separate digits, as in Rust literals. A key fits in 64 bits, signed or not.
fn number(text: &str) -> Result<i128, Malformed> {
    let (negative, text) = match text.strip_prefix('-') {
        Some(rest) => (true, rest.trim_start()),
        None => (false, text),
    };
    let (digits, radix) = match text.strip_prefix("0x").or_else(|| text.strip_prefix("0X")) {
        Some(hex) => (hex, 16),
        None => (text, 10),
    };
    let is_digit = |c: char| c.is_digit(radix) || c == '_';
    let end = digits.find(|c: char| !is_digit(c)).unwrap_or(digits.len());
    let (digits, suffix) = digits.split_at(end);
    let digits: String = digits.chars().filter(|&c| c != '_').collect();
    if digits.is_empty() {
        return Err(Malformed::NotAReference);
    }
    if !suffix.is_empty() {
        return Err(if SUFFIXES.contains(&suffix) {
            Malformed::TypeSuffix(text[..text.len() - suffix.len()].to_owned())
        } else {
            Malformed::NotAReference
        });
    }
    let value = u64::from_str_radix(&digits, radix).map_err(|_| Malformed::TooLarge)?;
    let value = i128::from(value);
    if negative {
        if value > -i128::from(i64::MIN) {
            return Err(Malformed::TooLarge);
        }
        Ok(-value)
    } else {
        Ok(value)
    }
}

fn path(text: &str, start: usize, mode: Mode) -> Result<Form<'_>, Malformed> {
    let mut segments = Vec::new();
    let mut offset = start;
    for piece in text.split("::") {
        let trimmed = piece.trim();
        let lead = piece.len() - piece.trim_start().len();
        let valid = match mode {
            Mode::Strict => is_identifier(trimmed) || is_keyword_like(trimmed),
            // Typed by hand: `dup entry`, `dup-entry`.
            Mode::Lenient => {
                trimmed.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
                    && trimmed
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | ' ' | '.'))
            }
        };
        if !valid {
            return Err(Malformed::NotAReference);
        }
        segments.push(Segment {
            text: trimmed,
            span: offset + lead..offset + lead + trimmed.len(),
        });
        offset += piece.len() + 2;
    }
    let name = segments.pop().ok_or(Malformed::NotAReference)?;
    match (segments.len(), mode) {
        (0, _) => Ok(Form::Path {
            subsystem: None,
            name,
        }),
        (1, _) | (_, Mode::Lenient) => Ok(Form::Path {
            subsystem: segments.pop(),
            name,
        }),
        _ => Err(Malformed::LongPath),
    }
}

/// A keyword is still shaped like a name (`Self`); the catalog will not have it, and saying
/// "no code named `Self`" is clearer than calling it malformed.
fn is_keyword_like(text: &str) -> bool {
    text.starts_with(|c: char| c.is_ascii_alphabetic())
        && text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(text: &str) -> Result<i128, Malformed> {
        match parse(text, Mode::Strict)? {
            Form::Code { code, .. } => Ok(code),
            other => panic!("{text} read as {other:?}"),
        }
    }

    #[test]
    fn reads_every_number_form() {
        assert_eq!(code("3530"), Ok(3530));
        assert_eq!(code(" 01062 "), Ok(1062));
        assert_eq!(code("E3530"), Ok(3530));
        assert_eq!(code("e3530"), Ok(3530));
        assert_eq!(code("0x5"), Ok(5));
        assert_eq!(code("0X80070005"), Ok(0x8007_0005));
        assert_eq!(code("0x8007_0005"), Ok(0x8007_0005));
        assert_eq!(code("3_530"), Ok(3530));
        assert_eq!(code("4294967296"), Ok(4_294_967_296));
        assert_eq!(code("0xFFFFFFFFFFFFFFFF"), Ok(i128::from(u64::MAX)));
        assert_eq!(code("0x10000000000000000"), Err(Malformed::TooLarge));
        assert_eq!(code("E99999999999999999999"), Err(Malformed::TooLarge));
        assert_eq!(code("-13"), Ok(-13));
        assert_eq!(code("- 0x5"), Ok(-5));
        assert_eq!(code("-9223372036854775808"), Ok(i128::from(i64::MIN)));
        assert_eq!(code("-9223372036854775809"), Err(Malformed::TooLarge));
        assert_eq!(
            code("3530u16"),
            Err(Malformed::TypeSuffix("3530".to_owned()))
        );
        assert_eq!(code("0x5u32"), Err(Malformed::TypeSuffix("0x5".to_owned())));
        assert_eq!(parse("35a0", Mode::Strict), Ok(Form::Written("35a0")));
        assert_eq!(parse("22P02", Mode::Strict), Ok(Form::Written("22P02")));
        assert_eq!(parse("0x", Mode::Strict), Ok(Form::Written("0x")));
        assert_eq!(parse("  ", Mode::Strict), Err(Malformed::Empty));
        assert_eq!(
            parse("3530-3540", Mode::Strict),
            Ok(Form::Written("3530-3540"))
        );
        assert_eq!(
            parse("ORA-00942", Mode::Strict),
            Ok(Form::Prefixed {
                prefix: "ORA",
                number: 942
            })
        );
        assert_eq!(parse("-x", Mode::Strict), Ok(Form::Written("-x")));
    }

    #[test]
    fn reads_names_and_paths_with_their_spans() {
        let input = " Cdp::FileChecksum";
        let Ok(Form::Path { subsystem, name }) = parse(input, Mode::Strict) else {
            panic!("not a path");
        };
        let subsystem = subsystem.unwrap();
        assert_eq!((subsystem.text, &input[subsystem.span]), ("Cdp", "Cdp"));
        assert_eq!(
            (name.text, &input[name.span]),
            ("FileChecksum", "FileChecksum")
        );
        assert!(matches!(
            parse("EWOULDBLOCK", Mode::Strict),
            Ok(Form::Path {
                subsystem: None,
                ..
            })
        ));
        // `E2BIG` is errno's name, not a code.
        assert!(matches!(
            parse("E2BIG", Mode::Strict),
            Ok(Form::Path { .. })
        ));
        assert_eq!(
            parse("ecodes::Cdp::FileChecksum", Mode::Strict),
            Err(Malformed::LongPath)
        );
        let Ok(Form::Path { subsystem, name }) = parse("ecodes::Cdp::FileChecksum", Mode::Lenient)
        else {
            panic!("lenient mode takes the last two segments");
        };
        assert_eq!(
            (subsystem.unwrap().text, name.text),
            ("Cdp", "FileChecksum")
        );
        assert_eq!(
            parse("dup entry", Mode::Strict),
            Err(Malformed::NotAReference)
        );
        assert!(parse("dup entry", Mode::Lenient).is_ok());
        assert!(parse("_dup_entry", Mode::Lenient).is_ok());
        for bad in ["a::", "::a", "foo(bar)", "∞", ".dup", "Cdp::-dup"] {
            assert_eq!(
                parse(bad, Mode::Lenient),
                Err(Malformed::NotAReference),
                "{bad}"
            );
        }
    }

    #[test]
    fn segment_spans_leave_out_the_spaces_around_each_segment() {
        let input = "ecodes ::  Cdp :: FileChecksum ";
        let Ok(Form::Path { subsystem, name }) = parse(input, Mode::Lenient) else {
            panic!("not a path");
        };
        assert_eq!(&input[subsystem.unwrap().span], "Cdp");
        assert_eq!(&input[name.span], "FileChecksum");
    }
}
