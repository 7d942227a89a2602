//! The generator on arbitrary bytes: either problems with line numbers, or an expansion that
//! parses as a Rust file. Never a panic, never a hang.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let parsed = ecodes_catalog::parse(bytes);
    for problem in &parsed.problems {
        let rendered = problem.display_in("codes.csv").to_string();
        assert!(rendered.starts_with("codes.csv"));
    }
    // The valid rows are expanded even when other rows have problems, as the macro does.
    let tokens = ecodes_codegen::expand_catalog(&parsed.catalog, "codes.csv", Path::new("/codes.csv"));
    if let Err(err) = syn::parse2::<syn::File>(tokens) {
        panic!("the expansion does not parse: {err}");
    }
});
