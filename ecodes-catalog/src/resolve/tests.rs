use super::*;

const CSV: &str = "code,subsystem,name,severity,message_en,aliases\n\
    3519,Cdp,RuleRestarting,Info,Restarting,\n\
    3522,Cdp,NetworkConnection,Info,Network connection error,\n\
    3530,Cdp,FileChecksum,Error,File checksum error,\n\
    3531,Cdp,InvalidCdpDescriptor,Error,Bad descriptor,\n\
    3533,Cdp,ReadCdpDescriptor,Error,Cannot read descriptor,\n\
    3812,Nas,NetworkConnection,,Network connection error,\n\
    5,Win,AccessDenied,Error,Access is denied,\n\
    65,Win,NetworkAccessDenied,Error,Network access is denied,\n\
    11,Errno,Eagain,Error,Resource temporarily unavailable,EAGAIN EWOULDBLOCK\n\
    7,Errno,E2big,Error,Argument list too long,E2BIG\n\
    1062,Server,DupEntry,Error,Duplicate entry,\n\
    2147942405,Hresult,EAccessDenied,Error,General access denied error,\n";

fn catalog() -> Catalog {
    Catalog::from_csv(CSV.as_bytes()).unwrap_or_else(|problems| panic!("{problems:?}"))
}

fn paths(found: &[&Entry], catalog: &Catalog) -> Vec<String> {
    found
        .iter()
        .map(|entry| format!("{}::{}", catalog.subsystem_of(entry).name(), entry.name()))
        .collect()
}

fn resolve(catalog: &Catalog, text: &str, mode: Mode) -> Result<Vec<String>, String> {
    catalog
        .resolver()
        .resolve(text, mode)
        .map(|found| paths(&found, catalog))
        .map_err(|unresolved| unresolved.to_string())
}

#[test]
fn every_form_resolves_in_both_modes() {
    let catalog = catalog();
    for mode in [Mode::Strict, Mode::Lenient] {
        for text in [
            "3530",
            "03530",
            " 3530 ",
            "E3530",
            "e3530",
            "0xDCA",
            "0xdca",
            "3_530",
            "FileChecksum",
            "Cdp::FileChecksum",
        ] {
            assert_eq!(
                resolve(&catalog, text, mode),
                Ok(vec!["Cdp::FileChecksum".to_owned()]),
                "{text} in {mode:?}"
            );
        }
        for alias in ["EAGAIN", "EWOULDBLOCK", "Errno::EWOULDBLOCK"] {
            assert_eq!(
                resolve(&catalog, alias, mode),
                Ok(vec!["Errno::Eagain".to_owned()]),
                "{alias}"
            );
        }
        // HRESULT-style: the hex form of a code above i32::MAX.
        assert_eq!(
            resolve(&catalog, "0x80070005", mode),
            Ok(vec!["Hresult::EAccessDenied".to_owned()])
        );
        // An alias shaped like a name is a name, not `E` and a code.
        assert_eq!(
            resolve(&catalog, "E2BIG", mode),
            Ok(vec!["Errno::E2big".to_owned()])
        );
    }
}

#[test]
fn strict_mode_is_exact() {
    let catalog = catalog();
    for text in [
        "filechecksum",
        "file_checksum",
        "cdp::FileChecksum",
        "ER_DUP_ENTRY",
    ] {
        assert!(resolve(&catalog, text, Mode::Strict).is_err(), "{text}");
    }
    assert_eq!(
        resolve(&catalog, "NetworkConnection", Mode::Strict),
        Err(
            "`NetworkConnection` names a code in several subsystems: 3522 \
             (`Cdp::NetworkConnection`), 3812 (`Nas::NetworkConnection`); write it with its \
             subsystem"
                .to_owned()
        )
    );
    assert_eq!(
        resolve(&catalog, "Nas::NetworkConnection", Mode::Strict),
        Ok(vec!["Nas::NetworkConnection".to_owned()])
    );
}

#[test]
fn lenient_mode_ignores_case_separators_and_c_prefixes() {
    let catalog = catalog();
    for text in [
        "dup_entry",
        "DUPENTRY",
        "dup-entry",
        "dup entry",
        "ER_DUP_ENTRY",
        "server::dup_entry",
        "ecodes::Server::DupEntry",
    ] {
        assert_eq!(
            resolve(&catalog, text, Mode::Lenient),
            Ok(vec!["Server::DupEntry".to_owned()]),
            "{text}"
        );
    }
    assert_eq!(
        resolve(&catalog, "ERROR_ACCESS_DENIED", Mode::Lenient),
        Ok(vec!["Win::AccessDenied".to_owned()])
    );
    assert_eq!(
        resolve(&catalog, "networkconnection", Mode::Lenient),
        Ok(vec![
            "Cdp::NetworkConnection".to_owned(),
            "Nas::NetworkConnection".to_owned()
        ])
    );
    // A prefix is dropped only while it is no longer than what is kept.
    assert!(resolve(&catalog, "ER_X_ENTRY", Mode::Lenient).is_err());
}

#[test]
fn strict_failures_suggest_what_lenient_mode_finds() {
    let catalog = catalog();
    assert_eq!(
        resolve(&catalog, "ERROR_ACCESS_DENIED", Mode::Strict),
        Err(
            "no error code named `ERROR_ACCESS_DENIED` in the catalog; did you mean 5 \
             (`Win::AccessDenied`)?"
                .to_owned()
        )
    );
    assert_eq!(
        resolve(&catalog, "file_checksum", Mode::Strict),
        Err(
            "no error code named `file_checksum` in the catalog; did you mean 3530 \
             (`Cdp::FileChecksum`)?"
                .to_owned()
        )
    );
}

#[test]
fn typos_get_word_based_suggestions() {
    let catalog = catalog();
    for (typo, meant) in [
        ("FileChecksun", "3530 (`Cdp::FileChecksum`)"),
        ("Cdp::FileChecksm", "3530 (`Cdp::FileChecksum`)"),
        ("EWOULDBLOK", "11 (`Errno::Eagain`)"),
        ("AccessDenid", "5 (`Win::AccessDenied`)"),
    ] {
        let message = resolve(&catalog, typo, Mode::Lenient).unwrap_err();
        assert!(
            message.contains(&format!("; did you mean {meant}")),
            "{message}"
        );
        assert_eq!(resolve(&catalog, typo, Mode::Strict), Err(message));
    }
    assert_eq!(
        resolve(&catalog, "Totally", Mode::Strict),
        Err("no error code named `Totally` in the catalog".to_owned())
    );
}

#[test]
fn a_name_in_the_wrong_subsystem_points_to_the_right_one() {
    let catalog = catalog();
    assert_eq!(
        resolve(&catalog, "Nas::FileChecksum", Mode::Strict),
        Err(
            "no error code named `Nas::FileChecksum` in the catalog: that name is in \
             subsystem `Cdp`; did you mean 3530 (`Cdp::FileChecksum`)?"
                .to_owned()
        )
    );
}

#[test]
fn an_unknown_subsystem_lists_the_subsystems_and_points_at_itself() {
    let catalog = catalog();
    let input = "Cpd::FileChecksum";
    let unresolved = catalog.resolver().resolve(input, Mode::Strict).unwrap_err();
    assert_eq!(
        unresolved.to_string(),
        "no subsystem `Cpd` in the catalog (it has Cdp, Nas, Win, Errno, Server, Hresult); did \
         you mean `Cdp`?"
    );
    assert_eq!(&input[unresolved.span()], "Cpd");
    let unresolved = catalog
        .resolver()
        .resolve("Zzz::FileChecksum", Mode::Lenient)
        .unwrap_err();
    assert!(
        !unresolved.to_string().contains("did you mean"),
        "{unresolved}"
    );
}

#[test]
fn a_subsystem_is_not_a_code() {
    let catalog = catalog();
    assert_eq!(
        resolve(&catalog, "Cdp", Mode::Strict),
        Err(
            "`Cdp` is a subsystem, not a code; name one of its codes, such as \
             `Cdp::RuleRestarting`"
                .to_owned()
        )
    );
}

#[test]
fn unknown_codes_name_their_range_and_neighbours() {
    let catalog = catalog();
    assert_eq!(
        resolve(&catalog, "3532", Mode::Strict),
        Err(
            "unknown error code 3532: the catalog has no such code, though it falls in the \
             range of subsystem `Cdp` (3519-3612); did you mean 3531 \
             (`Cdp::InvalidCdpDescriptor`), 3533 (`Cdp::ReadCdpDescriptor`) or 3530 \
             (`Cdp::FileChecksum`)?"
                .replace("3612", "3533")
        )
    );
    let far = resolve(&catalog, "E9999999", Mode::Lenient).unwrap_err();
    assert!(
        far.starts_with("unknown error code E9999999: the catalog has no such code; did you mean"),
        "{far}"
    );
}

#[test]
fn malformed_references_say_what_is_wrong_with_examples_from_the_catalog() {
    let catalog = catalog();
    let forms = "a code such as `3519`, `E3519` or `0xDBF`, a name such as `RuleRestarting`, an \
                 alias such as `EAGAIN`, or `Cdp::RuleRestarting`";
    for (text, message) in [
        ("", format!("expected an error code: {forms}")),
        (
            "foo(bar)",
            format!("`foo(bar)` is not an error code reference; expected {forms}"),
        ),
        (
            "3530u16",
            "write the code without a type suffix: `3530`".to_owned(),
        ),
        (
            "99999999999999999999",
            "`99999999999999999999` is too large for an error code; a code fits in 64 bits, from \
             -9223372036854775808 to 18446744073709551615"
                .to_owned(),
        ),
        (
            "a::Cdp::FileChecksum",
            "`a::Cdp::FileChecksum` is not an error code reference: write `Name` or \
             `Subsystem::Name`, without a module path"
                .to_owned(),
        ),
    ] {
        assert_eq!(
            resolve(&catalog, text, Mode::Strict),
            Err(message),
            "{text}"
        );
    }
    let empty = Catalog::from_csv(b"code,subsystem,name,severity,message_en\n").unwrap();
    assert_eq!(
        resolve(&empty, "x(", Mode::Strict),
        Err(
            "`x(` is not an error code reference; expected a code such as `1`, `E1` or `0x1`, \
             a name, or `Subsystem::Name`"
                .to_owned()
        )
    );
}

#[test]
fn every_suggestion_resolves_strictly() {
    let catalog = catalog();
    let resolver = catalog.resolver();
    for text in [
        "FileChecksun",
        "ER_DUP_ENTRY",
        "3532",
        "Nas::FileChecksum",
        "NetworkConnection",
    ] {
        let unresolved = resolver.resolve(text, Mode::Strict).unwrap_err();
        assert!(!unresolved.suggestions().is_empty(), "{text}");
        for entry in unresolved.suggestions() {
            let path = format!("{}::{}", catalog.subsystem_of(entry).name(), entry.name());
            assert_eq!(resolver.resolve_one(&path).map(Entry::key), Ok(entry.key()));
        }
    }
}

#[test]
fn a_resolver_resolves_against_the_catalog_it_was_made_from() {
    let catalog = catalog();
    assert_eq!(catalog.resolver().catalog(), &catalog);
}

#[test]
fn a_c_prefix_is_dropped_while_it_is_no_longer_than_the_name() {
    let catalog = catalog();
    for (text, path) in [
        // One word of prefix before a one-word name.
        ("ERROR_ACCESSDENIED", "Win::AccessDenied"),
        // Dropping one word is not enough; dropping two is.
        ("MY_OWN_FILE_CHECKSUM", "Cdp::FileChecksum"),
        // Three words of prefix before a three-word name.
        (
            "XX_YY_ZZ_INVALID_CDP_DESCRIPTOR",
            "Cdp::InvalidCdpDescriptor",
        ),
    ] {
        assert_eq!(
            resolve(&catalog, text, Mode::Lenient),
            Ok(vec![path.to_owned()]),
            "{text}"
        );
    }
    // Three words of prefix before a two-word name: too long to drop.
    assert!(resolve(&catalog, "A_B_C_DUP_ENTRY", Mode::Lenient).is_err());
}

#[test]
fn keywords_and_underscored_names_are_unknown_names_not_malformed() {
    let catalog = catalog();
    for text in ["Self", "_private", "Cdp::Self"] {
        assert_eq!(
            resolve(&catalog, text, Mode::Strict),
            Err(format!("no error code named `{text}` in the catalog")),
            "{text}"
        );
    }
}

#[test]
fn a_far_unknown_code_suggests_the_two_nearest_by_value() {
    let catalog = catalog();
    assert_eq!(
        resolve(&catalog, "9999999", Mode::Strict),
        Err(
            "unknown error code 9999999: the catalog has no such code; did you mean 3812 \
             (`Nas::NetworkConnection`) or 3533 (`Cdp::ReadCdpDescriptor`)?"
                .to_owned()
        )
    );
}

#[test]
fn the_span_of_a_malformed_reference_leaves_out_the_surrounding_whitespace() {
    let catalog = catalog();
    for input in ["  foo(bar) ", "foo(bar)", "\tfoo(bar)"] {
        let unresolved = catalog.resolver().resolve(input, Mode::Strict).unwrap_err();
        assert_eq!(&input[unresolved.span()], "foo(bar)", "{input:?}");
    }
}

#[test]
fn an_unknown_subsystem_lists_at_most_twelve_subsystems() {
    use std::fmt::Write as _;

    let mut csv = "code,subsystem,name,severity,message_en\n".to_owned();
    for n in 1..=14 {
        let _ = writeln!(csv, "{n},S{n},Code{n},,Text");
    }
    let catalog = Catalog::from_csv(csv.as_bytes()).unwrap();
    assert_eq!(
        resolve(&catalog, "Zzz::Code1", Mode::Strict),
        Err(
            "no subsystem `Zzz` in the catalog (it has S1, S2, S3, S4, S5, S6, S7, S8, S9, S10, \
             S11, S12 and 2 more)"
                .to_owned()
        )
    );
}

/// One subsystem per notation: hex, negative decimal, prefixed, alphanumeric.
const NOTATIONS: &str = "code,subsystem,name,severity,message_en,aliases\n\
    0xC0000005,Error,AccessViolation,Error,Access violation,STATUS_ACCESS_VIOLATION\n\
    0x80070005,Error,EAccessDenied,Error,Access denied,\n\
    -13,Uv,Eacces,,Permission denied,UV_EACCES\n\
    -4058,Uv,Enoent,,No such file or directory,UV_ENOENT\n\
    ORA-00942,Ora,TableNotFound,,table or view does not exist,\n\
    22P02,DataException,InvalidTextRepresentation,,invalid text representation,\n\
    22012,DataException,DivisionByZero,,division by zero,\n";

fn notations() -> Catalog {
    Catalog::from_csv(NOTATIONS.as_bytes()).unwrap_or_else(|problems| panic!("{problems:?}"))
}

#[test]
fn strict_mode_takes_each_code_as_the_catalog_writes_it() {
    let catalog = notations();
    for (text, path) in [
        ("0xC0000005", "Error::AccessViolation"),
        ("-13", "Uv::Eacces"),
        ("ORA-00942", "Ora::TableNotFound"),
        ("22P02", "DataException::InvalidTextRepresentation"),
        ("22012", "DataException::DivisionByZero"),
        ("STATUS_ACCESS_VIOLATION", "Error::AccessViolation"),
    ] {
        assert_eq!(
            resolve(&catalog, text, Mode::Strict),
            Ok(vec![path.to_owned()]),
            "{text}"
        );
    }
}

#[test]
fn strict_mode_says_how_the_catalog_writes_a_code_given_otherwise() {
    let catalog = notations();
    for (text, written, path) in [
        ("3221225477", "0xC0000005", "Error::AccessViolation"),
        ("0xc0000005", "0xC0000005", "Error::AccessViolation"),
        ("ORA-942", "ORA-00942", "Ora::TableNotFound"),
        ("942", "ORA-00942", "Ora::TableNotFound"),
    ] {
        let message = resolve(&catalog, text, Mode::Strict).unwrap_err();
        assert_eq!(
            message,
            format!("`{text}` is code {written} (`{path}`), which the catalog writes as `{written}`; write it so"),
        );
    }
    assert_eq!(
        resolve(&catalog, "22p02", Mode::Strict),
        Err(
            "`22p02` is code 22P02 (`DataException::InvalidTextRepresentation`), which the \
             catalog writes as `22P02`; write it so"
                .to_owned()
        )
    );
}

#[test]
fn lenient_mode_takes_every_notation_an_operator_copies_from_a_log() {
    let catalog = notations();
    for (text, path) in [
        ("0xc0000005", "Error::AccessViolation"),
        ("3221225477", "Error::AccessViolation"),
        ("-1073741819", "Error::AccessViolation"),
        ("0x00000000c0000005", "Error::AccessViolation"),
        ("-2147024891", "Error::EAccessDenied"),
        ("ora-942", "Ora::TableNotFound"),
        ("ORA-00942", "Ora::TableNotFound"),
        ("942", "Ora::TableNotFound"),
        ("22p02", "DataException::InvalidTextRepresentation"),
        ("-4058", "Uv::Enoent"),
    ] {
        assert_eq!(
            resolve(&catalog, text, Mode::Lenient),
            Ok(vec![path.to_owned()]),
            "{text}"
        );
    }
    // A number is no SQLSTATE's key: `22012` names it only as written.
    assert!(resolve(&catalog, "3452582", Mode::Lenient).is_err());
}

#[test]
fn an_unknown_code_of_any_notation_is_named_as_written_with_its_neighbours() {
    let catalog = notations();
    let message = resolve(&catalog, "22P01", Mode::Strict).unwrap_err();
    assert_eq!(
        message,
        "unknown error code 22P01: the catalog has no such code, though it falls in the range of \
         subsystem `DataException` (22012-22P02); did you mean 22P02 \
         (`DataException::InvalidTextRepresentation`) or 22012 (`DataException::DivisionByZero`)?"
    );
    let message = resolve(&catalog, "0xC0000004", Mode::Lenient).unwrap_err();
    assert!(
        message.starts_with("unknown error code 0xC0000004: the catalog has no such code, though it falls in the range of subsystem `Error` (0x80070005-0xC0000005); did you mean 0xC0000005"),
        "{message}"
    );
}
