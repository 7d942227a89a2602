//! How codes are written: decimal (`3530`, `-13`, `01062`), hexadecimal (`0xC0000005`), a
//! prefix and digits (`ORA-00942`) or fixed-width letters and digits (`22P02`). Each code keeps
//! its written form; its key, the integer the generated types use, comes from the notation.

use core::fmt;
use std::collections::HashMap;

/// How a subsystem writes its codes. Every code of a subsystem is written in one notation.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Notation {
    /// Decimal, maybe negative, leading zeros kept as written: `3530`, `-13`, `01062`. The key
    /// is the number.
    Decimal,
    /// Hexadecimal after `0x` (or `0X`), letter case kept as written: `0xC0000005`. The key is
    /// the number, up to 64 bits.
    Hex,
    /// ASCII letters, a `-` or `_`, and digits: `ORA-00942`, `MY-010000`. The key is the
    /// number; `prefix` includes the separator (`ORA-`).
    Prefixed {
        /// The letters and the separator, as written.
        prefix: String,
    },
    /// A fixed number of uppercase ASCII letters and digits: the SQLSTATEs of `PostgreSQL` and ODBC
    /// (`22P02`, `XX000`, `00000`). The key is the base-36 value (digits, then `A`-`Z`), so keys
    /// sort as the written forms do.
    Alphanumeric {
        /// How many characters every code has.
        width: usize,
    },
}

impl Notation {
    /// The notation's name in messages: `decimal`, `hexadecimal`, `` `ORA-` and digits ``,
    /// `5 letters and digits`.
    pub fn name(&self) -> String {
        match self {
            Notation::Decimal => "decimal".to_owned(),
            Notation::Hex => "hexadecimal".to_owned(),
            Notation::Prefixed { prefix } => format!("`{prefix}` and digits"),
            Notation::Alphanumeric { width } => format!("{width} letters and digits"),
        }
    }

    /// The notation's name in messages, with an example: ``decimal (`3530`)``.
    pub fn describe(&self) -> String {
        match self {
            Notation::Decimal => "decimal (`3530`)".to_owned(),
            Notation::Hex => "hexadecimal (`0xC0000005`)".to_owned(),
            Notation::Prefixed { prefix } => format!("`{prefix}` and digits (`{prefix}00942`)"),
            Notation::Alphanumeric { width } => {
                format!(
                    "{width} letters and digits (`{}`)",
                    &"22P02XX000HV00R"[..(*width).min(15)]
                )
            }
        }
    }
}

impl fmt::Display for Notation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe())
    }
}

/// The integer type of a catalog's keys in the generated code: the first of `u32`, `i32`,
/// `i64` and `u64` that holds every key. The product's and most catalogs' codes are `u32`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum KeyType {
    /// `u32`: every key is between 0 and 4,294,967,295 (decimal codes, 32-bit hex codes).
    #[default]
    U32,
    /// `i32`: some key is negative, and all fit an `i32` (libuv, zlib).
    I32,
    /// `i64`: some key is negative, and all fit an `i64`.
    I64,
    /// `u64`: some key is above `i64::MAX` (64-bit hex codes), and none is negative.
    U64,
}

impl KeyType {
    /// Every key type, in the order they are tried.
    pub const ALL: [KeyType; 4] = [KeyType::U32, KeyType::I32, KeyType::I64, KeyType::U64];

    /// The Rust type's name: `u32`.
    pub const fn name(self) -> &'static str {
        match self {
            KeyType::U32 => "u32",
            KeyType::I32 => "i32",
            KeyType::I64 => "i64",
            KeyType::U64 => "u64",
        }
    }

    /// Whether `key` fits the type.
    pub fn holds(self, key: i128) -> bool {
        match self {
            KeyType::U32 => u32::try_from(key).is_ok(),
            KeyType::I32 => i32::try_from(key).is_ok(),
            KeyType::I64 => i64::try_from(key).is_ok(),
            KeyType::U64 => u64::try_from(key).is_ok(),
        }
    }

    /// The first type that holds both `low` and `high` (and so every key between them); `None`
    /// when no 64-bit type does (a negative key beside one above `i64::MAX`).
    pub fn for_range(low: i128, high: i128) -> Option<KeyType> {
        KeyType::ALL
            .into_iter()
            .find(|key_type| key_type.holds(low) && key_type.holds(high))
    }
}

impl fmt::Display for KeyType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A code cell read on its own: its notation and key. A code of digits alone reads as decimal;
/// [`WrittenCode::as_alphanumeric`] reads it again when its subsystem turns out to be
/// alphanumeric.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct WrittenCode {
    pub(crate) notation: Notation,
    pub(crate) key: i128,
    /// The code as written, trimmed.
    pub(crate) written: String,
}

/// The largest key: a hex code may use all 64 bits.
const MAX_KEY: i128 = u64::MAX as i128;

/// The smallest key: a negative decimal code fits an `i64`.
const MIN_KEY: i128 = i64::MIN as i128;

/// The widest alphanumeric code: 36^12 fits an `i64`.
const MAX_ALPHANUMERIC_WIDTH: usize = 12;

/// Reads a `code` cell in whichever notation it is written.
pub(crate) fn read_code(cell: &str) -> Result<WrittenCode, String> {
    let text = cell.trim();
    if text.is_empty() {
        return Err("empty code; every row needs a code such as `3530`".to_owned());
    }
    let written = text.to_owned();
    let code = |notation, key| {
        Ok(WrittenCode {
            notation,
            key,
            written: written.clone(),
        })
    };
    if let Some(digits) = text.strip_prefix("0x").or_else(|| text.strip_prefix("0X")) {
        match hex_key(text, digits) {
            Ok(key) => return code(Notation::Hex, key),
            // `0X` and `0XZ12` are letters and digits (a SQLSTATE class could be `0X`), not a
            // broken hex number; `0x`, `0xG1` are.
            Err(_) if is_alphanumeric(text) && text.len() <= MAX_ALPHANUMERIC_WIDTH => {
                return code(Notation::Alphanumeric { width: text.len() }, base36(text));
            }
            Err(problem) => return Err(problem),
        }
    }
    if let Some(rest) = text.strip_prefix(['-', '+']) {
        if rest.starts_with("0x") || rest.starts_with("0X") {
            return Err(format!(
                "code `{text}` has a sign before a hexadecimal number; write the bits as they \
                 are, such as `0xC0000005`, without a sign"
            ));
        }
    }
    if is_decimal(text) {
        return code(Notation::Decimal, decimal_key(text)?);
    }
    if let Some((prefix, digits)) = split_prefix(text) {
        if digits.is_empty() {
            return Err(format!(
                "code `{text}` has a prefix but no digits; write it as `{prefix}` and a number, \
                 such as `{prefix}00942`"
            ));
        }
        let key = digits
            .parse::<i128>()
            .ok()
            .filter(|key| *key <= MAX_KEY)
            .ok_or_else(|| format!("code `{text}` is too large: its number must fit in 64 bits"))?;
        return code(
            Notation::Prefixed {
                prefix: prefix.to_owned(),
            },
            key,
        );
    }
    if is_alphanumeric(text) {
        if text.len() > MAX_ALPHANUMERIC_WIDTH {
            return Err(format!(
                "code `{text}` has {} characters; an alphanumeric code has at most \
                 {MAX_ALPHANUMERIC_WIDTH}",
                text.len()
            ));
        }
        return code(Notation::Alphanumeric { width: text.len() }, base36(text));
    }
    Err(format!(
        "code `{text}` is in no notation ecodes reads: write it in decimal (`3530`, `-13`), \
         in hexadecimal (`0xC0000005`), as a prefix and digits (`ORA-00942`) or as uppercase \
         letters and digits (`22P02`)"
    ))
}

impl WrittenCode {
    /// The same code read as alphanumeric, for a code of digits alone in a subsystem whose
    /// codes are alphanumeric of that width (`00000` beside `22P02`), or one that also reads as
    /// hex (`0XA12` beside `0LP01`).
    pub(crate) fn as_alphanumeric(&self, width: usize) -> Option<WrittenCode> {
        let fits = matches!(self.notation, Notation::Decimal | Notation::Hex)
            && self.written.len() == width
            && self
                .written
                .bytes()
                .all(|b| b.is_ascii_digit() || b.is_ascii_uppercase());
        fits.then(|| WrittenCode {
            notation: Notation::Alphanumeric { width },
            key: base36(&self.written),
            written: self.written.clone(),
        })
    }
}

/// The notation of every subsystem, decided from all of its codes before any row is checked: a
/// subsystem writes its codes the way most of them are written, so that one mistyped code is
/// the one reported, not every other.
///
/// Codes of digits alone are ambiguous: `23505` is a number, or a SQLSTATE like `23P01`
/// beside it. They are read as alphanumeric of their width in a subsystem where most codes are
/// letters and digits of that width and one has a letter, and in a subsystem of such digits
/// alone when another subsystem is alphanumeric of that width (SQLSTATE's class `00`,
/// `00000`), so that keys sort as the written forms do.
#[derive(Debug, Default)]
pub(crate) struct Notations {
    /// Per subsystem (as written in the cells): its notation, and the first line and written
    /// code in that notation, for messages.
    by_subsystem: HashMap<String, (Notation, u64, String)>,
    /// The subsystems whose codes of digits alone are alphanumeric, with their width.
    alphanumeric: HashMap<String, usize>,
}

impl Notations {
    /// Surveys every row's subsystem and code cells, with the row's line.
    pub(crate) fn survey<'a>(rows: impl Iterator<Item = (&'a str, &'a str, u64)>) -> Notations {
        // Per subsystem, in the order first seen, its readable codes.
        let mut order: Vec<&str> = Vec::new();
        let mut codes: HashMap<&str, Vec<(WrittenCode, u64)>> = HashMap::new();
        for (subsystem, cell, line) in rows {
            let Ok(code) = read_code(cell) else { continue };
            let subsystem = subsystem.trim();
            let seen = codes.entry(subsystem).or_default();
            if seen.is_empty() {
                order.push(subsystem);
            }
            seen.push((code, line));
        }
        let mut alphanumeric: HashMap<String, usize> = HashMap::new();
        for (&subsystem, seen) in &codes {
            if let Some(width) = alphanumeric_width(seen) {
                alphanumeric.insert(subsystem.to_owned(), width);
            }
        }
        let widths: Vec<usize> = alphanumeric.values().copied().collect();
        for (&subsystem, seen) in &codes {
            if alphanumeric.contains_key(subsystem) {
                continue;
            }
            let digits_of = |width: usize| {
                seen.iter()
                    .all(|(code, _)| code.as_alphanumeric(width).is_some())
            };
            if let Some(&width) = widths.iter().find(|&&width| digits_of(width)) {
                alphanumeric.insert(subsystem.to_owned(), width);
            }
        }
        let mut notations = Notations {
            by_subsystem: HashMap::new(),
            alphanumeric,
        };
        for subsystem in order {
            // Per notation: its count and first row, in the order first seen.
            let mut counts: Vec<(Notation, usize, u64, String)> = Vec::new();
            for (code, line) in codes.remove(subsystem).unwrap_or_default() {
                let code = notations.settle(subsystem, code);
                match counts
                    .iter_mut()
                    .find(|(notation, ..)| *notation == code.notation)
                {
                    Some((_, count, ..)) => *count += 1,
                    None => counts.push((code.notation, 1, line, code.written)),
                }
            }
            // The first of the most common: `max_by_key` would take the last.
            let best = counts
                .iter()
                .map(|(_, count, ..)| *count)
                .max()
                .unwrap_or(0);
            if let Some((notation, _, line, written)) =
                counts.into_iter().find(|(_, count, ..)| *count == best)
            {
                notations
                    .by_subsystem
                    .insert(subsystem.to_owned(), (notation, line, written));
            }
        }
        notations
    }

    /// A code of digits alone, read again as alphanumeric in a subsystem whose codes are.
    fn settle(&self, subsystem: &str, code: WrittenCode) -> WrittenCode {
        self.alphanumeric
            .get(subsystem)
            .and_then(|&width| code.as_alphanumeric(width))
            .unwrap_or(code)
    }

    /// Reads a row's code cell: its notation must be its subsystem's.
    pub(crate) fn read(&self, subsystem: &str, cell: &str) -> Result<WrittenCode, Misread> {
        let subsystem = subsystem.trim();
        let code = read_code(cell).map_err(|message| Misread {
            message,
            among_decimal: None,
        })?;
        let code = self.settle(subsystem, code);
        let Some((notation, line, example)) = self.by_subsystem.get(subsystem) else {
            return Ok(code);
        };
        if code.notation == *notation {
            return Ok(code);
        }
        let message = format!(
            "code `{}` is {}, but subsystem `{subsystem}` writes its codes in {}, as line {line} \
             does (`{example}`); write every code of a subsystem one way",
            code.written,
            code.notation.name(),
            notation.name(),
        );
        Err(Misread {
            message,
            among_decimal: (*notation == Notation::Decimal).then_some(code.written),
        })
    }
}

/// Why a code cell cannot be read.
#[derive(Debug)]
pub(crate) struct Misread {
    /// What is wrong, and how to write it.
    pub(crate) message: String,
    /// The cell, when it is in another notation than its subsystem's decimal codes: most likely
    /// a code written as a log or a reference writes it (`E3530`, `0xDCA`), which the parser
    /// names (the reference grammar that reads it sits above this module).
    pub(crate) among_decimal: Option<String>,
}

/// The width of a subsystem's alphanumeric codes, if most of its codes are letters and digits
/// of one width (or digits alone of it) and one of them has a letter.
fn alphanumeric_width(codes: &[(WrittenCode, u64)]) -> Option<usize> {
    let mut widths: Vec<usize> = codes
        .iter()
        .filter_map(|(code, _)| match code.notation {
            Notation::Alphanumeric { width } => Some(width),
            _ => None,
        })
        .collect();
    widths.sort_unstable();
    widths.dedup();
    widths.into_iter().find(|&width| {
        let fitting = codes
            .iter()
            .filter(|(code, _)| {
                code.as_alphanumeric(width).is_some()
                    || code.notation == (Notation::Alphanumeric { width })
            })
            .count();
        2 * fitting > codes.len()
    })
}

fn is_decimal(text: &str) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

fn decimal_key(text: &str) -> Result<i128, String> {
    // Digits alone cannot fail to parse but by overflowing i128, which the range check covers.
    let key = text.parse::<i128>().unwrap_or(i128::MAX);
    if (MIN_KEY..=MAX_KEY).contains(&key) {
        Ok(key)
    } else {
        Err(format!(
            "code `{text}` is out of range: a decimal code lies between {MIN_KEY} and {MAX_KEY}"
        ))
    }
}

fn hex_key(text: &str, digits: &str) -> Result<i128, String> {
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(format!(
            "code `{text}` is not a hexadecimal number: after `0x` come the digits 0-9 and \
             A-F, such as `0xC0000005`"
        ));
    }
    let significant = digits.trim_start_matches('0');
    if significant.len() > 16 {
        return Err(format!(
            "code `{text}` is wider than 64 bits; a hexadecimal code has at most 16 significant \
             digits"
        ));
    }
    Ok(i128::from(u64::from_str_radix(digits, 16).unwrap_or(0)))
}

/// `ORA-00942` → (`ORA-`, `00942`): ASCII letters, one `-` or `_`, then the rest (digits, to be
/// checked by the caller; empty when the prefix has none).
fn split_prefix(text: &str) -> Option<(&str, &str)> {
    let letters = text.bytes().take_while(u8::is_ascii_alphabetic).count();
    let separator = text.as_bytes().get(letters)?;
    if letters == 0 || !matches!(separator, b'-' | b'_') {
        return None;
    }
    let (prefix, digits) = text.split_at(letters + 1);
    digits
        .bytes()
        .all(|b| b.is_ascii_digit())
        .then_some((prefix, digits))
}

/// Uppercase letters and digits, with at least one letter (digits alone read as decimal first).
fn is_alphanumeric(text: &str) -> bool {
    text.bytes()
        .all(|b| b.is_ascii_digit() || b.is_ascii_uppercase())
        && text.bytes().any(|b| b.is_ascii_uppercase())
}

/// The base-36 value of uppercase letters and digits: `0`-`9` are 0-9, `A`-`Z` 10-35.
fn base36(text: &str) -> i128 {
    text.bytes().fold(0, |value, b| {
        let digit = if b.is_ascii_digit() {
            b - b'0'
        } else {
            b.to_ascii_uppercase() - b'A' + 10
        };
        value * 36 + i128::from(digit)
    })
}

/// The written form of `key` in the notation (for the tests: a catalog keeps each code as
/// written):
/// `0xC0000005`, `ORA-00942` (zero-padded to `width`), `22P02`.
#[cfg(test)]
fn write_key(notation: &Notation, key: i128, width: usize) -> String {
    match notation {
        Notation::Decimal => format!("{key:0width$}"),
        Notation::Hex => format!("0x{key:0width$X}"),
        Notation::Prefixed { prefix } => format!("{prefix}{key:0width$}"),
        Notation::Alphanumeric { width } => {
            let mut digits = vec![b'0'; *width];
            let mut rest = key;
            for slot in digits.iter_mut().rev() {
                let digit = u8::try_from(rest % 36).unwrap_or(0);
                *slot = if digit < 10 {
                    b'0' + digit
                } else {
                    b'A' + digit - 10
                };
                rest /= 36;
            }
            String::from_utf8(digits).unwrap_or_default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(cell: &str) -> (Notation, i128, String) {
        let code = read_code(cell).unwrap_or_else(|err| panic!("{cell}: {err}"));
        (code.notation, code.key, code.written)
    }

    fn error(cell: &str) -> String {
        read_code(cell).expect_err(cell)
    }

    #[test]
    fn every_notation_reads_with_its_key_and_keeps_its_written_form() {
        assert_eq!(read(" 3530 "), (Notation::Decimal, 3530, "3530".to_owned()));
        assert_eq!(read("01062"), (Notation::Decimal, 1062, "01062".to_owned()));
        assert_eq!(read("-13"), (Notation::Decimal, -13, "-13".to_owned()));
        assert_eq!(
            read("0xC0000005"),
            (Notation::Hex, 0xC000_0005, "0xC0000005".to_owned())
        );
        assert_eq!(read("0xdca"), (Notation::Hex, 3530, "0xdca".to_owned()));
        assert_eq!(
            read("0xFFFFFFFFFFFFFFFF"),
            (
                Notation::Hex,
                i128::from(u64::MAX),
                "0xFFFFFFFFFFFFFFFF".to_owned()
            )
        );
        assert_eq!(
            read("ORA-00942"),
            (
                Notation::Prefixed {
                    prefix: "ORA-".to_owned()
                },
                942,
                "ORA-00942".to_owned()
            )
        );
        assert_eq!(
            read("MY_010000").0,
            Notation::Prefixed {
                prefix: "MY_".to_owned()
            }
        );
        assert_eq!(
            read("22P02"),
            (
                Notation::Alphanumeric { width: 5 },
                2 * 36_i128.pow(4) + 2 * 36_i128.pow(3) + 25 * 36 * 36 + 2,
                "22P02".to_owned()
            )
        );
    }

    #[test]
    fn alphanumeric_keys_sort_as_the_written_forms_do() {
        let mut codes = [
            "XX000", "00000", "22P02", "0100C", "01000", "HV00R", "22012",
        ];
        let mut by_key = codes;
        codes.sort_unstable();
        by_key.sort_by_key(|code| base36(code));
        assert_eq!(codes, by_key);
    }

    #[test]
    fn digits_alone_read_again_as_alphanumeric_of_their_width() {
        let code = read_code("00000").unwrap();
        assert_eq!(code.notation, Notation::Decimal);
        let again = code.as_alphanumeric(5).unwrap();
        assert_eq!(
            (again.notation, again.key),
            (Notation::Alphanumeric { width: 5 }, 0)
        );
        assert_eq!(
            read_code("23505").unwrap().as_alphanumeric(5).unwrap().key,
            base36("23505")
        );
        assert_eq!(code.as_alphanumeric(4), None);
        assert_eq!(read_code("-1234").unwrap().as_alphanumeric(5), None);
    }

    #[test]
    fn bad_codes_say_what_is_wrong_and_how_to_write_them() {
        assert!(error("").starts_with("empty code"));
        assert!(error("0x").contains("is not a hexadecimal number"));
        assert!(error("0xG1").contains("is not a hexadecimal number"));
        assert!(error("0x1FFFFFFFFFFFFFFFF").contains("wider than 64 bits"));
        assert_eq!(read("0x0000000000000000C0000005").1, 0xC000_0005);
        assert!(error("-0x5").contains("sign before a hexadecimal number"));
        assert!(error("ORA-").contains("has a prefix but no digits"));
        assert!(error("123456789012345678901").contains("out of range"));
        assert!(error("-9223372036854775809").contains("out of range"));
        assert_eq!(read("-9223372036854775808").1, i128::from(i64::MIN));
        assert!(error("ABCDEFGHIJ123").contains("at most 12"));
        let unknown = error("35x0");
        assert!(
            unknown.starts_with("code `35x0` is in no notation ecodes reads: write it in decimal"),
            "{unknown}"
        );
        assert!(error("+35").contains("is in no notation"));
        assert!(error("22p02").contains("is in no notation"));
        assert!(error("abc").contains("is in no notation"));
        assert_eq!(read("HV").0, Notation::Alphanumeric { width: 2 });
        // A SQLSTATE-like code that starts `0X` is letters and digits, not hex: alone when it
        // cannot be hex, and beside its subsystem's other codes when it can.
        assert_eq!(read("0X").0, Notation::Alphanumeric { width: 2 });
        assert_eq!(read("0XZ12").0, Notation::Alphanumeric { width: 5 });
        let hexlike = read_code("0XA12").unwrap_or_else(|problem| panic!("{problem}"));
        assert_eq!(hexlike.notation, Notation::Hex);
        let settled = hexlike
            .as_alphanumeric(5)
            .map(|code| (code.notation, code.key));
        assert_eq!(
            settled,
            Some((Notation::Alphanumeric { width: 5 }, base36("0XA12")))
        );
    }

    #[test]
    fn keys_are_written_back_in_their_notation() {
        assert_eq!(write_key(&Notation::Decimal, 1062, 5), "01062");
        assert_eq!(write_key(&Notation::Hex, 0xC000_0005, 8), "0xC0000005");
        let ora = Notation::Prefixed {
            prefix: "ORA-".to_owned(),
        };
        assert_eq!(write_key(&ora, 942, 5), "ORA-00942");
        let sqlstate = Notation::Alphanumeric { width: 5 };
        assert_eq!(write_key(&sqlstate, base36("22P02"), 0), "22P02");
        assert_eq!(write_key(&sqlstate, 0, 0), "00000");
    }

    #[test]
    fn the_key_type_is_the_first_that_holds_every_key() {
        assert_eq!(KeyType::for_range(0, 3530), Some(KeyType::U32));
        assert_eq!(KeyType::for_range(0, 0xC000_0005), Some(KeyType::U32));
        assert_eq!(KeyType::for_range(-13, 0), Some(KeyType::I32));
        assert_eq!(KeyType::for_range(-1, 0xC000_0005), Some(KeyType::I64));
        assert_eq!(
            KeyType::for_range(0, i128::from(u64::MAX)),
            Some(KeyType::U64)
        );
        assert_eq!(KeyType::for_range(-1, i128::from(u64::MAX)), None);
        assert_eq!(KeyType::I64.to_string(), "i64");
    }

    mod properties {
        use proptest::prelude::*;

        use super::*;

        /// A notation and a key it can hold, with the width to write it in.
        fn written_codes() -> impl Strategy<Value = (Notation, i128, usize)> {
            prop_oneof![
                (any::<i64>(), 0..8usize).prop_map(|(key, width)| (
                    Notation::Decimal,
                    i128::from(key),
                    width
                )),
                (any::<u64>(), 0..20usize).prop_map(|(key, width)| (
                    Notation::Hex,
                    i128::from(key),
                    width
                )),
                ("[A-Z]{1,4}[-_]", any::<u32>(), 0..10usize).prop_map(|(prefix, key, width)| {
                    (Notation::Prefixed { prefix }, i128::from(key), width)
                }),
                (1..=MAX_ALPHANUMERIC_WIDTH).prop_flat_map(|width| {
                    let top = 36_i128.pow(u32::try_from(width).unwrap_or(1));
                    (0..top).prop_map(move |key| (Notation::Alphanumeric { width }, key, 0))
                }),
            ]
        }

        proptest! {
            #![proptest_config(ProptestConfig { cases: 2_000, ..ProptestConfig::default() })]

            /// Key → written form → key is the identity, in every notation: the written form
            /// reads back in its own notation (an alphanumeric code of digits alone once its
            /// subsystem is known to be alphanumeric) with the key it was written from.
            #[test]
            fn a_key_written_in_its_notation_reads_back_as_itself((notation, key, width) in written_codes()) {
                let written = write_key(&notation, key, width);
                let read = read_code(&written).map_err(TestCaseError::fail)?;
                let read = match notation {
                    Notation::Alphanumeric { width } => read.as_alphanumeric(width).unwrap_or(read),
                    _ => read,
                };
                prop_assert_eq!(&read.notation, &notation, "{}", written);
                prop_assert_eq!(read.key, key, "{}", written);
                prop_assert_eq!(read.written, written);
            }
        }
    }

    #[test]
    fn notations_describe_themselves_with_an_example() {
        assert_eq!(Notation::Hex.to_string(), "hexadecimal (`0xC0000005`)");
        assert_eq!(
            Notation::Alphanumeric { width: 5 }.to_string(),
            "5 letters and digits (`22P02`)"
        );
        assert_eq!(
            Notation::Prefixed {
                prefix: "ORA-".to_owned()
            }
            .describe(),
            "`ORA-` and digits (`ORA-00942`)"
        );
    }
}
