//! The resolver on any bytes as a reference, against any small valid catalog: never a panic,
//! strict and lenient modes agree wherever strict resolves, and every suggestion resolves.
//!
//! The input is a catalog body and a reference, split at the first `0xFF` byte (which valid
//! UTF-8 never holds). The body goes under a fixed header and is read leniently, so its valid
//! rows always make a valid catalog.
#![no_main]

use ecodes_catalog::{Mode, Resolver};
use libfuzzer_sys::fuzz_target;

const HEADER: &[u8] = b"code,subsystem,name,severity,message_en,aliases\n";

fuzz_target!(|bytes: &[u8]| {
    let (body, reference) = match bytes.iter().position(|&b| b == 0xFF) {
        Some(at) => (&bytes[..at], &bytes[at + 1..]),
        None => (bytes, &b""[..]),
    };
    let csv = [HEADER, body].concat();
    let catalog = ecodes_catalog::parse(&csv).catalog;
    let resolver = Resolver::new(&catalog);
    let reference = String::from_utf8_lossy(reference);

    let strict = resolver.resolve(&reference, Mode::Strict);
    let lenient = resolver.resolve(&reference, Mode::Lenient);
    match &strict {
        Ok(found) => {
            assert_eq!(found.len(), 1, "strict mode resolves to exactly one entry");
            let lenient = lenient.as_ref().unwrap_or_else(|err| {
                panic!("strict resolved `{reference}` but lenient failed: {err}")
            });
            assert_eq!(lenient, found, "`{reference}`: the modes disagree");
        }
        Err(unresolved) => {
            assert!(!unresolved.to_string().is_empty());
            let span = unresolved.span();
            assert!(span.start <= span.end && span.end <= reference.len());
            assert!(reference.is_char_boundary(span.start) && reference.is_char_boundary(span.end));
            for suggestion in unresolved.suggestions() {
                let path = format!(
                    "{}::{}",
                    catalog.subsystem_of(suggestion).name(),
                    suggestion.name()
                );
                let resolved = resolver.resolve_one(&path).map(|entry| entry.key());
                assert_eq!(resolved, Ok(suggestion.key()), "suggestion `{path}` for `{reference}`");
            }
        }
    }
    if let Err(unresolved) = &lenient {
        assert!(!unresolved.to_string().is_empty());
    }
});
