//! Every code of the vendor's table is in `codes.csv`, with its text and severity, and resolves
//! through the generated `Code::from_code`.
//!
//! The table is `tests/fixtures/vendor-error-codes.md`, copied unchanged from the vendor's
//! documentation. The only differences allowed are the typo fixes listed in the README, which
//! this test reads, so the README cannot drift from the data.

use std::collections::BTreeMap;

use ecodes_catalog::{Catalog, Entry};

const SEED: &str = include_str!("fixtures/vendor-error-codes.md");
const README: &str = include_str!("../README.md");

#[derive(Debug, Clone, PartialEq)]
struct SeedRow {
    description: String,
    level: String,
    help: String,
}

/// The trimmed cells of one Markdown table row.
fn cells(line: &str) -> Vec<&str> {
    line.trim()
        .trim_matches('|')
        .split('|')
        .map(str::trim)
        .collect()
}

/// The code rows of the vendor's table, one per code: where a code appears twice, the row that
/// has text wins, as the README says.
fn seed_rows() -> BTreeMap<u32, SeedRow> {
    let mut rows: BTreeMap<u32, SeedRow> = BTreeMap::new();
    for line in SEED.lines().filter(|line| line.starts_with('|')) {
        let cells = cells(line);
        let Ok(code) = cells[0].parse::<u32>() else {
            continue; // the header, the alignment row and the `---` separators
        };
        assert_eq!(cells.len(), 4, "row {code} has four cells");
        let row = SeedRow {
            description: cells[1].to_owned(),
            level: cells[2].to_owned(),
            help: cells[3].to_owned(),
        };
        let has_text = !row.description.is_empty() || !row.help.is_empty();
        match rows.get(&code) {
            Some(kept) if !kept.description.is_empty() || !has_text => {}
            _ => {
                rows.insert(code, row);
            }
        }
    }
    rows
}

/// `(code, column, seed text, fixed text)` from the README's "Typo fixes" table.
fn typo_fixes() -> Vec<(u32, String, String, String)> {
    let section = README
        .split("### Typo fixes")
        .nth(1)
        .expect("the README has a Typo fixes section");
    section
        .lines()
        .skip_while(|line| !line.starts_with('|'))
        .take_while(|line| line.starts_with('|'))
        .filter_map(|line| {
            let cells = cells(line);
            let code = cells[0].parse().ok()?;
            Some((
                code,
                cells[1].to_owned(),
                cells[2].to_owned(),
                cells[3].to_owned(),
            ))
        })
        .collect()
}

fn catalog() -> Catalog {
    Catalog::from_csv(ecodes::CATALOG_CSV.as_bytes()).expect("codes.csv is valid")
}

fn zh_text(catalog: &Catalog, entry: &Entry) -> (String, String) {
    let zh = catalog
        .language_index("zh")
        .expect("the catalog has Chinese");
    (
        entry.message(zh).unwrap_or_default().to_owned(),
        entry.help(zh).unwrap_or_default().to_owned(),
    )
}

#[test]
fn the_catalog_has_exactly_the_seed_codes() {
    let seed = seed_rows();
    assert_eq!(seed.len(), 240, "the vendor's table has 240 distinct codes");
    let catalog = catalog();
    let codes: Vec<i128> = catalog.entries().iter().map(Entry::key).collect();
    let seed_codes: Vec<i128> = seed.keys().copied().map(i128::from).collect();
    let mut sorted = codes.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, seed_codes);
}

#[test]
fn every_seed_row_keeps_its_text_and_severity() {
    let mut seed = seed_rows();
    for (code, column, wrong, right) in typo_fixes() {
        let row = seed.get_mut(&code).expect("a typo fix names a seed code");
        let cell = match column.as_str() {
            "message_zh" => &mut row.description,
            "help_zh" => &mut row.help,
            other => panic!("a typo fix names an unknown column `{other}`"),
        };
        assert_eq!(
            *cell, wrong,
            "the README's seed text for {code} {column} is the vendor's"
        );
        *cell = right;
    }
    let catalog = catalog();
    for (code, row) in &seed {
        let entry = catalog
            .get(i128::from(*code))
            .expect("every seed code is in the catalog");
        let (message, help) = zh_text(&catalog, entry);
        assert_eq!(message, row.description, "message_zh of {code}");
        assert_eq!(help, row.help, "help_zh of {code}");
        let severity = entry
            .severity()
            .map(|severity| severity.as_str().to_owned());
        assert_eq!(
            severity.unwrap_or_default(),
            row.level,
            "severity of {code}"
        );
    }
}

#[test]
fn every_seed_code_resolves_through_the_generated_code() {
    for (code, row) in seed_rows() {
        let generated = ecodes::Code::from_code(code).expect("every seed code resolves");
        assert_eq!(generated.code(), code);
        assert_eq!(ecodes::Code::try_from(code), Ok(generated));
        assert_eq!(u32::from(generated), code);
        let level = generated
            .severity()
            .map(ecodes::Severity::as_str)
            .unwrap_or_default();
        assert_eq!(level, row.level, "severity of {code}");
        assert_eq!(
            generated.is_documented(),
            !row.description.is_empty(),
            "{code}"
        );
    }
}

#[test]
fn every_row_with_text_has_an_english_translation() {
    let catalog = catalog();
    let (zh, en) = (
        catalog.language_index("zh").unwrap(),
        catalog.language_index("en").unwrap(),
    );
    for entry in catalog.entries() {
        let code = entry.written();
        assert_eq!(
            entry.message(zh).is_some(),
            entry.message(en).is_some(),
            "message of {code}"
        );
        assert_eq!(
            entry.help(zh).is_some(),
            entry.help(en).is_some(),
            "help of {code}"
        );
    }
}
