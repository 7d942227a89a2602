//! The encoder: the tables the decoder reads, built from a plain list of records. The code
//! generator prints each table as a literal; the property test in `table::roundtrip` decodes
//! them again. Needs `alloc` (the `encode` feature).

use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;
use core::fmt;

use super::format::{
    self, bucket, by_first, by_tag, run, CONTIGUOUS, GAP_BYTE, GROUP_SLOT_BYTES, NO_SLOT_16, NO_TAG,
};
use crate::Severity;

/// One catalog entry, as the encoder takes it.
///
/// Blank texts are empty strings: the decoder answers `None` (or an empty message) for them.
#[derive(Clone, Copy, Debug)]
pub struct Record<'a> {
    /// The entry's code: its key's ordinal ([`format::ordinal`]).
    pub code: u32,
    /// The code as the catalog writes it: `3530`, `0xC0000005`, `22P02`; unique.
    pub written: &'a str,
    /// Its subsystem's tag: the subsystem's position among the catalog's subsystems.
    pub tag: u32,
    /// Its name.
    pub name: &'a str,
    /// Its severity, if the catalog gives one.
    pub severity: Option<Severity>,
    /// Its message in each language, in the order of the catalog's languages.
    pub messages: &'a [&'a str],
    /// Its help in each language.
    pub helps: &'a [&'a str],
    /// Its text in each of the optional per-entry columns, in slot order: what
    /// `Catalog::field(slot, …)` returns.
    pub fields: &'a [&'a str],
}

/// The encoder's choices between layouts. [`Policy::DEFAULT`] is what ecodes generates; tests
/// lower the thresholds to reach every layout with small catalogs. Every policy gives tables
/// that decode to the same answers.
#[derive(Clone, Copy, Debug)]
pub struct Policy {
    /// Dense tables (a slot per code of a span) are used while they cost at most this many
    /// slots per code plus `dense_extra_slots`, so that a catalog with a few far-apart codes
    /// does not get a huge table.
    pub dense_slots_per_code: u64,
    /// The fixed allowance of slots of a dense table, beyond `dense_slots_per_code` per code.
    pub dense_extra_slots: u64,
    /// A dense table's slots are 2 bytes wide for catalogs of fewer entries than this, 4 bytes
    /// otherwise. Values above [`NO_SLOT_16`] count as [`NO_SLOT_16`]: an index in a 2-byte
    /// slot must be below the gap.
    pub narrow_slots_below: usize,
    /// From this many runs on, a bucket index narrows the search of the runs.
    pub indexed_runs_from: usize,
}

impl Policy {
    /// The layouts ecodes generates. The product catalog (240 codes over a span of 5,112)
    /// gets dense tables: about 10 KB.
    pub const DEFAULT: Policy = Policy {
        dense_slots_per_code: 8,
        dense_extra_slots: 8192,
        narrow_slots_below: NO_SLOT_16 as usize,
        // Below it the whole search takes six steps or fewer.
        indexed_runs_from: 64,
    };

    /// The most slots a dense table (or all subsystems' tables together) may have for a
    /// catalog of `entries` entries.
    fn dense_budget(&self, entries: usize) -> u64 {
        (entries as u64)
            .saturating_mul(self.dense_slots_per_code)
            .saturating_add(self.dense_extra_slots)
    }
}

impl Default for Policy {
    fn default() -> Self {
        Policy::DEFAULT
    }
}

/// Every table of a catalog, as the decoder's `Catalog` holds them, owned.
pub struct Tables {
    /// Code to entry index for the whole catalog; empty runs when `groups` serve instead.
    pub lookup: Lookup,
    /// Per-subsystem dense tables, when every subsystem has a range of its own.
    pub groups: Option<Groups>,
    /// Entry names.
    pub names: PackedTexts,
    /// One [`format::severity`] byte per entry.
    pub severities: Vec<u8>,
    /// Per language: every message.
    pub messages: Vec<PackedTexts>,
    /// Per entry, the first language that has a message (0 if none has); empty with one
    /// language or more than 256.
    pub message_sources: Vec<u8>,
    /// Per language: every help.
    pub helps: Vec<PackedTexts>,
    /// The same as `message_sources`, for helps.
    pub help_sources: Vec<u8>,
    /// Per optional column, in slot order: every entry's text.
    pub fields: Vec<PackedTexts>,
    /// Every entry's code as written.
    pub written: PackedTexts,
    /// The entry indices sorted by written form (by bytes), a little-endian `u32` each: what
    /// `Catalog::find_written` searches.
    pub written_order: Vec<u8>,
}

/// The owned form of the decoder's `Lookup`: see there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Lookup {
    /// A slot per code from `first` on.
    Dense {
        /// The smallest code.
        first: u32,
        /// Bytes per slot: 2 or 4.
        width: usize,
        /// The slots.
        slots: Vec<u8>,
    },
    /// Runs of consecutive codes.
    Runs(Vec<u8>),
    /// Runs with a bucket index.
    IndexedRuns {
        /// The runs.
        runs: Vec<u8>,
        /// The smallest code.
        first: u32,
        /// log2 of the codes per bucket.
        shift: u32,
        /// How many runs from a bucket's first candidate the search covers.
        window: u32,
        /// The bucket index.
        buckets: Vec<u8>,
    },
}

/// The owned form of the decoder's `Groups`: per subsystem its first code, span, first slot
/// and first entry; the subsystems by first code; and one 2-byte slot per code of each span.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Groups {
    /// Per subsystem, in tag order: a [`by_tag`] record.
    pub by_tag: Vec<u8>,
    /// Per subsystem, ascending by first code: a [`by_first`] record.
    pub by_first: Vec<u8>,
    /// The subsystems' slots.
    pub slots: Vec<u8>,
    /// The tag per code from the smallest first code on ([`NO_TAG`] for a code no subsystem
    /// has), when it fits.
    pub tags: Vec<u8>,
    /// The first code, when every entry's index is its code minus it.
    pub consecutive_from: Option<u32>,
}

/// A text column: every text concatenated, and the end offset of each.
///
/// Its fields are private so that the only way to build one is [`PackedTexts::new`], which
/// writes each offset right after pushing a whole `str`: the offsets ascend, fit the blob
/// and fall on character boundaries, as the decoder's `Texts::new` requires.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PackedTexts {
    blob: String,
    ends: Vec<u8>,
}

/// Why records cannot be encoded: the encoder's contract, which a validated catalog keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EncodeError {
    /// The record at `index` does not follow the one before it: records must be grouped by
    /// subsystem, tags ascending, and each subsystem's codes strictly ascending.
    Unordered {
        /// The record's position.
        index: usize,
    },
    /// Two records have this code.
    DuplicateCode {
        /// The code.
        code: u32,
    },
    /// The record at `index` has not as many messages and helps as the catalog has languages,
    /// or not as many fields as it has optional columns.
    Columns {
        /// The record's position.
        index: usize,
    },
    /// More records than entry indices of 32 bits.
    TooMany,
}

impl fmt::Display for EncodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EncodeError::Unordered { index } => write!(
                f,
                "record {index} is out of order: records must be grouped by subsystem tag, \
                 each subsystem's codes ascending"
            ),
            EncodeError::DuplicateCode { code } => write!(f, "code {code} appears twice"),
            EncodeError::Columns { index } => {
                write!(f, "record {index} has the wrong number of texts")
            }
            EncodeError::TooMany => f.write_str("more records than 32-bit entry indices"),
        }
    }
}

impl Tables {
    /// Encodes a catalog of `languages` languages and `fields` optional columns, whose entries
    /// are `records` in entry-index order.
    ///
    /// # Errors
    /// When the records break the contract that [`EncodeError`]'s variants describe.
    pub fn new(
        records: &[Record<'_>],
        languages: usize,
        fields: usize,
        policy: &Policy,
    ) -> Result<Tables, EncodeError> {
        let subsystems = subsystems(records, languages, fields)?;
        let dense_groups = Groups::new(records, &subsystems, policy);
        Ok(Tables {
            // With groups, a catalog-wide table is kept only if it is dense (one load, faster
            // than the groups); the groups replace a search over runs.
            lookup: Lookup::new(records, dense_groups.is_none(), policy)?,
            groups: dense_groups,
            names: PackedTexts::new(records.iter().map(|record| record.name)),
            severities: records
                .iter()
                .map(|record| format::severity_byte(record.severity))
                .collect(),
            messages: (0..languages)
                .map(|lang| PackedTexts::new(records.iter().map(|record| record.messages[lang])))
                .collect(),
            message_sources: sources(records, languages, |record| record.messages),
            helps: (0..languages)
                .map(|lang| PackedTexts::new(records.iter().map(|record| record.helps[lang])))
                .collect(),
            help_sources: sources(records, languages, |record| record.helps),
            fields: (0..fields)
                .map(|slot| PackedTexts::new(records.iter().map(|record| record.fields[slot])))
                .collect(),
            written: PackedTexts::new(records.iter().map(|record| record.written)),
            written_order: written_order(records),
        })
    }
}

/// The entry indices, sorted by written form, as little-endian `u32`s.
fn written_order(records: &[Record<'_>]) -> Vec<u8> {
    let mut order: Vec<u32> = (0..).take(records.len()).collect();
    order.sort_by_key(|&index| records[index as usize].written.as_bytes());
    order.iter().flat_map(|index| index.to_le_bytes()).collect()
}

/// Per subsystem tag, the index of its first record and how many it has, after checking the
/// records' order and columns.
fn subsystems(
    records: &[Record<'_>],
    languages: usize,
    fields: usize,
) -> Result<Vec<(usize, usize)>, EncodeError> {
    if u32::try_from(records.len()).is_err() {
        return Err(EncodeError::TooMany);
    }
    let mut subsystems: Vec<(usize, usize)> = Vec::new();
    for (index, record) in records.iter().enumerate() {
        if record.messages.len() != languages
            || record.helps.len() != languages
            || record.fields.len() != fields
        {
            return Err(EncodeError::Columns { index });
        }
        if let Some(previous) = index.checked_sub(1).map(|at| &records[at]) {
            if (record.tag, record.code) <= (previous.tag, previous.code) {
                return Err(EncodeError::Unordered { index });
            }
        }
        // A tag that skips some gives those subsystems no records.
        while subsystems.len() <= record.tag as usize {
            subsystems.push((index, 0));
        }
        subsystems[record.tag as usize].1 += 1;
    }
    Ok(subsystems)
}

/// Which language column the default-language accessor reads for each entry: the first with a
/// text. Not needed with a single language; not representable in a byte past 256.
fn sources<'r>(
    records: &'r [Record<'_>],
    languages: usize,
    texts: impl Fn(&'r Record<'_>) -> &'r [&'r str],
) -> Vec<u8> {
    if !(2..=256).contains(&languages) {
        return Vec::new();
    }
    records
        .iter()
        .map(|record| {
            let first = texts(record).iter().position(|text| !text.is_empty());
            u8::try_from(first.unwrap_or(0)).unwrap_or(0)
        })
        .collect()
}

impl Lookup {
    /// A dense table if the codes are close enough; otherwise the runs, if `runs_needed`, or
    /// none (empty runs).
    fn new(
        records: &[Record<'_>],
        runs_needed: bool,
        policy: &Policy,
    ) -> Result<Self, EncodeError> {
        let mut by_code: Vec<(u32, u32)> = records
            .iter()
            .zip(0u32..)
            .map(|(record, index)| (record.code, index))
            .collect();
        by_code.sort_unstable();
        if let Some(pair) = by_code.windows(2).find(|pair| pair[0].0 == pair[1].0) {
            return Err(EncodeError::DuplicateCode { code: pair[0].0 });
        }
        let (Some(&(first, _)), Some(&(last, _))) = (by_code.first(), by_code.last()) else {
            return Ok(Lookup::Runs(Vec::new()));
        };
        let span = u64::from(last - first) + 1;
        let count = by_code.len();
        if span <= policy.dense_budget(count) {
            let width = if count < policy.narrow_slots_below.min(NO_SLOT_16 as usize) {
                2
            } else {
                4
            };
            // Truncation is intended: `span` is bounded by the check above.
            #[allow(clippy::cast_possible_truncation)]
            let mut slots = vec![GAP_BYTE; span as usize * width];
            for (code, index) in by_code {
                let at = (code - first) as usize * width;
                slots[at..at + width].copy_from_slice(&index.to_le_bytes()[..width]);
            }
            return Ok(Lookup::Dense {
                first,
                width,
                slots,
            });
        }
        if !runs_needed {
            return Ok(Lookup::Runs(Vec::new()));
        }
        let runs = runs(&by_code);
        let count = runs.len() / run::BYTES;
        if count < policy.indexed_runs_from.max(1) {
            return Ok(Lookup::Runs(runs));
        }
        // About one run per bucket: the fewest codes per bucket (a power of two) that keep
        // the bucket count at most the run count.
        let mut shift = 0;
        while (span >> shift) + 1 > count as u64 {
            shift += 1;
        }
        let starts: Vec<u32> = runs
            .chunks(run::BYTES)
            .map(|record| word(record, run::FIRST))
            .collect();
        let buckets = (span >> shift) + 1;
        // Per bucket, the last run starting at or before its first code; the next bucket's
        // gives the last run its codes can fall in.
        let mut lows = Vec::with_capacity(count + 1);
        let mut at = 0usize;
        for bucket in 0..=buckets {
            let bucket_first = u64::from(first) + (bucket << shift);
            while at + 1 < starts.len() && u64::from(starts[at + 1]) <= bucket_first {
                at += 1;
            }
            lows.push(at);
        }
        let window = lows
            .windows(2)
            .map(|pair| pair[1] - pair[0] + 1)
            .max()
            .unwrap_or(1);
        // A crowded bucket would make every search long; plain runs are as good then.
        if window > count / 4 {
            return Ok(Lookup::Runs(runs));
        }
        let mut index = Vec::with_capacity(lows.len() * bucket::BYTES);
        for &low in &lows[..lows.len() - 1] {
            // Run indices fit a u32: entry indices do.
            #[allow(clippy::cast_possible_truncation)]
            index.extend_from_slice(&(low as u32).to_le_bytes());
        }
        #[allow(clippy::cast_possible_truncation)]
        Ok(Lookup::IndexedRuns {
            runs,
            first,
            shift,
            window: window as u32,
            buckets: index,
        })
    }
}

impl Groups {
    /// Per-subsystem tables, if every subsystem's codes lie in a range no other subsystem's
    /// codes enter, and the slots for all those ranges fit the same budget as a dense lookup.
    fn new(records: &[Record<'_>], subsystems: &[(usize, usize)], policy: &Policy) -> Option<Self> {
        // (first code, span, tag, first entry, entries); each subsystem is ascending by code.
        let mut ranges = Vec::with_capacity(subsystems.len());
        for (tag, &(base, len)) in subsystems.iter().enumerate() {
            let members = &records[base..base + len];
            let (first, last) = (members.first()?.code, members.last()?.code);
            // A position must be below the gap of a 2-byte slot.
            if len >= NO_SLOT_16 as usize {
                return None;
            }
            ranges.push((first, u64::from(last - first) + 1, tag, base, len));
        }
        let slots: u64 = ranges.iter().map(|&(_, span, ..)| span).sum();
        let budget = policy.dense_budget(records.len());
        if slots > budget {
            return None;
        }
        let mut by_first_code = ranges.clone();
        by_first_code.sort_unstable();
        let disjoint = by_first_code
            .windows(2)
            .all(|pair| u64::from(pair[0].0) + pair[0].1 <= u64::from(pair[1].0));
        if !disjoint {
            return None;
        }
        let (&(low, ..), &(last_first, last_span, ..)) =
            (by_first_code.first()?, by_first_code.last()?);
        let high = u64::from(last_first) + last_span - 1;
        let whole_span = high - u64::from(low) + 1;
        let consecutive = records
            .iter()
            .zip(0u64..)
            .all(|(record, index)| u64::from(record.code) == u64::from(low) + index);
        let mut out = Groups {
            by_tag: Vec::with_capacity(by_tag::BYTES * ranges.len()),
            by_first: Vec::with_capacity(by_first::BYTES * ranges.len()),
            slots: Vec::new(),
            tags: Vec::new(),
            consecutive_from: consecutive.then_some(low),
        };
        // The tag table costs a byte per code of the whole span; it gets the dense lookup's
        // budget, which counts 2-byte slots.
        if ranges.len() < usize::from(NO_TAG) && slots + whole_span <= budget {
            #[allow(clippy::cast_possible_truncation)]
            let mut tags = vec![NO_TAG; whole_span as usize];
            for &(_, _, tag, base, len) in &ranges {
                for record in &records[base..base + len] {
                    #[allow(clippy::cast_possible_truncation)]
                    let tag = tag as u8;
                    tags[(record.code - low) as usize] = tag;
                }
            }
            out.tags = tags;
        }
        for &(first, span, _, base, len) in &ranges {
            // Truncation is impossible: spans and offsets are bounded by the budget above, and
            // entry counts by a u32 index.
            #[allow(clippy::cast_possible_truncation)]
            let (span_word, base_word) = (span as u32, base as u32);
            if span == len as u64 {
                // Consecutive codes: a code's position is its offset, no slots needed.
                push_record(
                    &mut out.by_tag,
                    by_tag::BYTES,
                    &[
                        (by_tag::FIRST, first),
                        (by_tag::SPAN, span_word),
                        (by_tag::FIRST_SLOT, CONTIGUOUS),
                        (by_tag::BASE, base_word),
                    ],
                );
                continue;
            }
            let offset = out.slots.len() / GROUP_SLOT_BYTES;
            #[allow(clippy::cast_possible_truncation)]
            push_record(
                &mut out.by_tag,
                by_tag::BYTES,
                &[
                    (by_tag::FIRST, first),
                    (by_tag::SPAN, span_word),
                    (by_tag::FIRST_SLOT, offset as u32),
                    (by_tag::BASE, base_word),
                ],
            );
            let start = out.slots.len();
            #[allow(clippy::cast_possible_truncation)]
            out.slots
                .resize(start + span as usize * GROUP_SLOT_BYTES, GAP_BYTE);
            for (position, record) in (0u16..).zip(&records[base..base + len]) {
                let at = start + (record.code - first) as usize * GROUP_SLOT_BYTES;
                out.slots[at..at + GROUP_SLOT_BYTES].copy_from_slice(&position.to_le_bytes());
            }
        }
        for &(first, _, tag, ..) in &by_first_code {
            #[allow(clippy::cast_possible_truncation)]
            push_record(
                &mut out.by_first,
                by_first::BYTES,
                &[(by_first::FIRST, first), (by_first::TAG, tag as u32)],
            );
        }
        Some(out)
    }
}

/// Appends a record of `bytes` bytes whose words are `(offset, value)`.
fn push_record(out: &mut Vec<u8>, bytes: usize, words: &[(usize, u32)]) {
    let start = out.len();
    out.resize(start + bytes, 0);
    for &(offset, value) in words {
        out[start + offset..start + offset + 4].copy_from_slice(&value.to_le_bytes());
    }
}

/// The little-endian `u32` at `at` of `record`.
fn word(record: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([record[at], record[at + 1], record[at + 2], record[at + 3]])
}

/// Maximal runs of consecutive codes whose indices are also consecutive, [`run::BYTES`] each.
fn runs(by_code: &[(u32, u32)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut current: Option<(u32, u32, u32)> = None;
    for &(code, index) in by_code {
        current = match current {
            Some((start, len, base)) if code == start + len && index == base + len => {
                Some((start, len + 1, base))
            }
            finished => {
                if let Some(done) = finished {
                    push_run(&mut out, done);
                }
                Some((code, 1, index))
            }
        };
    }
    if let Some(done) = current {
        push_run(&mut out, done);
    }
    out
}

fn push_run(out: &mut Vec<u8>, (start, len, base): (u32, u32, u32)) {
    push_record(
        out,
        run::BYTES,
        &[(run::FIRST, start), (run::LEN, len), (run::INDEX, base)],
    );
}

impl PackedTexts {
    /// A column of `texts`, in entry order.
    pub fn new<'t>(texts: impl IntoIterator<Item = &'t str>) -> Self {
        let mut blob = String::new();
        let mut ends = Vec::new();
        for text in texts {
            // Every offset must be a character boundary that fits a u32 (the runtime slices
            // without checks). A column past 4 GiB cannot be compiled anyway; should one come,
            // the texts that do not fit are left out rather than given a wrong offset.
            let end = match u32::try_from(blob.len() + text.len()) {
                Ok(end) => {
                    blob.push_str(text);
                    end
                }
                Err(_) => u32::try_from(blob.len()).unwrap_or(0),
            };
            ends.extend_from_slice(&end.to_le_bytes());
        }
        PackedTexts { blob, ends }
    }

    /// Every text, concatenated: the decoder's `Texts::new`'s `blob`.
    pub fn blob(&self) -> &str {
        &self.blob
    }

    /// The little-endian `u32` end offset of each text in the blob: `Texts::new`'s `ends`.
    pub fn ends(&self) -> &[u8] {
        &self.ends
    }
}

#[cfg(test)]
mod tests {
    use std::vec::Vec;

    use super::*;

    /// Records of `(code, tag)`, without texts.
    fn records(rows: &[(u32, u32)]) -> Vec<Record<'static>> {
        rows.iter()
            .map(|&(code, tag)| Record {
                code,
                written: "X",
                tag,
                name: "X",
                severity: None,
                messages: &[],
                helps: &[],
                fields: &[],
            })
            .collect()
    }

    fn encode(rows: &[(u32, u32)]) -> Tables {
        Tables::new(&records(rows), 0, 0, &Policy::DEFAULT).unwrap()
    }

    fn words(bytes: &[u8]) -> Vec<u32> {
        bytes.chunks(4).map(|chunk| word(chunk, 0)).collect()
    }

    #[test]
    fn text_offsets_ascend_on_character_boundaries() {
        // `Texts::new` relies on this to slice without checks.
        let texts = ["", "é", "ab", "", "数据复制", "x\u{1F600}"];
        let packed = PackedTexts::new(texts);
        let mut start = 0;
        for (text, end) in texts.iter().zip(words(packed.ends())) {
            let end = end as usize;
            assert!(start <= end && packed.blob().is_char_boundary(end));
            assert_eq!(&packed.blob()[start..end], *text);
            start = end;
        }
        assert_eq!(start, packed.blob().len());
    }

    #[test]
    fn severities_and_sources_by_record() {
        let rows = [
            ("a", Some(Severity::Error), ["", "one"]),
            ("b", Some(Severity::Info), ["un", "one"]),
            ("c", None, ["", ""]),
        ];
        let records: Vec<Record<'_>> = rows
            .iter()
            .zip(1..)
            .map(|((name, severity, messages), code)| Record {
                code,
                written: name,
                tag: 0,
                name,
                severity: *severity,
                messages,
                helps: &["", ""],
                fields: &[],
            })
            .collect();
        let tables = Tables::new(&records, 2, 0, &Policy::DEFAULT).unwrap();
        assert_eq!(tables.severities, [2, 0, 3]);
        assert_eq!(tables.message_sources, [1, 0, 0]);
        assert_eq!(tables.help_sources, [0, 0, 0]);
        assert_eq!(tables.names.blob(), "abc");
        assert_eq!(tables.messages[1].blob(), "oneone");
        assert!(tables.fields.is_empty());
    }

    #[test]
    fn records_out_of_order_or_with_missing_texts_are_refused() {
        let refused =
            |rows: &[(u32, u32)]| Tables::new(&records(rows), 0, 0, &Policy::DEFAULT).err();
        assert_eq!(
            refused(&[(2, 0), (1, 0)]),
            Some(EncodeError::Unordered { index: 1 })
        );
        assert_eq!(
            refused(&[(1, 1), (2, 0)]),
            Some(EncodeError::Unordered { index: 1 })
        );
        assert_eq!(
            refused(&[(1, 0), (1, 0)]),
            Some(EncodeError::Unordered { index: 1 })
        );
        assert_eq!(
            refused(&[(1, 0), (1, 1)]),
            Some(EncodeError::DuplicateCode { code: 1 })
        );
        assert_eq!(
            Tables::new(&records(&[(1, 0)]), 1, 0, &Policy::DEFAULT).err(),
            Some(EncodeError::Columns { index: 0 })
        );
        // A subsystem without records is allowed; it rules out per-subsystem tables.
        let skipped = encode(&[(1, 0), (5, 2)]);
        assert!(skipped.groups.is_none());
        assert!(matches!(skipped.lookup, Lookup::Dense { first: 1, .. }));
    }

    #[test]
    fn subsystems_with_ranges_of_their_own_get_dense_groups() {
        // A has codes 20 and 22, B 10 and 11.
        let tables = encode(&[(20, 0), (22, 0), (10, 1), (11, 1)]);
        let groups = tables.groups.expect("disjoint, dense ranges");
        // (first, span, first slot, first entry) by tag; (first, tag) by first code.
        // B's codes are consecutive: no slots.
        assert_eq!(words(&groups.by_tag), [20, 3, 0, 0, 10, 2, u32::MAX, 2]);
        assert_eq!(words(&groups.by_first), [10, 1, 20, 0]);
        assert_eq!(groups.slots, [0, 0, 0xFF, 0xFF, 1, 0]);
        let mut tags = vec![1, 1];
        tags.extend([0xFF; 8]);
        tags.extend([0, 0xFF, 0]);
        assert_eq!(groups.tags, tags);
        assert_eq!(groups.consecutive_from, None);
        let consecutive = encode(&[(10, 0), (11, 0), (12, 1)]).groups.unwrap();
        assert_eq!(
            (consecutive.consecutive_from, consecutive.slots.len()),
            (Some(10), 0)
        );
        // The catalog-wide table is dense here, so it is kept: one load beats the groups' two.
        assert!(matches!(&tables.lookup, Lookup::Dense { first: 10, .. }));
    }

    #[test]
    fn many_runs_get_a_bucket_index_that_holds_every_code_s_run() {
        // 100 runs of one code, 1,000 apart, in two interleaved subsystems.
        let code = |k: u32| 1_000_000 + 1_000 * k;
        let mut rows: Vec<(u32, u32)> = (0..100).map(|k| (code(k), k % 2)).collect();
        rows.sort_unstable_by_key(|&(code, tag)| (tag, code));
        let Lookup::IndexedRuns {
            runs,
            first,
            shift,
            window,
            buckets,
        } = encode(&rows).lookup
        else {
            panic!("expected indexed runs");
        };
        assert_eq!((runs.len() / run::BYTES, first), (100, 1_000_000));
        assert!(buckets.len() / bucket::BYTES <= 100);
        let buckets = words(&buckets);
        for k in 0..100u32 {
            let bucket = ((code(k) - first) >> shift) as usize;
            let low = (buckets[bucket] as usize).min(100 - window as usize);
            let run = k as usize;
            assert!(
                low <= run && run < low + window as usize,
                "run {k} not in window from {low}"
            );
        }
    }

    #[test]
    fn interleaved_or_far_apart_subsystems_use_the_catalog_wide_lookup() {
        assert!(encode(&[(10, 0), (12, 0), (11, 1)]).groups.is_none());
        assert!(encode(&[(1, 0), (4_000_000_000, 0)]).groups.is_none());
    }

    #[test]
    fn dense_when_codes_are_close_runs_when_sparse() {
        // Interleaved subsystems, so that the catalog-wide lookup serves.
        match encode(&[(10, 0), (12, 0), (11, 1)]).lookup {
            Lookup::Dense {
                first,
                width,
                slots,
            } => {
                assert_eq!((first, width), (10, 2));
                assert_eq!(slots, [0, 0, 2, 0, 1, 0]);
            }
            Lookup::Runs(_) | Lookup::IndexedRuns { .. } => panic!("expected a dense table"),
        }
        match encode(&[(1, 0), (4_000_000_000, 0), (2, 1)]).lookup {
            Lookup::Runs(runs) => {
                // Code 1 is entry 0 and code 2 entry 2: two runs, not one.
                assert_eq!(runs.len(), 36);
                assert_eq!(&runs[..12], [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0]);
                assert_eq!(&runs[12..24], [2, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0]);
            }
            Lookup::Dense { .. } | Lookup::IndexedRuns { .. } => panic!("expected runs"),
        }
    }
}
