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

pub(crate) struct Layout<'a> {
    pub(crate) languages: &'a [String],
    /// Entries grouped by subsystem (in catalog order), each group ascending by code. An
    /// entry's position here is its index in every table.
    pub(crate) entries: Vec<&'a Entry>,
    /// Per subsystem: the index of its first entry and how many it has.
    pub(crate) groups: Vec<(usize, usize)>,
    pub(crate) lookup: Lookup,
    pub(crate) names: PackedTexts,
    pub(crate) severities: Vec<u8>,
    /// Per language: every message concatenated, and the end offsets.
    pub(crate) messages: Vec<PackedTexts>,
    pub(crate) helps: Vec<PackedTexts>,
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
        Layout {
            languages: catalog.languages(),
            lookup: Lookup::new(&entries),
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
            entries,
            groups,
        }
    }
}

fn severity_byte(severity: Option<Severity>) -> u8 {
    match severity {
        None => 0,
        Some(Severity::Info) => 1,
        Some(Severity::Warning) => 2,
        Some(Severity::Error) => 3,
    }
}

impl Lookup {
    fn new(entries: &[&Entry]) -> Self {
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
        } else {
            Lookup::Runs(runs(&by_code))
        }
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
            blob.push_str(text.unwrap_or(""));
            // A catalog larger than 4 GiB cannot be compiled anyway; saturate rather than wrap.
            let end = u32::try_from(blob.len()).unwrap_or(u32::MAX);
            ends.extend_from_slice(&end.to_le_bytes());
        }
        PackedTexts { blob, ends }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(layout.severities, [0, 3, 1]);
        assert_eq!(layout.messages[0].blob, "onetwo");
        assert_eq!(
            layout.messages[0].ends,
            [0, 0, 0, 0, 3, 0, 0, 0, 6, 0, 0, 0]
        );
        assert_eq!(layout.helps[0].blob, "help");
    }

    #[test]
    fn dense_when_codes_are_close_runs_when_sparse() {
        let dense = catalog("10,A,X,,,\n12,A,Y,,,\n");
        match Layout::new(&dense).lookup {
            Lookup::Dense {
                first,
                width,
                slots,
            } => {
                assert_eq!((first, width), (10, 2));
                assert_eq!(slots, [0, 0, 0xFF, 0xFF, 1, 0]);
            }
            Lookup::Runs(_) => panic!("expected a dense table"),
        }
        let sparse = catalog("1,A,X,,,\n2,A,Y,,,\n4000000000,B,Z,,,\n");
        match Layout::new(&sparse).lookup {
            Lookup::Runs(runs) => {
                assert_eq!(runs.len(), 24);
                assert_eq!(&runs[..12], [1, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0]);
            }
            Lookup::Dense { .. } => panic!("expected runs"),
        }
    }
}
