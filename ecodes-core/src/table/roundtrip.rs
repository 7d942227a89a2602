//! The property test of the table format: random catalogs, encoded by [`Tables::new`] and
//! decoded by [`Catalog`], must answer every accessor as a plain model of the catalog does, for
//! every code they have and for codes they do not have.
//!
//! Each test aims its catalogs at some layouts (a catalog-wide dense table, per-subsystem
//! tables, runs, runs with a bucket index) and counts which layouts the encoder chose, so that a
//! change in the encoder's choices cannot quietly leave a layout untested. The encoder's
//! [`Policy`] is part of the input: small thresholds reach every layout with small catalogs.

#![allow(
    clippy::cast_possible_truncation,
    reason = "the test's catalogs have few entries, and their offsets are small"
)]

use std::boxed::Box;
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::format;
use std::string::String;
use std::vec::Vec;

use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::{Config, TestCaseError, TestRunner};

use super::encode::{self, PackedTexts, Policy, Record, Tables};
use super::format::{by_tag, CONTIGUOUS, NO_SLOT_16};
use super::{Catalog, Groups, Lookup, Texts};
use crate::Severity;

/// The language tags a generated catalog takes its languages from, in order.
static LANGUAGES: [&str; 3] = ["en", "zh", "fr"];

/// Characters of one to four bytes, so that texts have every kind of character boundary.
static CHARS: [char; 9] = ['a', 'Z', ' ', '\n', 'é', 'ß', '数', '据', '😀'];

/// One entry of the model.
#[derive(Clone, Debug)]
struct Entry {
    code: u32,
    /// The code as written: unique, as the catalog's are, and of different lengths, so that
    /// the written index is not the code order.
    written: String,
    tag: u32,
    name: String,
    severity: Option<Severity>,
    messages: Vec<String>,
    helps: Vec<String>,
    fields: Vec<String>,
}

/// A catalog as a plain list, and the policy to encode it with.
#[derive(Clone, Debug)]
struct Model {
    languages: usize,
    fields: usize,
    /// In entry order: grouped by tag (tags from 0, none skipped), each subsystem's codes
    /// ascending.
    entries: Vec<Entry>,
    policy: Policy,
}

/// How many texts a case draws its entries' texts from: the first is empty.
const POOL: usize = 8;

impl Model {
    /// A model of `codes` (code, subsystem label): the first of two equal codes wins, and the
    /// labels become tags 0, 1, … in their order, so that no subsystem is empty. Each entry's
    /// severity and texts are picked from `pool` by the bits of its `picks`, which is much
    /// cheaper to generate than a string per text.
    fn new(
        codes: &[(u32, u32)],
        (pool, picks): (&[String], &[u64]),
        languages: usize,
        fields: usize,
        policy: Policy,
    ) -> Self {
        let mut seen = BTreeSet::new();
        let kept: Vec<(u32, u32)> = codes
            .iter()
            .copied()
            .filter(|&(code, _)| seen.insert(code))
            .collect();
        let labels: BTreeSet<u32> = kept.iter().map(|&(_, label)| label).collect();
        let tag_of: BTreeMap<u32, u32> = labels.into_iter().zip(0..).collect();
        let mut entries: Vec<Entry> = kept
            .iter()
            .zip(picks)
            .map(|(&(code, label), &pick)| {
                // Two bits for the severity, then three per text.
                let text = |at: usize| pool[(pick >> (2 + 3 * at)) as usize % POOL].clone();
                let texts = |from: usize, count: usize| (from..from + count).map(text).collect();
                Entry {
                    code,
                    written: format!("{}{code:x}", ["", "0x", "E"][code as usize % 3]),
                    tag: tag_of[&label],
                    name: text(0),
                    severity: [
                        None,
                        Some(Severity::Info),
                        Some(Severity::Warning),
                        Some(Severity::Error),
                    ][pick as usize % 4],
                    messages: texts(1, languages),
                    helps: texts(1 + languages, languages),
                    fields: texts(1 + 2 * languages, fields),
                }
            })
            .collect();
        entries.sort_by_key(|entry| (entry.tag, entry.code));
        Model {
            languages,
            fields,
            entries,
            policy,
        }
    }

    /// Per tag, the index of the subsystem's first entry and how many it has.
    fn subsystems(&self) -> Vec<(usize, usize)> {
        let mut subsystems: Vec<(usize, usize)> = Vec::new();
        for (index, entry) in self.entries.iter().enumerate() {
            if subsystems.len() <= entry.tag as usize {
                subsystems.push((index, 0));
            }
            subsystems[entry.tag as usize].1 += 1;
        }
        subsystems
    }
}

/// A text: often empty (a blank cell), else one to three characters of [`CHARS`].
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => Just(String::new()),
        3 => vec(select(&CHARS[..]), 1..4).prop_map(|chars| chars.into_iter().collect()),
    ]
}

/// A model of the codes `codes` gives, with texts in 0 to 3 languages and 0 to 2 optional
/// columns, from a pool of an empty text and `POOL - 1` random ones.
fn model(codes: impl Strategy<Value = (Vec<(u32, u32)>, Policy)>) -> impl Strategy<Value = Model> {
    let columns = (0..=LANGUAGES.len(), 0..=2usize);
    (codes, columns, vec(text(), POOL - 1)).prop_flat_map(
        |((codes, policy), (languages, fields), texts)| {
            let pool: Vec<String> = core::iter::once(String::new()).chain(texts).collect();
            let count = codes.len();
            (Just(codes), vec(any::<u64>(), count)).prop_map(move |(codes, picks)| {
                Model::new(&codes, (&pool, &picks), languages, fields, policy)
            })
        },
    )
}

/// Where a group of codes starts whose last code is `extent` after its first: at the very
/// bottom, at the very top, or anywhere.
fn base(extent: u32) -> impl Strategy<Value = u32> {
    let top = u32::MAX - extent;
    prop_oneof![0..=3u32, (top - 3)..=top, 0..=top]
}

/// Codes within 64 of each other, subsystems interleaved or not: catalog-wide dense tables,
/// with 2-byte slots or, when the policy says so, 4-byte ones.
fn dense_codes() -> impl Strategy<Value = (Vec<(u32, u32)>, Policy)> {
    let narrow = prop_oneof![Just(NO_SLOT_16 as usize), 0..48usize];
    (base(63), vec((0..64u32, 0..3u32), 1..48), narrow).prop_map(|(base, offsets, narrow)| {
        let codes = offsets
            .into_iter()
            .map(|(offset, label)| (base + offset, label))
            .collect();
        let policy = Policy {
            narrow_slots_below: narrow,
            ..Policy::DEFAULT
        };
        (codes, policy)
    })
}

/// One subsystem per cluster of codes, the clusters apart (close or far) and each consecutive
/// or with gaps, the tags in a random order; or, about half the time, one consecutive range
/// split into subsystems in code order. Per-subsystem tables, with or without a tag table and
/// a catalog-wide dense table.
fn grouped_codes() -> impl Strategy<Value = (Vec<(u32, u32)>, Policy)> {
    let cluster = (
        prop_oneof![0..4u32, 1_000..100_000u32],
        any::<bool>(),
        vec(0..24u32, 1..10),
    );
    let policy = (1..=8u64, 0..=64u64).prop_map(|(per_code, extra)| Policy {
        dense_slots_per_code: per_code,
        dense_extra_slots: extra,
        ..Policy::DEFAULT
    });
    (vec(cluster, 1..6), any::<bool>(), policy)
        .prop_flat_map(|(clusters, consecutive, policy)| {
            let count = clusters.len();
            let consecutive = consecutive && count > 1;
            // (offset from the first code, cluster) for every code, the clusters in code order.
            let mut offsets = Vec::new();
            let mut next = 0u32;
            for (cluster, (gap, contiguous, spots)) in (0u32..).zip(clusters) {
                let start = if consecutive || cluster == 0 {
                    next
                } else {
                    next + gap
                };
                let spots: BTreeSet<u32> = if consecutive || contiguous {
                    (0..spots.len() as u32).collect()
                } else {
                    // The first code is the cluster's start, so that clusters stay apart.
                    core::iter::once(0).chain(spots).collect()
                };
                let last = *spots.last().unwrap_or(&0);
                offsets.extend(spots.into_iter().map(|spot| (start + spot, cluster)));
                next = start + last + 1;
            }
            let labels: Vec<u32> = (0..count as u32).collect();
            let labels = if consecutive {
                Just(labels).boxed()
            } else {
                Just(labels).prop_shuffle().boxed()
            };
            (base(next - 1), labels, Just(offsets), Just(policy))
        })
        .prop_map(|(base, labels, offsets, policy)| {
            let codes = offsets
                .into_iter()
                .map(|(offset, cluster)| (base + offset, labels[cluster as usize]))
                .collect();
            (codes, policy)
        })
}

/// A code anywhere, often at either end of the range.
fn any_code() -> impl Strategy<Value = u32> {
    prop_oneof![0..=4u32, (u32::MAX - 4)..=u32::MAX, any::<u32>()]
}

/// A few short runs of codes anywhere, each of a random subsystem: binary search over runs
/// (dense tables when the codes happen to be close).
fn sparse_codes() -> impl Strategy<Value = (Vec<(u32, u32)>, Policy)> {
    let policy = (1..=8u64, 0..=64u64).prop_map(|(per_code, extra)| Policy {
        dense_slots_per_code: per_code,
        dense_extra_slots: extra,
        ..Policy::DEFAULT
    });
    (vec((any_code(), 1..4u32, 0..3u32), 1..24), policy).prop_map(|(runs, policy)| {
        let codes = runs
            .into_iter()
            .flat_map(|(start, len, label)| {
                (0..len)
                    .filter_map(move |offset| start.checked_add(offset))
                    .map(move |code| (code, label))
            })
            .collect();
        (codes, policy)
    })
}

/// Many runs spread evenly (one every `stride` codes, moved by up to half a stride, the first
/// at the catalog's first code), each of a random subsystem, and a low threshold for the bucket
/// index: runs with a bucket index.
fn indexed_codes() -> impl Strategy<Value = (Vec<(u32, u32)>, Policy)> {
    (8..1_000u32, 16..64usize, 2..=8usize)
        .prop_flat_map(|(stride, count, from)| {
            let run = (0..stride / 2, 1..=3u32.min(stride / 2), 0..3u32);
            (Just(stride), vec(run, count), Just(from))
        })
        .prop_flat_map(|(stride, runs, from)| {
            let offsets: Vec<(u32, u32)> = (0u32..)
                .zip(runs)
                .flat_map(|(at, (shift, len, label))| {
                    let start = at * stride + if at == 0 { 0 } else { shift };
                    (start..start + len).map(move |offset| (offset, label))
                })
                .collect();
            let last = offsets.last().map_or(0, |&(offset, _)| offset);
            (base(last), Just(offsets), Just(from))
        })
        .prop_map(|(base, offsets, from)| {
            let codes = offsets
                .into_iter()
                .map(|(offset, label)| (base + offset, label))
                .collect();
            let policy = Policy {
                dense_slots_per_code: 1,
                dense_extra_slots: 0,
                indexed_runs_from: from,
                ..Policy::DEFAULT
            };
            (codes, policy)
        })
}

/// The layouts (and parts of layouts) an encoded catalog uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    /// A catalog-wide dense table with 2-byte slots.
    DenseNarrow,
    /// A catalog-wide dense table with 4-byte slots.
    DenseWide,
    /// Runs without a bucket index.
    Runs,
    /// Runs with a bucket index.
    IndexedRuns,
    /// Per-subsystem tables that `index_of` uses: no dense table, no tag table.
    GroupsSearched,
    /// Per-subsystem tables with a tag table.
    GroupsTagged,
    /// Per-subsystem tables next to a dense table, which `index_of` uses.
    GroupsBesideDense,
    /// A subsystem of consecutive codes, without slots.
    Contiguous,
    /// A subsystem with gaps, with slots.
    Slotted,
    /// Entries indexed by subtraction.
    ConsecutiveFrom,
    /// A code within 4 of 0.
    NearZero,
    /// A code within 4 of `u32::MAX`.
    NearMax,
}

/// Which [`Kind`]s `catalog`, the decoded tables of `model`, uses.
fn kinds(model: &Model, catalog: &Catalog) -> Vec<Kind> {
    let mut kinds = Vec::new();
    match catalog.lookup {
        Lookup::Dense { width: 2, .. } => kinds.push(Kind::DenseNarrow),
        Lookup::Dense { .. } => kinds.push(Kind::DenseWide),
        Lookup::Runs(runs) if !runs.is_empty() => kinds.push(Kind::Runs),
        Lookup::Runs(_) => {}
        Lookup::IndexedRuns { .. } => kinds.push(Kind::IndexedRuns),
    }
    if let Some(groups) = catalog.groups {
        kinds.push(if catalog.lookup.is_dense() {
            Kind::GroupsBesideDense
        } else {
            Kind::GroupsSearched
        });
        if !groups.tags.is_empty() {
            kinds.push(Kind::GroupsTagged);
        }
        if groups.consecutive_from.is_some() {
            kinds.push(Kind::ConsecutiveFrom);
        }
        let first_slots = groups
            .by_tag
            .chunks(by_tag::BYTES)
            .map(|record| word(record, by_tag::FIRST_SLOT));
        for first_slot in first_slots {
            kinds.push(if first_slot == CONTIGUOUS {
                Kind::Contiguous
            } else {
                Kind::Slotted
            });
        }
    }
    if model.entries.iter().any(|entry| entry.code <= 4) {
        kinds.push(Kind::NearZero);
    }
    if model.entries.iter().any(|entry| entry.code >= u32::MAX - 4) {
        kinds.push(Kind::NearMax);
    }
    kinds.sort_unstable();
    kinds.dedup();
    kinds
}

fn word(bytes: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
}

fn leak(bytes: &[u8]) -> &'static [u8] {
    Box::leak(bytes.to_vec().into_boxed_slice())
}

/// The decoder's column of `packed`, after checking `Texts::new`'s contract, so that an encoder
/// that broke it fails the test instead of causing undefined behaviour in it.
#[allow(unsafe_code)]
fn texts(packed: &PackedTexts) -> Result<Texts, TestCaseError> {
    let (blob, ends) = (packed.blob(), packed.ends());
    prop_assert_eq!(ends.len() % 4, 0);
    let mut start = 0;
    for end in ends.chunks(4).map(|end| word(end, 0) as usize) {
        prop_assert!(start <= end && end <= blob.len() && blob.is_char_boundary(end));
        start = end;
    }
    let blob: &'static str = Box::leak(Box::from(blob));
    // SAFETY: checked just above: the offsets ascend, are at most `blob.len()` and fall on
    // character boundaries.
    Ok(unsafe { Texts::new(blob, leak(ends)) })
}

/// The columns of `packed`, leaked.
fn columns(packed: &[PackedTexts]) -> Result<&'static [Texts], TestCaseError> {
    let columns = packed.iter().map(texts).collect::<Result<Vec<_>, _>>()?;
    Ok(Vec::leak(columns))
}

/// The decoder's view of `tables`: what generated code holds as literals, here leaked.
fn decode(tables: &Tables, languages: usize) -> Result<Catalog, TestCaseError> {
    let lookup = match &tables.lookup {
        encode::Lookup::Dense {
            first,
            width,
            slots,
        } => Lookup::Dense {
            first: *first,
            width: *width,
            slots: leak(slots),
        },
        encode::Lookup::Runs(runs) => Lookup::Runs(leak(runs)),
        encode::Lookup::IndexedRuns {
            runs,
            first,
            shift,
            window,
            buckets,
        } => Lookup::IndexedRuns {
            runs: leak(runs),
            first: *first,
            shift: *shift,
            window: *window,
            buckets: leak(buckets),
        },
    };
    let groups = tables.groups.as_ref().map(|groups| Groups {
        by_tag: leak(&groups.by_tag),
        by_first: leak(&groups.by_first),
        slots: leak(&groups.slots),
        tags: leak(&groups.tags),
        consecutive_from: groups.consecutive_from,
    });
    Ok(Catalog {
        lookup,
        groups,
        names: texts(&tables.names)?,
        severities: leak(&tables.severities),
        languages: &LANGUAGES[..languages],
        messages: columns(&tables.messages)?,
        message_sources: leak(&tables.message_sources),
        helps: columns(&tables.helps)?,
        help_sources: leak(&tables.help_sources),
        fields: columns(&tables.fields)?,
        written: texts(&tables.written)?,
        written_order: leak(&tables.written_order),
    })
}

fn non_empty(text: &str) -> Option<&str> {
    (!text.is_empty()).then_some(text)
}

/// The first text that is not empty, or empty: what `message()` and `help()` fall back to.
fn first(texts: &[String]) -> &str {
    texts
        .iter()
        .find(|text| !text.is_empty())
        .map_or("", String::as_str)
}

/// Encodes `model`, decodes the tables and compares every accessor with the model, for every
/// code of the catalog and for codes around them that it does not have. Returns the layouts
/// the encoder chose.
fn round_trip(model: &Model, probes: &[u32]) -> Result<Vec<Kind>, TestCaseError> {
    let catalog = encode_and_decode(model)?;
    let subsystems = model.subsystems();
    let bases: Vec<u32> = subsystems.iter().map(|&(base, _)| base as u32).collect();
    for (index, entry) in model.entries.iter().enumerate() {
        let (code, tag) = (entry.code, entry.tag as usize);
        prop_assert_eq!(catalog.index_of(code), Some(index), "index_of({})", code);
        let found = catalog.tag_of(code, &bases);
        prop_assert_eq!(found, Some(entry.tag), "tag_of({})", code);
        prop_assert_eq!(catalog.known(tag, code), index, "known({}, {})", tag, code);
        for (other, &(base, len)) in subsystems.iter().enumerate() {
            let found = catalog.has_in(other, base, len, code);
            prop_assert_eq!(found, other == tag, "has_in({}, {})", other, code);
        }
        check_texts(model, &catalog, index)?;
    }
    // Past the last entry, every text column is empty.
    let past = model.entries.len();
    prop_assert_eq!(catalog.message(past), "");
    prop_assert_eq!(catalog.field(0, past), None);

    let codes: BTreeSet<u32> = model.entries.iter().map(|entry| entry.code).collect();
    let neighbours = codes.iter().flat_map(|&code| {
        [1, 2]
            .into_iter()
            .flat_map(move |step| [code.checked_sub(step), code.checked_add(step)])
    });
    let ends = [0, 1, u32::MAX - 1, u32::MAX];
    let misses = neighbours
        .flatten()
        .chain(ends)
        .chain(probes.iter().copied())
        .filter(|code| !codes.contains(code));
    for code in misses {
        prop_assert_eq!(catalog.index_of(code), None, "index_of({}), a miss", code);
        let found = catalog.tag_of(code, &bases);
        prop_assert_eq!(found, None, "tag_of({}), a miss", code);
        for (tag, &(base, len)) in subsystems.iter().enumerate() {
            let found = catalog.has_in(tag, base, len, code);
            prop_assert!(!found, "has_in({}, {}), a miss", tag, code);
        }
    }
    Ok(kinds(model, &catalog))
}

/// The model's records, encoded with its policy and decoded.
fn encode_and_decode(model: &Model) -> Result<Catalog, TestCaseError> {
    let texts_of: Vec<Vec<&str>> = model
        .entries
        .iter()
        .map(|entry| {
            let all = entry.messages.iter().chain(&entry.helps);
            all.chain(&entry.fields).map(String::as_str).collect()
        })
        .collect();
    let languages = model.languages;
    let records: Vec<Record<'_>> = model
        .entries
        .iter()
        .zip(&texts_of)
        .map(|(entry, texts)| Record {
            code: entry.code,
            written: &entry.written,
            tag: entry.tag,
            name: &entry.name,
            severity: entry.severity,
            messages: &texts[..languages],
            helps: &texts[languages..2 * languages],
            fields: &texts[2 * languages..],
        })
        .collect();
    let tables = Tables::new(&records, languages, model.fields, &model.policy)
        .map_err(|error| TestCaseError::fail(format!("{error}")))?;
    decode(&tables, languages)
}

/// The name, severity and texts of the entry at `index`, in every language and column, and
/// in languages and columns the catalog does not have.
fn check_texts(model: &Model, catalog: &Catalog, index: usize) -> Result<(), TestCaseError> {
    let entry = &model.entries[index];
    prop_assert_eq!(catalog.name(index), entry.name.as_str());
    prop_assert_eq!(catalog.written(index), entry.written.as_str());
    prop_assert_eq!(catalog.find_written(&entry.written), Some(index));
    prop_assert_eq!(catalog.severity(index), entry.severity);
    prop_assert_eq!(catalog.message(index), first(&entry.messages));
    prop_assert_eq!(catalog.help(index), non_empty(first(&entry.helps)));
    for (lang, tag) in LANGUAGES.iter().enumerate() {
        let message = entry.messages.get(lang).and_then(|text| non_empty(text));
        let help = entry.helps.get(lang).and_then(|text| non_empty(text));
        prop_assert_eq!(catalog.message_in(index, tag), message);
        prop_assert_eq!(catalog.help_in(index, tag), help);
    }
    prop_assert_eq!(catalog.message_in(index, "xx"), None);
    prop_assert_eq!(catalog.help_in(index, ""), None);
    for slot in 0..=model.fields {
        let field = entry.fields.get(slot).and_then(|text| non_empty(text));
        let found = catalog.field(slot, index);
        prop_assert_eq!(found, field, "field({}, {})", slot, index);
    }
    Ok(())
}

/// Runs `cases` round trips of catalogs from `codes`, and checks that at least a tenth of them
/// used each layout of `aimed`.
fn check(
    cases: u32,
    codes: impl Strategy<Value = (Vec<(u32, u32)>, Policy)>,
    aimed: &[Kind],
) -> BTreeMap<Kind, u32> {
    let mut runner = TestRunner::new(Config {
        cases,
        source_file: Some(file!()),
        ..Config::default()
    });
    let counts = RefCell::new(BTreeMap::new());
    let strategy = (model(codes), vec(any_code(), 4));
    let result = runner.run(&strategy, |(model, probes)| {
        for kind in round_trip(&model, &probes)? {
            *counts.borrow_mut().entry(kind).or_insert(0) += 1;
        }
        Ok(())
    });
    if let Err(error) = result {
        panic!("{error}");
    }
    let counts = counts.into_inner();
    for kind in aimed {
        let count = counts.get(kind).copied().unwrap_or(0);
        assert!(
            count >= cases / 10,
            "only {count} of {cases} catalogs used {kind:?}: {counts:?}"
        );
    }
    counts
}

#[test]
fn dense_catalogs_round_trip() {
    check(
        3_000,
        dense_codes(),
        &[
            Kind::DenseNarrow,
            Kind::DenseWide,
            Kind::NearZero,
            Kind::NearMax,
        ],
    );
}

#[test]
fn grouped_catalogs_round_trip() {
    check(
        3_000,
        grouped_codes(),
        &[
            Kind::GroupsSearched,
            Kind::GroupsTagged,
            Kind::GroupsBesideDense,
            Kind::Contiguous,
            Kind::Slotted,
            Kind::ConsecutiveFrom,
            Kind::NearZero,
            Kind::NearMax,
        ],
    );
}

#[test]
fn sparse_catalogs_round_trip() {
    check(
        2_000,
        sparse_codes(),
        &[Kind::Runs, Kind::NearZero, Kind::NearMax],
    );
}

#[test]
fn indexed_catalogs_round_trip() {
    check(
        2_500,
        indexed_codes(),
        &[Kind::IndexedRuns, Kind::NearZero, Kind::NearMax],
    );
}

/// The default policy's own thresholds, which random catalogs small enough to test by the
/// thousand never reach: 65,535 entries get 4-byte slots, and a subsystem that large gets no
/// per-subsystem tables (its positions would reach the 2-byte gap).
#[test]
fn a_catalog_of_65535_entries_gets_wide_slots_and_no_groups() {
    let entries: Vec<Entry> = (0..0xFFFF_u32)
        .map(|at| Entry {
            code: 1_000 + at + at / 7,
            written: format!("{}", 1_000 + at + at / 7),
            tag: 0,
            name: String::new(),
            severity: None,
            messages: Vec::new(),
            helps: Vec::new(),
            fields: Vec::new(),
        })
        .collect();
    let model = Model {
        languages: 0,
        fields: 0,
        entries,
        policy: Policy::DEFAULT,
    };
    let kinds = round_trip(&model, &[]).unwrap();
    assert_eq!(kinds, [Kind::DenseWide]);
}
