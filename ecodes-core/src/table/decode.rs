//! The decoder: the tables as generated code holds them (`'static` literals) and the lookups
//! and accessors the generated impls call, through `ecodes::__private`.

#![allow(
    clippy::inline_always,
    reason = "measured: with #[inline] rustc kept the lookup out of line at 70 call sites; the \
              catalog is a constant at each, so inlining folds the table's shape away"
)]

use super::format::{
    self, by_first, by_tag, read_u16, read_u32, run, severity, CONTIGUOUS, GROUP_SLOT_BYTES,
    NO_SLOT, NO_SLOT_16, NO_TAG, TEXT_END_BYTES,
};
use crate::Severity;

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
    /// Runs of consecutive codes, sorted: [`run::BYTES`] each, the little-endian first code,
    /// length and entry index of the run's first code. Binary search; used for sparse catalogs.
    Runs(&'static [u8]),
    /// `Runs` with an index that narrows the search to the few runs near a code: the codes
    /// from `first` on fall into buckets of `1 << shift` codes, and `buckets` holds, per bucket,
    /// the little-endian `u32` index of the last run starting at or before the bucket's first
    /// code. The runs a bucket's codes can fall in are then among the `window` runs from there
    /// (fewer only at the end), so the search takes the same few steps for every code. Used for
    /// catalogs with many runs.
    IndexedRuns {
        /// The runs, as in `Runs`.
        runs: &'static [u8],
        /// The smallest code.
        first: u32,
        /// log2 of the codes per bucket.
        shift: u32,
        /// How many runs from a bucket's first candidate the search covers.
        window: u32,
        /// [`bucket::BYTES`](format::bucket::BYTES) per bucket.
        buckets: &'static [u8],
    },
}

impl Lookup {
    /// Whether this is a dense table, which answers in one load.
    #[inline(always)]
    pub const fn is_dense(&self) -> bool {
        matches!(self, Lookup::Dense { .. })
    }
}

/// One text column (a language's messages or helps): every entry's text concatenated, and the
/// little-endian `u32` end offset of each entry's text in `blob`.
///
/// The fields are private and [`Texts::new`] is `unsafe` because [`Texts::get`] slices `blob`
/// without checking that the offsets fall on character boundaries: that check reads the text's
/// bytes, a cache miss per call that made `message()` several times slower than a `match`.
#[derive(Clone, Copy)]
pub struct Texts {
    blob: &'static str,
    ends: &'static [u8],
}

/// Per-subsystem dense tables, used when every subsystem's codes lie in a range of its own and
/// those ranges are dense enough. A generated value knows its subsystem (its type, or `Code`'s
/// tag), so finding its entry is one subtraction and one 2-byte load, whatever the catalog's
/// size or gaps.
#[derive(Clone, Copy)]
pub struct Groups {
    /// [`by_tag::BYTES`] per subsystem, in subsystem order (a subsystem's tag): its first code,
    /// its span (last code − first code + 1), the offset of its first slot in `slots`
    /// ([`CONTIGUOUS`] when its codes are consecutive and it needs none), and the entry index of
    /// its first entry; little-endian `u32`s.
    pub by_tag: &'static [u8],
    /// [`by_first::BYTES`] per subsystem, ascending by first code: the first code and the tag.
    /// The subsystems' ranges do not overlap.
    pub by_first: &'static [u8],
    /// [`GROUP_SLOT_BYTES`] per code of every subsystem's span: the little-endian position of
    /// the code among its subsystem's entries, `0xFFFF` for a gap.
    pub slots: &'static [u8],
    /// One byte per code from the smallest first code on: the tag of the subsystem that has the
    /// code, [`NO_TAG`] for a code no subsystem has. It turns `Code::from_code` into one load;
    /// empty when the catalog's span is too wide for it or it has too many subsystems.
    pub tags: &'static [u8],
    /// `Some(first)` when every entry's index is its code minus `first` (consecutive codes, the
    /// subsystems in code order): an entry's index is then one subtraction.
    pub consecutive_from: Option<u32>,
}

/// A whole generated catalog.
#[derive(Clone, Copy)]
pub struct Catalog {
    /// Code to entry index, when there are no `groups` (empty runs otherwise).
    pub lookup: Lookup,
    /// Per-subsystem tables, when the catalog's shape allows them; `lookup` serves otherwise.
    pub groups: Option<Groups>,
    /// Entry names, by entry index. Packed like the texts because rustc checks every `&str` in
    /// a constant one by one, which costs about a second per 20,000 separate names.
    pub names: Texts,
    /// One byte per entry, as [`format::severity`] lists them.
    pub severities: &'static [u8],
    /// Language tags; the first is the default.
    pub languages: &'static [&'static str],
    /// Messages, one column per language.
    pub messages: &'static [Texts],
    /// One byte per entry: the column `message()` reads, the first language that has a
    /// message (column 0 when none has, whose text is then empty). Empty when the catalog has
    /// one language (or more than 256), when `message()` looks for the column itself.
    /// Choosing the column at build time spares every call a data-dependent branch per
    /// language.
    pub message_sources: &'static [u8],
    /// Causes and solutions, one column per language.
    pub helps: &'static [Texts],
    /// One byte per entry: the column `help()` reads, as `message_sources`.
    pub help_sources: &'static [u8],
    /// The optional per-entry text columns (such as why an entry was retired), one per slot,
    /// in the order the generator chose; a blank text is empty.
    pub fields: &'static [Texts],
    /// Every entry's code as the catalog writes it.
    pub written: Texts,
    /// The entry indices sorted by written form, a little-endian `u32` each.
    pub written_order: &'static [u8],
}

/// The entry index of `code` if run `at` (of `runs`) holds it.
#[inline(always)]
const fn in_run(runs: &[u8], at: usize, code: u32) -> Option<usize> {
    let record = at * run::BYTES;
    let start = read_u32(runs, record + run::FIRST);
    let Some(offset) = code.checked_sub(start) else {
        return None;
    };
    if offset < read_u32(runs, record + run::LEN) {
        Some((read_u32(runs, record + run::INDEX) + offset) as usize)
    } else {
        None
    }
}

/// The last of the records (`stride` bytes each, ascending by the `u32` they start with) whose
/// first word is at most `code`, or the first record if none is; `None` when there are none.
///
/// Branch-free: the loop's only branch depends on the record count, not on the code, so it
/// predicts perfectly, and each step moves `base` by a select.
#[inline(always)]
const fn last_at_or_below(records: &[u8], stride: usize, code: u32) -> Option<usize> {
    let mut size = records.len() / stride;
    if size == 0 {
        return None;
    }
    let mut base = 0;
    while size > 1 {
        let half = size / 2;
        let mid = base + half;
        base = if read_u32(records, mid * stride) <= code {
            mid
        } else {
            base
        };
        size -= half;
    }
    Some(base)
}

impl Catalog {
    /// The entry index of `code`, if the catalog has it.
    ///
    /// `inline(always)`: the catalog is a constant at every call site, so inlining lets the
    /// compiler fold the table kind, the first code and the slot width away.
    #[inline(always)]
    pub const fn index_of(&self, code: u32) -> Option<usize> {
        // A dense table answers in one load, so it wins over the groups whenever the catalog
        // has one.
        if let (Some(groups), false) = (self.groups, self.lookup.is_dense()) {
            return match groups.locate(code) {
                Some((_, index)) => Some(index),
                None => None,
            };
        }
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
                    (read_u16(slots, at), NO_SLOT_16)
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
                let Some(base) = last_at_or_below(runs, run::BYTES, code) else {
                    return None;
                };
                in_run(runs, base, code)
            }
            Lookup::IndexedRuns {
                runs,
                first,
                shift,
                window,
                buckets,
            } => {
                let Some(offset) = code.checked_sub(first) else {
                    return None;
                };
                let bucket = (offset >> shift) as usize;
                if (bucket + 1) * format::bucket::BYTES > buckets.len() {
                    return None;
                }
                // A window of the same size for every code, moved back from the end if needed,
                // keeps the number of search steps constant: no branch depends on the code.
                let count = runs.len() / run::BYTES;
                let window = if (window as usize) < count {
                    window as usize
                } else {
                    count
                };
                let mut low = read_u32(buckets, bucket * format::bucket::BYTES) as usize;
                if low + window > count {
                    low = count - window;
                }
                let candidates = runs
                    .split_at(low * run::BYTES)
                    .1
                    .split_at(window * run::BYTES)
                    .0;
                let Some(base) = last_at_or_below(candidates, run::BYTES, code) else {
                    return None;
                };
                in_run(runs, low + base, code)
            }
        }
    }

    /// Whether `code` is one of the codes of the subsystem with tag `tag`, whose entries are
    /// `base..base + len`.
    #[inline(always)]
    pub const fn has_in(&self, tag: usize, base: usize, len: usize, code: u32) -> bool {
        if let Some(groups) = self.groups {
            return groups.position(tag, code).is_some();
        }
        match self.index_of(code) {
            Some(index) => index >= base && index - base < len,
            None => false,
        }
    }

    /// The tag of the subsystem that has `code`, if any does: what `Code::from_code` needs.
    /// `group_bases` holds each subsystem's first entry index, in tag order.
    #[inline(always)]
    pub const fn tag_of(&self, code: u32, group_bases: &[u32]) -> Option<u32> {
        if let Some(groups) = self.groups {
            if !groups.tags.is_empty() {
                return groups.tag_by_table(code);
            }
            return match groups.locate(code) {
                Some((tag, _)) => Some(tag),
                None => None,
            };
        }
        let Some(index) = self.index_of(code) else {
            return None;
        };
        // Without groups, the tag is the number of subsystems that start at or before the
        // entry, less one: a branch-free count over the few subsystem boundaries.
        let mut tag = 0;
        let mut at = 1;
        while at < group_bases.len() {
            tag += (group_bases[at] as usize <= index) as u32;
            at += 1;
        }
        Some(tag)
    }

    /// The entry index of a generated value: code `code` of the subsystem with tag `tag`.
    #[inline(always)]
    pub const fn known(&self, tag: usize, code: u32) -> usize {
        if let Some(groups) = self.groups {
            if let Some(first) = groups.consecutive_from {
                return code.wrapping_sub(first) as usize;
            }
            if !self.lookup.is_dense() {
                return match groups.position(tag, code) {
                    Some((base, position)) => base + position,
                    None => usize::MAX,
                };
            }
        }
        match self.index_of(code) {
            Some(index) => index,
            // Generated variants are exactly the catalog's codes.
            None => usize::MAX,
        }
    }

    /// The name of the entry at `index`.
    #[inline(always)]
    pub const fn name(&self, index: usize) -> &'static str {
        self.names.get(index)
    }

    /// The severity of the entry at `index`.
    #[inline(always)]
    pub const fn severity(&self, index: usize) -> Option<Severity> {
        // The bytes follow the order of `Severity`'s variants, so that this match compiles to
        // next to nothing.
        match self.severities[index] {
            severity::INFO => Some(Severity::Info),
            severity::WARNING => Some(Severity::Warning),
            severity::ERROR => Some(Severity::Error),
            _ => None,
        }
    }

    #[inline(always)]
    fn language(&self, lang: &str) -> Option<usize> {
        self.languages.iter().position(|known| *known == lang)
    }

    /// The message of the entry at `index` in the default language, else the first language
    /// that has one, else empty.
    #[inline(always)]
    pub const fn message(&self, index: usize) -> &'static str {
        source(self.messages, self.message_sources, index)
    }

    /// The help of the entry at `index`, with the same fallback as [`Catalog::message`].
    #[inline(always)]
    pub const fn help(&self, index: usize) -> Option<&'static str> {
        non_empty(source(self.helps, self.help_sources, index))
    }

    /// The text of the entry at `index` in the optional column at `slot` of
    /// [`Catalog::fields`]; `None` when blank or when the catalog has no such column.
    #[inline(always)]
    pub const fn field(&self, slot: usize, index: usize) -> Option<&'static str> {
        if slot < self.fields.len() {
            non_empty(self.fields[slot].get(index))
        } else {
            None
        }
    }

    /// The code of the entry at `index` as the catalog writes it.
    #[inline(always)]
    pub const fn written(&self, index: usize) -> &'static str {
        self.written.get(index)
    }

    /// The entry whose code is written exactly `text`: a binary search of the written forms.
    pub fn find_written(&self, text: &str) -> Option<usize> {
        let count = self.written_order.len() / TEXT_END_BYTES;
        let index_at = |at: usize| read_u32(self.written_order, at * TEXT_END_BYTES) as usize;
        let (mut low, mut high) = (0, count);
        while low < high {
            let mid = low + (high - low) / 2;
            match self.written(index_at(mid)).as_bytes().cmp(text.as_bytes()) {
                core::cmp::Ordering::Less => low = mid + 1,
                core::cmp::Ordering::Greater => high = mid,
                core::cmp::Ordering::Equal => return Some(index_at(mid)),
            }
        }
        None
    }

    /// The message of the entry at `index` in `lang`.
    #[inline(always)]
    pub fn message_in(&self, index: usize, lang: &str) -> Option<&'static str> {
        let column = self.messages.get(self.language(lang)?)?;
        non_empty(column.get(index))
    }

    /// The help of the entry at `index` in `lang`.
    #[inline(always)]
    pub fn help_in(&self, index: usize, lang: &str) -> Option<&'static str> {
        let column = self.helps.get(self.language(lang)?)?;
        non_empty(column.get(index))
    }
}

impl Groups {
    /// The entry index of the subsystem's first entry and the position of `code` among the
    /// subsystem's entries, if it has the code.
    #[inline(always)]
    const fn position(&self, tag: usize, code: u32) -> Option<(usize, usize)> {
        let at = tag * by_tag::BYTES;
        let Some(offset) = code.checked_sub(read_u32(self.by_tag, at + by_tag::FIRST)) else {
            return None;
        };
        if offset >= read_u32(self.by_tag, at + by_tag::SPAN) {
            return None;
        }
        let first_slot = read_u32(self.by_tag, at + by_tag::FIRST_SLOT);
        let position = if first_slot == CONTIGUOUS {
            offset
        } else {
            let slot_at = (first_slot as usize + offset as usize) * GROUP_SLOT_BYTES;
            if slot_at + GROUP_SLOT_BYTES > self.slots.len() {
                return None;
            }
            let position = read_u16(self.slots, slot_at);
            if position == NO_SLOT_16 {
                return None;
            }
            position
        };
        Some((
            read_u32(self.by_tag, at + by_tag::BASE) as usize,
            position as usize,
        ))
    }

    /// The tag of the subsystem that has `code`, from `tags` (which must not be empty).
    #[inline(always)]
    const fn tag_by_table(&self, code: u32) -> Option<u32> {
        let Some(offset) = code.checked_sub(read_u32(self.by_first, by_first::FIRST)) else {
            return None;
        };
        if offset as usize >= self.tags.len() {
            return None;
        }
        match self.tags[offset as usize] {
            NO_TAG => None,
            tag => Some(tag as u32),
        }
    }

    /// The tag of the subsystem that has `code` and the code's entry index, if one has it.
    #[inline(always)]
    const fn locate(&self, code: u32) -> Option<(u32, usize)> {
        let tag = if self.tags.is_empty() {
            let Some(base) = last_at_or_below(self.by_first, by_first::BYTES, code) else {
                return None;
            };
            read_u32(self.by_first, base * by_first::BYTES + by_first::TAG)
        } else {
            match self.tag_by_table(code) {
                Some(tag) => tag,
                None => return None,
            }
        };
        match self.position(tag as usize, code) {
            Some((base, position)) => Some((tag, base + position)),
            None => None,
        }
    }
}

impl Texts {
    /// A column from its concatenated texts and their end offsets.
    ///
    /// # Safety
    /// `ends` holds one little-endian `u32` per text: where the text ends in `blob` (a text
    /// starts where the previous one ends, the first at 0). The offsets must be ascending, at
    /// most `blob.len()`, and each on a character boundary of `blob`. The encoder's
    /// `PackedTexts` (in `table::encode`) writes them from the texts themselves, so generated
    /// columns satisfy this by construction.
    #[must_use]
    #[allow(unsafe_code)]
    pub const unsafe fn new(blob: &'static str, ends: &'static [u8]) -> Self {
        Texts { blob, ends }
    }

    /// How many texts the column holds.
    #[must_use]
    pub const fn len(&self) -> usize {
        self.ends.len() / TEXT_END_BYTES
    }

    /// Whether the column holds no texts.
    #[must_use]
    pub const fn is_empty(&self) -> bool {
        self.ends.len() < TEXT_END_BYTES
    }

    /// The text of the entry at `index`; empty when out of range.
    #[inline(always)]
    #[allow(unsafe_code)]
    pub const fn get(&self, index: usize) -> &'static str {
        let at = index * TEXT_END_BYTES;
        if at + TEXT_END_BYTES > self.ends.len() {
            return "";
        }
        let stop = read_u32(self.ends, at) as usize;
        let start = if index == 0 {
            0
        } else {
            read_u32(self.ends, at - TEXT_END_BYTES) as usize
        };
        // SAFETY: by the contract of `Texts::new`, `start <= stop <= blob.len()` and both are
        // character boundaries of `blob`, so the bytes between them are in bounds and valid
        // UTF-8.
        unsafe {
            let bytes = core::slice::from_raw_parts(self.blob.as_ptr().add(start), stop - start);
            core::str::from_utf8_unchecked(bytes)
        }
    }
}

#[inline(always)]
const fn non_empty(text: &'static str) -> Option<&'static str> {
    if text.is_empty() {
        None
    } else {
        Some(text)
    }
}

/// The text of entry `index` in the column `sources` names for it, or without sources in the
/// first column that has one; empty when none has.
#[inline(always)]
const fn source(columns: &[Texts], sources: &[u8], index: usize) -> &'static str {
    if sources.is_empty() {
        let mut column = 0;
        while column < columns.len() {
            let text = columns[column].get(index);
            if !text.is_empty() {
                return text;
            }
            column += 1;
        }
        return "";
    }
    let column = if index < sources.len() {
        sources[index] as usize
    } else {
        0
    };
    if column < columns.len() {
        columns[column].get(index)
    } else {
        ""
    }
}

#[cfg(test)]
mod tests {
    extern crate std;

    use super::*;

    /// Test columns, whose offsets are written by hand to satisfy `Texts::new`'s contract.
    #[allow(unsafe_code)]
    const fn texts(blob: &'static str, ends: &'static [u8]) -> Texts {
        // SAFETY: every call below passes ascending offsets on character boundaries.
        unsafe { Texts::new(blob, ends) }
    }

    const TEXTS: Texts = texts("oneTwo", b"\x03\0\0\0\x03\0\0\0\x06\0\0\0");

    const MESSAGES: [Texts; 2] = [TEXTS, texts("x", b"\x01\0\0\0\x01\0\0\0\x01\0\0\0")];

    /// Slot 0: why entry 1 was retired.
    const FIELDS: [Texts; 1] = [texts("gone", b"\0\0\0\0\x04\0\0\0\x04\0\0\0")];

    fn catalog(lookup: Lookup) -> Catalog {
        Catalog {
            lookup,
            groups: None,
            names: texts("ABC", b"\x01\0\0\0\x02\0\0\0\x03\0\0\0"),
            severities: b"\x02\x03\x00",
            languages: &["en", "zh"],
            messages: &MESSAGES,
            // Entry 1 has a message in no language; the others in "en".
            message_sources: &[0, 0, 0],
            helps: &[],
            help_sources: &[],
            fields: &FIELDS,
            written: texts("10110xE", b"\x02\0\0\0\x04\0\0\0\x07\0\0\0"),
            // "0xE" (2), "10" (0), "11" (1).
            written_order: b"\x02\0\0\0\0\0\0\0\x01\0\0\0",
        }
    }

    #[test]
    fn written_forms_are_read_and_found_exactly() {
        let catalog = catalog(Lookup::Runs(b""));
        assert_eq!(
            [catalog.written(0), catalog.written(1), catalog.written(2)],
            ["10", "11", "0xE"]
        );
        assert_eq!(catalog.find_written("0xE"), Some(2));
        assert_eq!(catalog.find_written("10"), Some(0));
        assert_eq!(catalog.find_written("11"), Some(1));
        assert_eq!(catalog.find_written("0xe"), None);
        assert_eq!(catalog.find_written(""), None);
        assert_eq!(catalog.find_written("12"), None);
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
        // Two subsystems: entries 0 and 1 (codes 10 and 11), then entry 2 (code 14).
        assert!(dense.has_in(1, 2, 1, 14));
        assert!(!dense.has_in(1, 2, 1, 10));
        // Entry 2 is the first of the next group, not the last of `0..2`.
        assert!(!dense.has_in(0, 0, 2, 14));
        assert!(dense.has_in(0, 0, 2, 11));
        assert_eq!(dense.tag_of(14, &[0, 2]), Some(1));
        assert_eq!(dense.tag_of(11, &[0, 2]), Some(0));
        assert_eq!(dense.tag_of(12, &[0, 2]), None);
        assert_eq!(dense.known(1, 14), 2);
    }

    /// Subsystem 0 has codes 20 and 22 (entries 0 and 1), subsystem 1 codes 10 and 11 (entries 2
    /// and 3): tags and first codes in different orders.
    fn grouped() -> Catalog {
        Catalog {
            groups: Some(Groups {
                // Subsystem 1's codes are consecutive, so it has no slots.
                by_tag: b"\x14\0\0\0\x03\0\0\0\0\0\0\0\0\0\0\0\
                          \x0a\0\0\0\x02\0\0\0\xff\xff\xff\xff\x02\0\0\0",
                by_first: b"\x0a\0\0\0\x01\0\0\0\x14\0\0\0\0\0\0\0",
                slots: b"\0\0\xff\xff\x01\0",
                tags: b"",
                consecutive_from: None,
            }),
            ..catalog(Lookup::Runs(b""))
        }
    }

    #[test]
    fn grouped_lookups_find_every_code_in_its_subsystem_and_no_other() {
        let searched = grouped();
        let Some(groups) = searched.groups else {
            unreachable!()
        };
        let with_tags = Catalog {
            groups: Some(Groups {
                tags: b"\x01\x01\xff\xff\xff\xff\xff\xff\xff\xff\0\xff\0",
                ..groups
            }),
            ..searched
        };
        for catalog in [searched, with_tags] {
            check_grouped(&catalog);
        }
    }

    #[test]
    fn a_consecutive_catalog_indexes_by_subtraction() {
        // Subsystem 0 has codes 10 and 11, subsystem 1 code 12: entries 0, 1 and 2.
        let catalog = Catalog {
            groups: Some(Groups {
                by_tag: b"\x0a\0\0\0\x02\0\0\0\xff\xff\xff\xff\0\0\0\0\
                          \x0c\0\0\0\x01\0\0\0\xff\xff\xff\xff\x02\0\0\0",
                by_first: b"\x0a\0\0\0\0\0\0\0\x0c\0\0\0\x01\0\0\0",
                slots: b"",
                tags: b"\0\0\x01",
                consecutive_from: Some(10),
            }),
            ..catalog(Lookup::Runs(b""))
        };
        let found: std::vec::Vec<_> = (8..15)
            .map(|code| (catalog.index_of(code), catalog.tag_of(code, &[])))
            .collect();
        assert_eq!(
            found,
            [
                (None, None),
                (None, None),
                (Some(0), Some(0)),
                (Some(1), Some(0)),
                (Some(2), Some(1)),
                (None, None),
                (None, None)
            ]
        );
        assert_eq!(catalog.known(1, 12), 2);
        assert!(catalog.has_in(0, 0, 2, 11) && !catalog.has_in(0, 0, 2, 12));
    }

    fn check_grouped(catalog: &Catalog) {
        let found: std::vec::Vec<_> = (0..30)
            .filter_map(|code| Some((code, catalog.index_of(code)?, catalog.tag_of(code, &[])?)))
            .collect();
        assert_eq!(found, [(10, 2, 1), (11, 3, 1), (20, 0, 0), (22, 1, 0)]);
        for (code, index, tag) in found {
            assert_eq!(catalog.known(tag as usize, code), index);
            assert!(catalog.has_in(tag as usize, 0, 0, code));
            assert!(!catalog.has_in(1 - tag as usize, 0, 0, code));
        }
        // Past a subsystem's span, even where the next subsystem's slots begin.
        assert!(!catalog.has_in(0, 0, 0, 23));
        assert!(!catalog.has_in(1, 0, 0, 12));
        assert_eq!(catalog.index_of(u32::MAX), None);
        assert_eq!(catalog.known(0, 21), usize::MAX);
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
        assert_eq!(catalog.field(0, 0), None);
        assert_eq!(catalog.field(0, 1), Some("gone"));
        assert_eq!(catalog.field(0, 3), None);
        assert_eq!(catalog.field(1, 1), None);
        assert_eq!(catalog.severity(0), Some(Severity::Error));
        assert_eq!(catalog.severity(1), None);
        assert_eq!(TEXTS.get(7), "");
        assert_eq!(catalog.name(1), "B");
        assert_eq!(TEXTS.get(2), "Two");
        assert_eq!(TEXTS.get(3), "");
    }

    #[test]
    fn sources_choose_the_column_and_without_them_the_first_text_wins() {
        const EMPTY_FIRST: [Texts; 2] = [texts("", b"\0\0\0\0"), TEXTS];
        let with_sources = Catalog {
            message_sources: &[1, 0, 0],
            ..catalog(Lookup::Runs(b""))
        };
        assert_eq!(with_sources.message(0), "x");
        assert_eq!(with_sources.message(2), "Two");
        let without = Catalog {
            messages: &EMPTY_FIRST,
            message_sources: &[],
            ..catalog(Lookup::Runs(b""))
        };
        assert_eq!(without.message(0), "one");
    }

    #[test]
    fn severities_and_helps_by_entry_and_language() {
        let catalog = Catalog {
            severities: b"\x00\x01\x02\x03",
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
    fn texts_keep_multibyte_characters_whole() {
        let whole = texts("aéb", b"\x01\0\0\0\x03\0\0\0\x04\0\0\0");
        let found: std::vec::Vec<_> = (0..4).map(|index| whole.get(index)).collect();
        assert_eq!(found, ["a", "é", "b", ""]);
        assert_eq!((whole.len(), whole.is_empty()), (3, false));
        assert!(texts("", b"").is_empty());
    }
}
