use std::path::Path;

use ecodes::ErrorCode as _;
use ecodes_catalog::{Catalog, Mode};

use super::*;

fn read(file: &str) -> Catalog {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
    ecodes_catalog::read_file(&path)
        .into_result()
        .unwrap_or_else(|problems| panic!("{file}: {problems:?}"))
}

/// Checks every row of a catalog file against the generated items: lookup, name, subsystem,
/// severity, texts in every language, retirement and aliases.
macro_rules! every_row_matches {
    ($module:path, $file:literal) => {{
        use $module as generated;
        let catalog = read($file);
        assert_eq!(generated::Code::all().len(), catalog.entries().len(), $file);
        assert_eq!(generated::Code::LANGUAGES, catalog.languages(), $file);
        for entry in catalog.entries() {
            let code = generated::Code::from_code(entry.code())
                .unwrap_or_else(|| panic!("{}: {} is not generated", $file, entry.code()));
            assert_eq!(code.code(), entry.code());
            assert_eq!(generated::Code::try_from(entry.code()), Ok(code));
            // The codes next to it are misses unless the catalog has them too.
            for near in [entry.code().checked_sub(1), entry.code().checked_add(1)]
                .into_iter()
                .flatten()
            {
                let expected = catalog.entries().iter().any(|other| other.code() == near);
                assert_eq!(
                    generated::Code::from_code(near).is_some(),
                    expected,
                    "{}: {near}",
                    $file
                );
            }
            assert_eq!(code.name(), entry.name(), "{}", entry.code());
            assert_eq!(
                code.subsystem().name(),
                catalog.subsystem_of(entry).name(),
                "{}",
                entry.code()
            );
            assert_eq!(
                code.severity().map(|severity| severity.as_str()),
                entry.severity().map(|severity| severity.as_str())
            );
            for (index, lang) in catalog.languages().iter().enumerate() {
                assert_eq!(
                    code.message_in(lang),
                    entry.message(index),
                    "{}",
                    entry.code()
                );
                assert_eq!(code.help_in(lang), entry.help(index), "{}", entry.code());
            }
            assert_eq!(code.retired(), entry.retired(), "{}", entry.code());
            assert_eq!(code.is_documented(), entry.is_documented());
            // Every alias resolves, in the catalog library, to this very row.
            for alias in entry.aliases() {
                let path = format!("{}::{alias}", catalog.subsystem_of(entry).name());
                let found = catalog
                    .resolver()
                    .resolve_one(&path)
                    .map(|found| found.code());
                assert_eq!(found, Ok(entry.code()), "{path}");
            }
        }
        catalog
    }};
}

#[test]
fn every_row_of_every_catalog_is_generated() {
    let errno = every_row_matches!(errno, "errno.csv");
    every_row_matches!(http, "http.csv");
    let mariadb = every_row_matches!(mariadb, "mariadb.csv");
    every_row_matches!(grpc, "grpc.csv");
    assert!(errno.entries().len() > 100 && mariadb.entries().len() > 1_000);
}

#[test]
fn every_row_of_every_layout_is_generated() {
    every_row_matches!(layouts::grouped, "layouts/grouped.csv");
    every_row_matches!(layouts::far_groups, "layouts/far_groups.csv");
    every_row_matches!(layouts::indexed_runs, "layouts/indexed_runs.csv");
    every_row_matches!(layouts::interleaved_dense, "layouts/interleaved_dense.csv");
    every_row_matches!(
        layouts::interleaved_sparse,
        "layouts/interleaved_sparse.csv"
    );
}

/// A subsystem type's `from_code` finds its own codes and no other subsystem's, on every
/// layout, and agrees with `Code`.
macro_rules! subsystem_types_match {
    ($module:path, $file:literal) => {{
        use $module as generated;
        let catalog = read($file);
        let mut codes: Vec<u32> = catalog.entries().iter().map(|entry| entry.code()).collect();
        codes.extend(
            codes
                .clone()
                .iter()
                .flat_map(|&code| [code.wrapping_sub(1), code.wrapping_add(1)]),
        );
        codes.extend([0, u32::MAX]);
        for code in codes {
            let whole = generated::Code::from_code(code);
            let alpha = generated::Alpha::from_code(code);
            let beta = generated::Beta::from_code(code);
            assert_eq!(
                whole.filter(|c| c.subsystem() == generated::Subsystem::Alpha),
                alpha.map(generated::Code::from),
                "{}: {code}",
                $file
            );
            assert_eq!(
                whole.filter(|c| c.subsystem() == generated::Subsystem::Beta),
                beta.map(generated::Code::from),
                "{}: {code}",
                $file
            );
            if let Some(alpha) = alpha {
                assert_eq!(
                    (alpha.code(), alpha.name(), alpha.message(), alpha.help()),
                    (
                        code,
                        whole.unwrap().name(),
                        whole.unwrap().message(),
                        whole.unwrap().help()
                    )
                );
                assert_eq!(alpha.severity(), whole.unwrap().severity());
            }
            if let Some(beta) = beta {
                assert_eq!(
                    (
                        beta.code(),
                        beta.name(),
                        beta.message_in("en"),
                        beta.help_in("en")
                    ),
                    (
                        code,
                        whole.unwrap().name(),
                        whole.unwrap().message_in("en"),
                        whole.unwrap().help_in("en")
                    )
                );
            }
        }
        for (position, value) in generated::Code::all().iter().enumerate() {
            assert_eq!(
                generated::Code::from_code(value.code()),
                Some(*value),
                "{}: entry {position}",
                $file
            );
        }
    }};
}

#[test]
fn subsystem_types_find_their_own_codes_on_every_layout() {
    subsystem_types_match!(layouts::grouped, "layouts/grouped.csv");
    subsystem_types_match!(layouts::far_groups, "layouts/far_groups.csv");
    subsystem_types_match!(layouts::indexed_runs, "layouts/indexed_runs.csv");
    subsystem_types_match!(layouts::interleaved_dense, "layouts/interleaved_dense.csv");
    subsystem_types_match!(
        layouts::interleaved_sparse,
        "layouts/interleaved_sparse.csv"
    );
    assert_eq!(
        layouts::grouped::Gamma::from_code(9003).map(layouts::grouped::Gamma::name),
        Some("Code9003")
    );
    assert_eq!(layouts::grouped::Gamma::from_code(9002), None);
}

#[test]
fn aliases_are_constants_of_their_subsystem() {
    assert_eq!(errno::Errno::EAGAIN, errno::Errno::EWOULDBLOCK);
    assert_eq!(errno::Errno::EDEADLOCK.code(), 35);
    assert_eq!(mariadb::Server::ER_DUP_ENTRY, mariadb::Server::DupEntry);
    assert_eq!(http::ClientError::REQUEST_ENTITY_TOO_LARGE.code(), 413);
    assert_eq!(grpc::Grpc::OK.code(), 0);
    assert!(retries(http::Code::ServerError(
        http::ServerError::SERVICE_UNAVAILABLE
    )));
    assert!(retries(http::Code::from_code(429).unwrap()));
    assert!(!retries(http::Code::from_code(404).unwrap()));
}

#[test]
fn the_derive_reads_every_reference_form() {
    let codes: Vec<u32> = [
        IoError::WouldBlock,
        IoError::Denied,
        IoError::NotFound,
        IoError::TimedOut,
        IoError::Deadlock,
    ]
    .iter()
    .map(ecodes::ErrorCode::code)
    .collect();
    assert_eq!(codes, [11, 13, 2, 110, 35]);
    assert_eq!(IoError::WouldBlock.name(), "ResourceTemporarilyUnavailable");
    assert_eq!(DbError::Duplicate.code(), 1062);
    assert_eq!(DbError::NoSuchTable.subsystem_name(), "Server");
    assert_eq!(DbError::Connect.code(), 2002);
    assert_eq!(
        DbError::Duplicate.message_in("en"),
        Some("Duplicate entry '%-.192T' for key %d")
    );
    assert_eq!(Unavailable.code(), 14);
    assert_eq!(
        mariadb::Code::from(&DbError::Duplicate),
        mariadb::Code::Server(mariadb::Server::DupEntry)
    );
}

#[test]
fn lenient_resolution_finds_c_symbols_and_loose_spellings() {
    let mariadb = read("mariadb.csv");
    let resolver = mariadb.resolver();
    for text in [
        "dup_entry",
        "DUPENTRY",
        "er_dup_entry",
        "0x426",
        "E1062",
        "01062",
    ] {
        let found = resolver
            .resolve(text, Mode::Lenient)
            .map(|found| found[0].code());
        assert_eq!(found, Ok(1062), "{text}");
    }
    let errno = read("errno.csv");
    let typo = errno
        .resolver()
        .resolve("EWOULDBLOK", Mode::Strict)
        .unwrap_err()
        .to_string();
    assert!(
        typo.ends_with("did you mean 11 (`Errno::ResourceTemporarilyUnavailable`)?"),
        "{typo}"
    );
}
