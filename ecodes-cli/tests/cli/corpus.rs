//! `scan` without flags on real logs (`tests/fixtures/logs`, whose README says where every line
//! came from and how it was annotated by hand), scored against the annotations: the recall and
//! precision targets of the default forms, so that a change that lowers either fails.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use crate::{ecodes, json_of, workspace};

/// The targets over the whole corpus, and the least recall any one log may have.
const RECALL: f64 = 0.90;
const PRECISION: f64 = 0.95;
const LEAST_RECALL_PER_LOG: f64 = 0.75;

/// One log's annotations: per line, the codes of the log's catalog (as written).
struct Annotated {
    log: PathBuf,
    catalog: String,
    expected: BTreeMap<u64, Vec<String>>,
}

/// Reads `<name>.expected`: tab-separated line number, catalog, codes and note. The log's
/// catalog is the one most of its codes are in; a code of another catalog is written
/// `other.csv:CODE` and scored only when that is the log's catalog.
fn annotated(expected: &Path) -> Annotated {
    let text = std::fs::read_to_string(expected)
        .unwrap_or_else(|err| panic!("cannot read {}: {err}", expected.display()));
    let rows: Vec<Vec<&str>> = text
        .lines()
        .map(|line| line.split('\t').collect())
        .collect();
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for row in &rows {
        if row.get(2).is_some_and(|codes| !codes.is_empty()) {
            *counts.entry(row[1]).or_default() += 1;
        }
    }
    let catalog = counts
        .iter()
        .max_by_key(|(name, count)| (**count, std::cmp::Reverse(**name)))
        .map_or_else(|| rows[0][1].to_owned(), |(name, _)| (*name).to_owned());
    let mut lines = BTreeMap::new();
    for row in &rows {
        let line: u64 = row[0]
            .parse()
            .unwrap_or_else(|err| panic!("{row:?}: {err}"));
        let codes: Vec<String> = row
            .get(2)
            .map_or("", |codes| *codes)
            .split_whitespace()
            .filter_map(|code| match code.split_once(':') {
                Some((other, code)) => (other == catalog).then(|| code.to_owned()),
                None => (row[1] == catalog).then(|| code.to_owned()),
            })
            .collect();
        if !codes.is_empty() {
            lines.insert(line, codes);
        }
    }
    Annotated {
        log: expected.with_extension("log"),
        catalog,
        expected: lines,
    }
}

/// Every annotated log of a folder.
fn corpus(folder: &Path) -> Vec<Annotated> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
        .map(|entries| entries.flatten().map(|entry| entry.path()).collect())
        .unwrap_or_default();
    files.sort();
    files
        .iter()
        .filter(|path| path.extension().is_some_and(|ext| ext == "expected"))
        .map(|path| annotated(path))
        .collect()
}

/// True positives, false positives and false negatives of one log.
fn score(log: &Annotated) -> (usize, usize, usize) {
    let catalog = workspace()
        .join("tests/fixtures/catalogs")
        .join(&log.catalog);
    let output = ecodes()
        .arg("--catalog")
        .arg(&catalog)
        .args(["scan", "--format", "json"])
        .arg(&log.log)
        .output()
        .unwrap_or_else(|err| panic!("cannot run ecodes: {err}"));
    let rows = json_of(&output);
    let mut found: BTreeMap<u64, Vec<String>> = BTreeMap::new();
    for row in rows.as_array().map_or(&[][..], Vec::as_slice) {
        let line = row["line"].as_u64().unwrap_or(0);
        let code = match &row["code"] {
            serde_json::Value::String(code) => code.clone(),
            other => other.to_string(),
        };
        found.entry(line).or_default().push(code);
    }
    let (mut hits, mut wrong, mut missed) = (0, 0, 0);
    let lines: std::collections::BTreeSet<u64> =
        log.expected.keys().chain(found.keys()).copied().collect();
    for line in lines {
        let mut expected = log.expected.get(&line).cloned().unwrap_or_default();
        for code in found.get(&line).map_or(&[][..], Vec::as_slice) {
            match expected.iter().position(|wanted| wanted == code) {
                Some(at) => {
                    expected.remove(at);
                    hits += 1;
                }
                None => wrong += 1,
            }
        }
        missed += expected.len();
    }
    (hits, wrong, missed)
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        // Counts of a few hundred: exact in an f64.
        #[allow(clippy::cast_precision_loss)]
        let ratio = part as f64 / whole as f64;
        ratio
    }
}

#[test]
fn the_default_forms_find_the_codes_of_real_logs() {
    let folder = workspace().join("tests/fixtures/logs");
    let mut logs = corpus(&folder);
    logs.extend(corpus(&folder.join("held-out")));
    assert!(logs.len() >= 6, "the corpus has {} logs", logs.len());
    let mut report = String::new();
    let (mut hits, mut wrong, mut missed) = (0, 0, 0);
    let mut short = Vec::new();
    for log in &logs {
        let (h, w, m) = score(log);
        let (recall, precision) = (ratio(h, h + m), ratio(h, h + w));
        report.push_str(&format!(
            "{:<40} {:<14} recall {recall:.2} ({h}/{}) precision {precision:.2} ({h}/{})\n",
            log.log.strip_prefix(&folder).unwrap_or(&log.log).display(),
            log.catalog,
            h + m,
            h + w
        ));
        if recall < LEAST_RECALL_PER_LOG {
            short.push(log.log.display().to_string());
        }
        (hits, wrong, missed) = (hits + h, wrong + w, missed + m);
    }
    let (recall, precision) = (ratio(hits, hits + missed), ratio(hits, hits + wrong));
    report.push_str(&format!(
        "total: recall {recall:.3} ({hits}/{}), precision {precision:.3} ({hits}/{})",
        hits + missed,
        hits + wrong
    ));
    println!("{report}");
    assert!(recall >= RECALL, "recall below {RECALL}:\n{report}");
    assert!(
        precision >= PRECISION,
        "precision below {PRECISION}:\n{report}"
    );
    assert!(
        short.is_empty(),
        "recall below {LEAST_RECALL_PER_LOG} in {short:?}:\n{report}"
    );
}
