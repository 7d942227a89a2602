//! The catalog reader, parser and validator on arbitrary bytes: never a panic, and what it
//! returns is consistent.
#![no_main]

use std::collections::HashSet;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let parsed = ecodes_catalog::parse(bytes);
    // Every problem is on a line of the input (or the whole file).
    let lines = bytes.iter().filter(|&&b| b == b'\n').count() as u64 + 1;
    for problem in &parsed.problems {
        if let Some(line) = problem.line() {
            assert!(line >= 1 && line <= lines, "line {line} of {lines}: {problem}");
        }
        assert!(!problem.message().is_empty());
    }
    // The valid rows form a valid catalog: unique codes, names unique per subsystem.
    let catalog = &parsed.catalog;
    let mut codes = HashSet::new();
    let mut names = HashSet::new();
    for entry in catalog.entries() {
        assert!(codes.insert(entry.key()), "duplicate code {}", entry.key());
        let subsystem = catalog.subsystem_of(entry).name();
        assert!(names.insert((subsystem, entry.name())), "duplicate name {}", entry.name());
        assert_eq!(catalog.get(entry.key()).map(|e| e.line()), Some(entry.line()));
    }
    let grouped: usize = catalog.subsystems().iter().map(|s| s.len()).sum();
    assert_eq!(grouped, catalog.entries().len());
    // Lenient and strict reading agree.
    match ecodes_catalog::Catalog::from_csv(bytes) {
        Ok(strict) => {
            assert!(parsed.problems.is_empty());
            assert_eq!(&strict, catalog);
        }
        Err(problems) => assert_eq!(problems, parsed.problems),
    }
});
