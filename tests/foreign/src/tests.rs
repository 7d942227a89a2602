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
            let key = entry.key().try_into().unwrap_or_else(|_| {
                panic!("{}: {} does not fit the key type", $file, entry.written())
            });
            let code = generated::Code::from_code(key)
                .unwrap_or_else(|| panic!("{}: {} is not generated", $file, entry.written()));
            assert_eq!(code.code(), key);
            assert_eq!(generated::Code::try_from(key), Ok(code));
            // The code as written: its accessor, `Display`, `FromStr` and the trait.
            assert_eq!(code.written(), entry.written());
            assert_eq!(entry.written().parse::<generated::Code>(), Ok(code));
            assert!(code.to_string().starts_with(entry.written()), "{code}");
            assert_eq!(ecodes::ErrorCode::written(&code), entry.written());
            // The codes next to it are misses unless the catalog has them too.
            for near in [entry.key() - 1, entry.key() + 1] {
                let Ok(near_key) = near.try_into() else {
                    continue;
                };
                let expected = catalog.entries().iter().any(|other| other.key() == near);
                assert_eq!(
                    generated::Code::from_code(near_key).is_some(),
                    expected,
                    "{}: {near}",
                    $file
                );
            }
            assert_eq!(code.name(), entry.name(), "{}", entry.written());
            assert_eq!(
                code.subsystem().name(),
                catalog.subsystem_of(entry).name(),
                "{}",
                entry.written()
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
                    entry.written()
                );
                assert_eq!(code.help_in(lang), entry.help(index), "{}", entry.written());
            }
            assert_eq!(code.retired(), entry.retired(), "{}", entry.written());
            assert_eq!(
                code.url(),
                entry.note(ecodes_catalog::Column::Url),
                "{}",
                entry.written()
            );
            assert_eq!(code.is_documented(), entry.is_documented());
            // Every alias resolves, in the catalog library, to this very row.
            for alias in entry.aliases() {
                let path = format!("{}::{alias}", catalog.subsystem_of(entry).name());
                let found = catalog
                    .resolver()
                    .resolve_one(&path)
                    .map(|found| found.key());
                assert_eq!(found, Ok(entry.key()), "{path}");
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
fn every_row_of_every_notation_is_generated() {
    let ntstatus = every_row_matches!(ntstatus, "ntstatus.csv");
    every_row_matches!(hresult, "hresult.csv");
    every_row_matches!(libgit2, "libgit2.csv");
    every_row_matches!(zlib, "zlib.csv");
    let sqlstate = every_row_matches!(sqlstate, "sqlstate.csv");
    every_row_matches!(oracle, "oracle.csv");
    assert!(ntstatus.entries().len() > 1_000 && sqlstate.entries().len() > 200);
}

#[test]
fn each_catalog_gets_the_key_type_that_holds_its_keys() {
    let hex: u32 = ntstatus::Error::AccessViolation.code();
    assert_eq!(hex, 0xC000_0005);
    let negative: i32 = libgit2::Git::Enotfound.code();
    assert_eq!(negative, -3);
    assert_eq!(zlib::Zlib::from_code(-2), Some(zlib::Zlib::StreamError));
    let base36: u32 = sqlstate::IntegrityConstraintViolation::UniqueViolation.code();
    assert_eq!(Ok(base36), u32::from_str_radix("23505", 36));
    let prefixed: u32 = oracle::Ora::TableOrViewDoesNotExist.code();
    assert_eq!(prefixed, 942);
}

#[test]
fn codes_display_and_parse_as_their_vendor_writes_them() {
    assert_eq!(
        ntstatus::Error::AccessViolation.to_string(),
        "0xC0000005: The instruction at 0x%08lx referenced memory at 0x%08lx. The memory could not be %s."
    );
    assert_eq!(
        libgit2::Git::Enotfound.to_string(),
        "-3: Requested object could not be found"
    );
    assert_eq!(
        "22P02".parse::<sqlstate::Code>(),
        Ok(sqlstate::Code::DataException(
            sqlstate::DataException::InvalidTextRepresentation
        ))
    );
    assert_eq!(
        "22P02".parse::<sqlstate::DataException>(),
        Ok(sqlstate::DataException::InvalidTextRepresentation)
    );
    // Exactly as written, and only its own subsystem's.
    assert!("22p02".parse::<sqlstate::Code>().is_err());
    assert!("00000".parse::<sqlstate::DataException>().is_err());
    assert!("ORA-942".parse::<oracle::Code>().is_err());
    assert_eq!(oracle::Ora::TableOrViewDoesNotExist.written(), "ORA-00942");
    assert_eq!(
        ntstatus::Code::from_code(0xC000_0005).map(ntstatus::Code::written),
        Some("0xC0000005")
    );
    // A subsystem named `Error` compiles, with its `TryFrom` and `Error` impls.
    let error: Result<ntstatus::Error, ecodes::UnknownCode> = ntstatus::Error::try_from(1);
    assert_eq!(error.unwrap_err().code(), 1);
    let as_error: &dyn std::error::Error = &ntstatus::Error::AccessViolation;
    assert!(as_error.to_string().starts_with("0xC0000005"));
}

#[test]
fn the_derive_and_ecode_take_every_notation() {
    use ecodes::ErrorCode as _;
    assert_eq!(WindowsError::Access.written(), "0xC0000005");
    assert_eq!(WindowsError::Pending.code(), 0x103);
    assert_eq!(GitError::NotFound.code(), -3);
    assert_eq!(GitError::Exists.written(), "-4");
    assert_eq!(SqlError::Unique.written(), "23505");
    assert_eq!(SqlError::BadText.written(), "22P02");
    assert_eq!(NoTable.written(), "ORA-00942");
    assert_eq!(NoTable.code(), 942);
    assert!(is_access_violation(ntstatus::Error::AccessViolation));
    assert!(!is_access_violation(
        ntstatus::Error::from_code(0xC000_0017).unwrap()
    ));
    assert!(is_not_found(libgit2::Git::Enotfound));
    assert!(is_unique_violation(
        sqlstate::IntegrityConstraintViolation::UniqueViolation
    ));
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
        let mut codes: Vec<u32> = catalog
            .entries()
            .iter()
            .map(|entry| u32::try_from(entry.key()).unwrap())
            .collect();
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
        for (position, &value) in generated::Code::all().iter().enumerate() {
            assert_eq!(
                generated::Code::from_code(value.code()),
                Some(value),
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
    let codes: Vec<i64> = [
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
            .map(|found| found[0].key());
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
