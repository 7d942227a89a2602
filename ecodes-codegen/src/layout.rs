//! The catalog as the generated code stores it: entries in one global order, a code-to-index
//! lookup, and every text column packed into one string and one offsets table.
//!
//! The encodings match `ecodes::__private`, which reads them.

use ecodes_catalog::{Catalog, Entry, Severity};

/// Dense lookup (one load) is used while it costs at most this many slots per code plus a
/// fixed allowance, so that a catalog with a few far-apart codes does not get a huge table. The
/// product catalog (240 codes over a span of 5,112) fits: a 10 KB table.
const DENSE_SLOTS_PER_CODE: u64 = 8;
const DENSE_EXTRA_SLOTS: u64 = 8192;

/// `ecodes::__private::CONTIGUOUS`: the first slot of a subsystem whose codes are consecutive.
const CONTIGUOUS: u32 = u32::MAX;

pub(crate) struct Layout<'a> {
    pub(crate) languages: &'a [String],
    /// Entries grouped by subsystem (in catalog order), each group ascending by code. An
    /// entry's position here is its index in every table.
    pub(crate) entries: Vec<&'a Entry>,
    /// Per subsystem: the index of its first entry and how many it has.
    pub(crate) groups: Vec<(usize, usize)>,
    /// Code to entry index for the whole catalog; empty runs when `dense_groups` serve instead.
    pub(crate) lookup: Lookup,
    /// Per-subsystem dense tables, when every subsystem has a range of its own.
    pub(crate) dense_groups: Option<Groups>,
    pub(crate) names: PackedTexts,
    pub(crate) severities: Vec<u8>,
    /// Per language: every message concatenated, and the end offsets.
    pub(crate) messages: Vec<PackedTexts>,
    pub(crate) helps: Vec<PackedTexts>,
    /// Per entry, the first language that has a message (0 if none has); empty with one
    /// language or more than 256.
    pub(crate) message_sources: Vec<u8>,
    /// The same for helps.
    pub(crate) help_sources: Vec<u8>,
    /// Why each entry was retired; empty for one still in use.
    pub(crate) retired: PackedTexts,
}

pub(crate) enum Lookup {
    Dense {
        first: u32,
        width: usize,
        slots: Vec<u8>,
    },
    Runs(Vec<u8>),
    /// Runs with a bucket index: see `ecodes::__private::Lookup::IndexedRuns`.
    IndexedRuns {
        runs: Vec<u8>,
        first: u32,
        shift: u32,
        window: u32,
        buckets: Vec<u8>,
    },
}

/// From this many runs on, a bucket index narrows the search: below it the whole search takes
/// six steps or fewer.
const INDEXED_RUNS: usize = 64;

/// The encoding `ecodes::__private::Groups` reads: per subsystem its first code, span, first
/// slot and first entry; the subsystems by first code; and one 2-byte slot per code of each span.
pub(crate) struct Groups {
    pub(crate) by_tag: Vec<u8>,
    pub(crate) by_first: Vec<u8>,
    pub(crate) slots: Vec<u8>,
    /// The tag per code from the smallest first code on (0xFF for a code no subsystem has),
    /// when it fits.
    pub(crate) tags: Vec<u8>,
    /// The first code, when every entry's index is its code minus it.
    pub(crate) consecutive_from: Option<u32>,
}

pub(crate) struct PackedTexts {
    pub(crate) blob: String,
    pub(crate) ends: Vec<u8>,
}

impl<'a> Layout<'a> {
    pub(crate) fn new(catalog: &'a Catalog) -> Self {
        let mut entries = Vec::with_capacity(catalog.entries().len());
        let mut groups = Vec::with_capacity(catalog.subsystems().len());
        for subsystem in catalog.subsystems() {
            groups.push((entries.len(), subsystem.len()));
            entries.extend(catalog.entries_of(subsystem));
        }
        let languages = catalog.languages().len();
        let dense_groups = Groups::new(&entries, &groups);
        Layout {
            languages: catalog.languages(),
            // With groups, a catalog-wide table is kept only if it is dense (one load, faster
            // than the groups); the groups replace a search over runs.
            lookup: Lookup::new(&entries, dense_groups.is_none()),
            dense_groups,
            names: PackedTexts::new(entries.iter().map(|entry| Some(entry.name()))),
            severities: entries
                .iter()
                .map(|entry| severity_byte(entry.severity()))
                .collect(),
            messages: (0..languages)
                .map(|lang| PackedTexts::new(entries.iter().map(|entry| entry.message(lang))))
                .collect(),
            helps: (0..languages)
                .map(|lang| PackedTexts::new(entries.iter().map(|entry| entry.help(lang))))
                .collect(),
            retired: PackedTexts::new(entries.iter().map(|entry| entry.retired())),
            message_sources: sources(&entries, languages, Entry::message),
            help_sources: sources(&entries, languages, Entry::help),
            entries,
            groups,
        }
    }
}

/// Which language column the default-language accessor reads for each entry: the first with a
/// text. Not needed with a single language; not representable in a byte past 256.
fn sources<'e>(
    entries: &[&'e Entry],
    languages: usize,
    text: impl Fn(&'e Entry, usize) -> Option<&'e str>,
) -> Vec<u8> {
    if !(2..=256).contains(&languages) {
        return Vec::new();
    }
    entries
        .iter()
        .map(|entry| {
            let first =
                (0..languages).find(|&lang| text(entry, lang).is_some_and(|t| !t.is_empty()));
            u8::try_from(first.unwrap_or(0)).unwrap_or(0)
        })
        .collect()
}

/// The order of `Severity`'s variants, then unspecified, so that the runtime's decoding match
/// is next to free.
fn severity_byte(severity: Option<Severity>) -> u8 {
    match severity {
        Some(Severity::Info) => 0,
        Some(Severity::Warning) => 1,
        Some(Severity::Error) => 2,
        None => 3,
    }
}

impl Lookup {
    /// A dense table if the codes are close enough; otherwise the runs, if `runs_needed`, or
    /// none (empty runs).
    fn new(entries: &[&Entry], runs_needed: bool) -> Self {
        let mut by_code: Vec<(u32, u32)> = entries
            .iter()
            .zip(0u32..)
            .map(|(entry, index)| (entry.code(), index))
            .collect();
        by_code.sort_unstable();
        let (Some(&(first, _)), Some(&(last, _))) = (by_code.first(), by_code.last()) else {
            return Lookup::Runs(Vec::new());
        };
        let span = u64::from(last - first) + 1;
        let count = by_code.len() as u64;
        if span <= count * DENSE_SLOTS_PER_CODE + DENSE_EXTRA_SLOTS {
            let width = if count < 0xFFFF { 2 } else { 4 };
            // Truncation is intended: `span` is bounded by the check above.
            #[allow(clippy::cast_possible_truncation)]
            let mut slots = vec![0xFF; span as usize * width];
            for (code, index) in by_code {
                let at = (code - first) as usize * width;
                slots[at..at + width].copy_from_slice(&index.to_le_bytes()[..width]);
            }
            Lookup::Dense {
                first,
                width,
                slots,
            }
        } else if !runs_needed {
            Lookup::Runs(Vec::new())
        } else {
            let runs = runs(&by_code);
            let count = runs.len() / 12;
            if count < INDEXED_RUNS {
                return Lookup::Runs(runs);
            }
            // About one run per bucket: the fewest codes per bucket (a power of two) that keep
            // the bucket count at most the run count.
            let mut shift = 0;
            while (span >> shift) + 1 > count as u64 {
                shift += 1;
            }
            let starts: Vec<u32> = runs
                .chunks(12)
                .map(|run| u32::from_le_bytes([run[0], run[1], run[2], run[3]]))
                .collect();
            let buckets = (span >> shift) + 1;
            // Per bucket, the last run starting at or before its first code; the next bucket's
            // gives the last run its codes can fall in.
            let mut lows = Vec::with_capacity(count + 1);
            let mut run = 0usize;
            for bucket in 0..=buckets {
                let bucket_first = u64::from(first) + (bucket << shift);
                while run + 1 < starts.len() && u64::from(starts[run + 1]) <= bucket_first {
                    run += 1;
                }
                lows.push(run);
            }
            let window = lows
                .windows(2)
                .map(|pair| pair[1] - pair[0] + 1)
                .max()
                .unwrap_or(1);
            // A crowded bucket would make every search long; plain runs are as good then.
            if window > count / 4 {
                return Lookup::Runs(runs);
            }
            let mut index = Vec::with_capacity(lows.len() * 4);
            for &low in &lows[..lows.len() - 1] {
                // Run indices fit a u32: entry indices do.
                #[allow(clippy::cast_possible_truncation)]
                index.extend_from_slice(&(low as u32).to_le_bytes());
            }
            #[allow(clippy::cast_possible_truncation)]
            Lookup::IndexedRuns {
                runs,
                first,
                shift,
                window: window as u32,
                buckets: index,
            }
        }
    }
}

impl Groups {
    /// Per-subsystem tables, if every subsystem's codes lie in a range no other subsystem's
    /// codes enter, and the slots for all those ranges fit the same budget as a dense lookup.
    fn new(entries: &[&Entry], groups: &[(usize, usize)]) -> Option<Self> {
        // (first code, span, tag, first entry, entries); each group is ascending by code.
        let mut ranges = Vec::with_capacity(groups.len());
        for (tag, &(base, len)) in groups.iter().enumerate() {
            let members = &entries[base..base + len];
            let (first, last) = (members.first()?.code(), members.last()?.code());
            if len >= 0xFFFF {
                return None;
            }
            ranges.push((first, u64::from(last - first) + 1, tag, base, len));
        }
        let slots: u64 = ranges.iter().map(|&(_, span, ..)| span).sum();
        let budget = entries.len() as u64 * DENSE_SLOTS_PER_CODE + DENSE_EXTRA_SLOTS;
        if slots > budget {
            return None;
        }
        let mut by_first = ranges.clone();
        by_first.sort_unstable();
        let disjoint = by_first
            .windows(2)
            .all(|pair| u64::from(pair[0].0) + pair[0].1 <= u64::from(pair[1].0));
        if !disjoint {
            return None;
        }
        let (&(low, ..), &(last_first, last_span, ..)) = (by_first.first()?, by_first.last()?);
        let high = u64::from(last_first) + last_span - 1;
        let whole_span = high - u64::from(low) + 1;
        let consecutive = entries
            .iter()
            .zip(0u64..)
            .all(|(entry, index)| u64::from(entry.code()) == u64::from(low) + index);
        let mut out = Groups {
            by_tag: Vec::with_capacity(16 * ranges.len()),
            by_first: Vec::with_capacity(8 * ranges.len()),
            slots: Vec::new(),
            tags: Vec::new(),
            consecutive_from: consecutive.then_some(low),
        };
        // The tag table costs a byte per code of the whole span; it gets the dense lookup's
        // budget, which counts 2-byte slots.
        if ranges.len() < 0xFF && slots + whole_span <= budget {
            #[allow(clippy::cast_possible_truncation)]
            let mut tags = vec![0xFF; whole_span as usize];
            for &(_, _, tag, base, len) in &ranges {
                for entry in &entries[base..base + len] {
                    #[allow(clippy::cast_possible_truncation)]
                    let tag = tag as u8;
                    tags[(entry.code() - low) as usize] = tag;
                }
            }
            out.tags = tags;
        }
        for &(first, span, _, base, len) in &ranges {
            if span == len as u64 {
                // Consecutive codes: a code's position is its offset, no slots needed.
                #[allow(clippy::cast_possible_truncation)]
                for word in [first, span as u32, CONTIGUOUS, base as u32] {
                    out.by_tag.extend_from_slice(&word.to_le_bytes());
                }
                continue;
            }
            let offset = out.slots.len() / 2;
            // Truncation is impossible: spans and offsets are bounded by the budget above, and
            // entry counts by a u32 index.
            #[allow(clippy::cast_possible_truncation)]
            for word in [first, span as u32, offset as u32, base as u32] {
                out.by_tag.extend_from_slice(&word.to_le_bytes());
            }
            let start = out.slots.len();
            #[allow(clippy::cast_possible_truncation)]
            out.slots.resize(start + span as usize * 2, 0xFF);
            for (position, entry) in (0u16..).zip(&entries[base..base + len]) {
                let at = start + (entry.code() - first) as usize * 2;
                out.slots[at..at + 2].copy_from_slice(&position.to_le_bytes());
            }
        }
        for &(first, _, tag, ..) in &by_first {
            out.by_first.extend_from_slice(&first.to_le_bytes());
            #[allow(clippy::cast_possible_truncation)]
            out.by_first.extend_from_slice(&(tag as u32).to_le_bytes());
        }
        Some(out)
    }
}

/// Maximal runs of consecutive codes whose indices are also consecutive, 12 bytes each.
fn runs(by_code: &[(u32, u32)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut run: Option<(u32, u32, u32)> = None;
    for &(code, index) in by_code {
        run = match run {
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
    if let Some(done) = run {
        push_run(&mut out, done);
    }
    out
}

fn push_run(out: &mut Vec<u8>, (start, len, base): (u32, u32, u32)) {
    out.extend_from_slice(&start.to_le_bytes());
    out.extend_from_slice(&len.to_le_bytes());
    out.extend_from_slice(&base.to_le_bytes());
}

impl PackedTexts {
    fn new<'t>(texts: impl Iterator<Item = Option<&'t str>>) -> Self {
        let mut blob = String::new();
        let mut ends = Vec::new();
        for text in texts {
            let text = text.unwrap_or("");
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fmt::Write as _;

    fn catalog(rows: &str) -> Catalog {
        let csv = format!("code,subsystem,name,severity,message_en,help_en\n{rows}");
        Catalog::from_csv(csv.as_bytes()).unwrap()
    }

    #[test]
    fn groups_entries_by_subsystem_in_code_order() {
        let catalog = catalog("5,B,E,,,\n2,A,Two,Info,two,\n1,A,One,Error,one,help\n");
        let layout = Layout::new(&catalog);
        let codes: Vec<_> = layout.entries.iter().map(|entry| entry.code()).collect();
        assert_eq!(codes, [5, 1, 2]);
        assert_eq!(layout.groups, [(0, 1), (1, 2)]);
        assert_eq!(layout.severities, [3, 2, 0]);
        assert_eq!(layout.messages[0].blob, "onetwo");
        assert_eq!(
            layout.messages[0].ends,
            [0, 0, 0, 0, 3, 0, 0, 0, 6, 0, 0, 0]
        );
        assert_eq!(layout.helps[0].blob, "help");
    }

    #[test]
    fn sources_name_the_first_language_with_a_text() {
        let csv = "code,subsystem,name,severity,message_zh,message_en,help_en\n\
                   1,A,Both,,一,one,\n2,A,English,,,two,help\n3,A,Neither,,,,\n";
        let two_languages = Catalog::from_csv(csv.as_bytes()).unwrap();
        let layout = Layout::new(&two_languages);
        assert_eq!(layout.message_sources, [0, 1, 0]);
        assert_eq!(layout.help_sources, [0, 1, 0]);
        let one_language = catalog("1,A,X,,x,\n");
        assert!(Layout::new(&one_language).message_sources.is_empty());
    }

    #[test]
    fn text_offsets_ascend_on_character_boundaries() {
        // `ecodes::__private::Texts::new` relies on this to slice without checks.
        let texts = ["", "é", "ab", "", "数据复制", "x\u{1F600}"];
        let packed = PackedTexts::new(texts.iter().map(|text| Some(*text)));
        let ends: Vec<usize> = packed
            .ends
            .chunks(4)
            .map(|end| u32::from_le_bytes(end.try_into().unwrap()) as usize)
            .collect();
        let mut start = 0;
        for (text, &end) in texts.iter().zip(&ends) {
            assert!(start <= end && packed.blob.is_char_boundary(end));
            assert_eq!(&packed.blob[start..end], *text);
            start = end;
        }
        assert_eq!(start, packed.blob.len());
    }

    #[test]
    fn subsystems_with_ranges_of_their_own_get_dense_groups() {
        let catalog = catalog("20,A,X,,,\n22,A,Y,,,\n10,B,Z,,,\n11,B,W,,,\n");
        let layout = Layout::new(&catalog);
        let groups = layout.dense_groups.expect("disjoint, dense ranges");
        let words = |bytes: &[u8]| -> Vec<u32> {
            bytes
                .chunks(4)
                .map(|word| u32::from_le_bytes(word.try_into().unwrap()))
                .collect()
        };
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
        let consecutive = self::catalog("10,A,X,,,\n11,A,Y,,,\n12,B,Z,,,\n");
        let groups = Layout::new(&consecutive).dense_groups.unwrap();
        assert_eq!((groups.consecutive_from, groups.slots.len()), (Some(10), 0));
        // The catalog-wide table is dense here, so it is kept: one load beats the groups' two.
        assert!(matches!(&layout.lookup, Lookup::Dense { first: 10, .. }));
    }

    #[test]
    fn many_runs_get_a_bucket_index_that_holds_every_code_s_run() {
        // 100 runs of one code, 1,000 apart, in two interleaved subsystems.
        let mut rows = String::new();
        for k in 0..100 {
            let _ = writeln!(
                rows,
                "{},{},C{k},,,",
                1_000_000 + 1_000 * k,
                ["A", "B"][k % 2]
            );
        }
        let catalog = catalog(&rows);
        let Lookup::IndexedRuns {
            runs,
            first,
            shift,
            window,
            buckets,
        } = Layout::new(&catalog).lookup
        else {
            panic!("expected indexed runs");
        };
        assert_eq!((runs.len() / 12, first), (100, 1_000_000));
        let word = |bytes: &[u8], at: usize| {
            u32::from_le_bytes(bytes[at * 4..at * 4 + 4].try_into().unwrap()) as usize
        };
        assert!(buckets.len() / 4 <= 100);
        for k in 0..100u32 {
            let code = 1_000_000 + 1_000 * k;
            let bucket = ((code - first) >> shift) as usize;
            let low = word(&buckets, bucket).min(100 - window as usize);
            let run = k as usize;
            assert!(
                low <= run && run < low + window as usize,
                "run {k} not in window from {low}"
            );
        }
    }

    #[test]
    fn interleaved_or_far_apart_subsystems_use_the_catalog_wide_lookup() {
        let interleaved = catalog("10,A,X,,,\n12,A,Y,,,\n11,B,Z,,,\n");
        assert!(Layout::new(&interleaved).dense_groups.is_none());
        let far = catalog("1,A,X,,,\n4000000000,A,Y,,,\n");
        assert!(Layout::new(&far).dense_groups.is_none());
    }

    #[test]
    fn dense_when_codes_are_close_runs_when_sparse() {
        // Interleaved subsystems, so that the catalog-wide lookup serves.
        let dense = catalog("10,A,X,,,\n12,A,Y,,,\n11,B,Z,,,\n");
        match Layout::new(&dense).lookup {
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
        let sparse = catalog("1,A,X,,,\n4000000000,A,Y,,,\n2,B,Z,,,\n");
        match Layout::new(&sparse).lookup {
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
