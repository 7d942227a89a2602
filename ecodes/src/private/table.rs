//! The catalog tables that generated code reads: names, severities, texts per column and the
//! code-to-entry lookup, each a few large literals decoded here, compiled once in this crate.

#![allow(
    clippy::inline_always,
    reason = "measured: with #[inline] rustc kept the lookup out of line at 70 call sites; the \
              catalog is a constant at each, so inlining folds the table's shape away"
)]

use crate::Severity;

/// Slot value meaning "no code here" in a dense lookup table.
const NO_SLOT: u32 = u32::MAX;

/// How a catalog maps a code to its entry index.
#[derive(Clone, Copy)]
pub enum Lookup {
    /// A slot per code from `first` on: `slots` holds little-endian indices of `width` bytes
    /// (2 or 4), all ones for a gap. O(1); used when codes are dense enough.
    Dense {
        /// The smallest code.
        first: u32,
        /// Bytes per slot: 2 or 4.
        width: usize,
        /// The slots.
        slots: &'static [u8],
    },
    /// Runs of consecutive codes, sorted: 12 bytes each, the little-endian first code, length
    /// and entry index of the run's first code. Binary search; used for sparse catalogs.
    Runs(&'static [u8]),
}

/// One text column (a language's messages or helps): every entry's text concatenated, and the
/// little-endian `u32` end offset of each entry's text in `blob`.
#[derive(Clone, Copy)]
pub struct Texts {
    /// All texts, concatenated in entry order.
    pub blob: &'static str,
    /// 4 bytes per entry: where its text ends in `blob`.
    pub ends: &'static [u8],
}

/// A whole generated catalog.
#[derive(Clone, Copy)]
pub struct Catalog {
    /// Code to entry index.
    pub lookup: Lookup,
    /// Entry names, by entry index. Packed like the texts because rustc checks every `&str` in
    /// a constant one by one, which costs about a second per 20,000 separate names.
    pub names: Texts,
    /// One byte per entry: 0 unspecified, 1 Info, 2 Warning, 3 Error.
    pub severities: &'static [u8],
    /// Language tags; the first is the default.
    pub languages: &'static [&'static str],
    /// Messages, one column per language.
    pub messages: &'static [Texts],
    /// Causes and solutions, one column per language.
    pub helps: &'static [Texts],
    /// Why each entry was retired; empty for one still in use.
    pub retired: Texts,
}

/// A little-endian `u16` at `at`; 0 past the end (callers check bounds first).
#[inline(always)]
const fn read_u16(bytes: &[u8], at: usize) -> u32 {
    if at + 2 > bytes.len() {
        return 0;
    }
    u16::from_le_bytes([bytes[at], bytes[at + 1]]) as u32
}

/// A little-endian `u32` at `at`; 0 past the end (callers check bounds first).
#[inline(always)]
const fn read_u32(bytes: &[u8], at: usize) -> u32 {
    if at + 4 > bytes.len() {
        return 0;
    }
    u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
}

impl Catalog {
    /// The entry index of `code`, if the catalog has it.
    ///
    /// `inline(always)`: the catalog is a constant at every call site, so inlining lets the
    /// compiler fold the table kind, the first code and the slot width away.
    #[inline(always)]
    pub const fn index_of(&self, code: u32) -> Option<usize> {
        match self.lookup {
            Lookup::Dense {
                first,
                width,
                slots,
            } => {
                let Some(offset) = code.checked_sub(first) else {
                    return None;
                };
                let at = offset as usize * width;
                if at + width > slots.len() {
                    return None;
                }
                let (slot, gap) = if width == 2 {
                    (read_u16(slots, at), 0xFFFF)
                } else {
                    (read_u32(slots, at), NO_SLOT)
                };
                if slot == gap {
                    None
                } else {
                    Some(slot as usize)
                }
            }
            Lookup::Runs(runs) => {
                // Branch-free lower bound over the runs' first codes: the loop's only branch
                // depends on the run count, not on the code, so it predicts perfectly.
                let mut size = runs.len() / 12;
                if size == 0 {
                    return None;
                }
                let mut base = 0;
                while size > 1 {
                    let half = size / 2;
                    let mid = base + half;
                    base = if read_u32(runs, mid * 12) <= code {
                        mid
                    } else {
                        base
                    };
                    size -= half;
                }
                let start = read_u32(runs, base * 12);
                let Some(offset) = code.checked_sub(start) else {
                    return None;
                };
                if offset < read_u32(runs, base * 12 + 4) {
                    Some((read_u32(runs, base * 12 + 8) + offset) as usize)
                } else {
                    None
                }
            }
        }
    }

    /// The index of `code` relative to `base` when it lies in `base..base + len`: the position
    /// of the code in one subsystem's `ALL`.
    #[inline(always)]
    pub const fn index_in(&self, code: u32, base: usize, len: usize) -> Option<usize> {
        match self.index_of(code) {
            Some(index) if index >= base && index - base < len => Some(index - base),
            _ => None,
        }
    }

    /// The entry index of a code known to be in the catalog (a generated variant's code).
    #[inline(always)]
    pub const fn known(&self, code: u32) -> usize {
        match self.index_of(code) {
            Some(index) => index,
            // Generated variants are exactly the catalog's codes.
            None => usize::MAX,
        }
    }

    /// The name of the entry at `index`.
    #[inline(always)]
    pub const fn name(&self, index: usize) -> &'static str {
        self.names.get_const(index)
    }

    /// The severity of the entry at `index`.
    #[inline(always)]
    pub const fn severity(&self, index: usize) -> Option<Severity> {
        match self.severities[index] {
            1 => Some(Severity::Info),
            2 => Some(Severity::Warning),
            3 => Some(Severity::Error),
            _ => None,
        }
    }

    fn language(&self, lang: &str) -> Option<usize> {
        self.languages.iter().position(|known| *known == lang)
    }

    /// The message of the entry at `index` in the default language, else the first language
    /// that has one, else empty.
    #[inline]
    pub fn message(&self, index: usize) -> &'static str {
        first_non_empty(self.messages, index).unwrap_or("")
    }

    /// The help of the entry at `index`, with the same fallback as [`Catalog::message`].
    #[inline]
    pub fn help(&self, index: usize) -> Option<&'static str> {
        first_non_empty(self.helps, index)
    }

    /// Why the entry at `index` was retired, if it was.
    pub fn retired(&self, index: usize) -> Option<&'static str> {
        non_empty(self.retired.get(index))
    }

    /// The message of the entry at `index` in `lang`.
    pub fn message_in(&self, index: usize, lang: &str) -> Option<&'static str> {
        let column = self.messages.get(self.language(lang)?)?;
        non_empty(column.get(index))
    }

    /// The help of the entry at `index` in `lang`.
    pub fn help_in(&self, index: usize, lang: &str) -> Option<&'static str> {
        let column = self.helps.get(self.language(lang)?)?;
        non_empty(column.get(index))
    }
}

impl Texts {
    /// Where the text of the entry at `index` starts and stops in `blob`.
    #[inline]
    const fn bounds(&self, index: usize) -> Option<(usize, usize)> {
        let at = index * 4;
        if at + 4 > self.ends.len() {
            return None;
        }
        let stop = read_u32(self.ends, at) as usize;
        let start = if index == 0 {
            0
        } else {
            read_u32(self.ends, at - 4) as usize
        };
        if start <= stop && stop <= self.blob.len() {
            Some((start, stop))
        } else {
            None
        }
    }

    /// The text of the entry at `index`; empty when out of range.
    #[inline]
    pub fn get(&self, index: usize) -> &'static str {
        match self.bounds(index) {
            Some((start, stop)) => self.blob.get(start..stop).unwrap_or(""),
            None => "",
        }
    }

    /// [`Texts::get`] for const contexts, where slicing a `str` is not available.
    #[inline(always)]
    #[allow(unsafe_code)]
    pub const fn get_const(&self, index: usize) -> &'static str {
        let Some((start, stop)) = self.bounds(index) else {
            return "";
        };
        let bytes = self.blob.as_bytes();
        if !is_char_boundary(bytes, start) || !is_char_boundary(bytes, stop) {
            return "";
        }
        let (_, text) = bytes.split_at(stop).0.split_at(start);
        // SAFETY: `text` is `blob[start..stop]`, `blob` is a `str`, and both ends are char
        // boundaries (checked above), so `text` is valid UTF-8. Checking the whole slice with
        // `from_utf8` instead cost `name()` about 10 ns a call.
        unsafe { core::str::from_utf8_unchecked(text) }
    }
}

/// `str::is_char_boundary` for const contexts: the end, or a byte that does not continue a
/// multi-byte character.
#[inline(always)]
const fn is_char_boundary(bytes: &[u8], at: usize) -> bool {
    at == bytes.len() || (at < bytes.len() && bytes[at] & 0xC0 != 0x80)
}

fn non_empty(text: &'static str) -> Option<&'static str> {
    if text.is_empty() {
        None
    } else {
        Some(text)
    }
}

#[inline]
fn first_non_empty(columns: &[Texts], index: usize) -> Option<&'static str> {
    columns
        .iter()
        .map(|column| column.get(index))
        .find(|text| !text.is_empty())
}

#[cfg(test)]
mod tests {
    extern crate std;

    use super::*;

    const TEXTS: Texts = Texts {
        blob: "oneTwo",
        ends: b"\x03\0\0\0\x03\0\0\0\x06\0\0\0",
    };

    fn catalog(lookup: Lookup) -> Catalog {
        Catalog {
            lookup,
            names: Texts {
                blob: "ABC",
                ends: b"\x01\0\0\0\x02\0\0\0\x03\0\0\0",
            },
            severities: b"\x03\x00\x01",
            languages: &["en", "zh"],
            messages: &[
                TEXTS,
                Texts {
                    blob: "x",
                    ends: b"\x01\0\0\0\x01\0\0\0\x01\0\0\0",
                },
            ],
            helps: &[],
            retired: Texts {
                blob: "gone",
                ends: b"\0\0\0\0\x04\0\0\0\x04\0\0\0",
            },
        }
    }

    #[test]
    fn dense_and_run_lookups_agree() {
        // Codes 10, 11 and 14.
        let dense = catalog(Lookup::Dense {
            first: 10,
            width: 2,
            slots: b"\x00\x00\x01\x00\xff\xff\xff\xff\x02\x00",
        });
        let runs = catalog(Lookup::Runs(
            b"\x0a\0\0\0\x02\0\0\0\x00\0\0\0\x0e\0\0\0\x01\0\0\0\x02\0\0\0",
        ));
        for code in 0..20 {
            let expected = match code {
                10 => Some(0),
                11 => Some(1),
                14 => Some(2),
                _ => None,
            };
            assert_eq!(dense.index_of(code), expected, "dense {code}");
            assert_eq!(runs.index_of(code), expected, "runs {code}");
        }
        assert_eq!(dense.index_of(u32::MAX), None);
        assert_eq!(dense.index_in(14, 1, 2), Some(1));
        assert_eq!(dense.index_in(10, 1, 2), None);
        // Entry 2 is the first of the next group, not the last of `0..2`.
        assert_eq!(dense.index_in(14, 0, 2), None);
        assert_eq!(dense.index_in(11, 0, 2), Some(1));
    }

    #[test]
    fn the_run_search_finds_every_code_and_no_other() {
        // Runs of codes 3k..3k+k for k in 1..=n: every run count from 1 to 9, searched for
        // every code around them.
        for n in 1..=9u32 {
            let mut bytes = [0u8; 9 * 12];
            let mut index = 0u32;
            for k in 1..=n {
                let at = (k as usize - 1) * 12;
                bytes[at..at + 4].copy_from_slice(&(10 * k).to_le_bytes());
                bytes[at + 4..at + 8].copy_from_slice(&k.to_le_bytes());
                bytes[at + 8..at + 12].copy_from_slice(&index.to_le_bytes());
                index += k;
            }
            let runs: &'static [u8] = std::vec::Vec::leak(bytes[..n as usize * 12].to_vec());
            let catalog = catalog(Lookup::Runs(runs));
            let mut expected_index = 0usize;
            for code in 0..10 * (n + 2) {
                let k = code / 10;
                let hit = (1..=n).contains(&k) && code % 10 < k;
                let expected = hit.then(|| {
                    let found = expected_index;
                    expected_index += 1;
                    found
                });
                assert_eq!(catalog.index_of(code), expected, "{n} runs, code {code}");
            }
        }
    }

    #[test]
    fn texts_fall_back_to_the_first_language_that_has_one() {
        let catalog = catalog(Lookup::Runs(b""));
        assert_eq!(catalog.message(0), "one");
        assert_eq!(catalog.message(1), "");
        assert_eq!(catalog.message_in(1, "en"), None);
        assert_eq!(catalog.message(2), "Two");
        assert_eq!(catalog.message_in(0, "zh"), Some("x"));
        assert_eq!(catalog.message_in(0, "fr"), None);
        assert_eq!(catalog.help(0), None);
        assert_eq!(catalog.retired(0), None);
        assert_eq!(catalog.retired(1), Some("gone"));
        assert_eq!(catalog.severity(0), Some(Severity::Error));
        assert_eq!(catalog.severity(1), None);
        assert_eq!(TEXTS.get(7), "");
        assert_eq!(catalog.name(1), "B");
        assert_eq!(TEXTS.get_const(2), "Two");
        assert_eq!(TEXTS.get_const(3), "");
    }

    #[test]
    fn severities_and_helps_by_entry_and_language() {
        let catalog = Catalog {
            severities: b"\x01\x02\x03\x00",
            helps: &[TEXTS],
            ..catalog(Lookup::Runs(b""))
        };
        let severities: std::vec::Vec<_> = (0..4).map(|index| catalog.severity(index)).collect();
        assert_eq!(
            severities,
            [
                Some(Severity::Info),
                Some(Severity::Warning),
                Some(Severity::Error),
                None
            ]
        );
        assert_eq!(catalog.help(0), Some("one"));
        assert_eq!(catalog.help_in(0, "en"), Some("one"));
        assert_eq!(catalog.help_in(1, "en"), None);
        assert_eq!(catalog.help_in(2, "en"), Some("Two"));
        assert_eq!(catalog.help_in(0, "zh"), None);
        assert_eq!(catalog.help_in(0, "fr"), None);
    }

    #[test]
    fn texts_never_split_a_character_or_read_out_of_order() {
        // "é" is two bytes: an end inside it, or ends out of order, give no text.
        let split = Texts {
            blob: "aéb",
            ends: b"\x02\0\0\0\x04\0\0\0",
        };
        assert_eq!(split.get_const(0), "");
        assert_eq!(split.get(0), "");
        assert_eq!(split.get_const(1), "");
        let whole = Texts {
            blob: "aéb",
            ends: b"\x01\0\0\0\x03\0\0\0\x04\0\0\0",
        };
        let texts: std::vec::Vec<_> = (0..3).map(|index| whole.get_const(index)).collect();
        assert_eq!(texts, ["a", "é", "b"]);
        let backwards = Texts {
            blob: "abc",
            ends: b"\x02\0\0\0\x01\0\0\0",
        };
        assert_eq!(backwards.get_const(1), "");
        assert_eq!(backwards.get(1), "");
    }
}
