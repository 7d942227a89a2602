//! `#[derive(ErrorCode)]` and `ecode!` on product error types, next to `thiserror`.

use ecodes::{ecode, Cdp, Code, ErrorCode, Ha, Severity};

#[derive(Debug, thiserror::Error, ecodes::ErrorCode)]
enum MirrorError {
    #[error("checksum mismatch on {path}")]
    #[ecode(3530)]
    Checksum { path: String },
    #[error("copy failed")]
    #[ecode(Cdp::CopyFile)]
    Copy(#[source] std::io::Error),
    #[error("the rule is locked")]
    #[ecode(E3588)]
    Locked,
    #[error("role change refused")]
    #[ecode("Ha::SetRoleHaStopped")]
    Role,
}

#[derive(Debug, thiserror::Error, ecodes::ErrorCode)]
#[error("snapshot {0} could not be created")]
#[ecode(VmPlatform::CreateSnapshot)]
struct SnapshotError(String);

/// Generics, bounds and a where clause pass through.
#[allow(dead_code, reason = "the fields only give the type its shape")]
#[derive(Debug, thiserror::Error, ecodes::ErrorCode)]
enum Wrapped<'a, T: std::fmt::Debug, const N: usize>
where
    T: Clone,
{
    #[error("inner")]
    #[ecode(3555)]
    Inner(&'a T, [u8; N]),
    #[error("other")]
    #[ecode(Cdp::FileChecksum)]
    Other,
}

#[test]
fn each_variant_reports_its_code() {
    let err = MirrorError::Checksum {
        path: "/data/a".into(),
    };
    assert_eq!(err.code(), 3530);
    assert_eq!(err.name(), "FileChecksum");
    assert_eq!(err.subsystem_name(), "Cdp");
    assert_eq!(err.severity(), Some(Severity::Error));
    assert_eq!(err.message_in("en"), Some("File checksum error"));
    assert_eq!(err.to_string(), "checksum mismatch on /data/a");
    assert_eq!(Code::from(&err), Code::Cdp(Cdp::FileChecksum));

    let copy = MirrorError::Copy(std::io::Error::other("disk full"));
    assert_eq!(copy.code(), 3555);
    assert!(std::error::Error::source(&copy).is_some());
    assert_eq!(MirrorError::Locked.code(), 3588);
    assert_eq!(MirrorError::Role.code(), 4008);
    assert_eq!(MirrorError::Role.severity(), None);
    assert!(MirrorError::Locked.help().is_some());

    let snapshot = SnapshotError("nightly".into());
    assert_eq!(snapshot.code(), 6074);
    assert_eq!(
        Code::from(&snapshot).subsystem(),
        ecodes::Subsystem::VmPlatform
    );
}

#[test]
fn generic_types_derive_too() {
    let value = 7_u8;
    let inner: Wrapped<'_, u8, 2> = Wrapped::Inner(&value, [0; 2]);
    assert_eq!(inner.code(), 3555);
    assert_eq!(Wrapped::<u8, 0>::Other.code(), 3530);
}

#[test]
fn derived_types_work_as_dyn_error_code() {
    let errors: Vec<Box<dyn ErrorCode>> = vec![
        Box::new(MirrorError::Locked),
        Box::new(SnapshotError("s".into())),
        Box::new(Ha::SetRoleHaStopped),
    ];
    let codes: Vec<i64> = errors.iter().map(|err| err.code()).collect();
    assert_eq!(codes, [3588, 6074, 4008]);
}

#[test]
fn ecode_is_a_checked_const_and_pattern() {
    const CHECKSUM: Cdp = ecode!(3530);
    assert_eq!(CHECKSUM, Cdp::FileChecksum);
    assert_eq!(ecode!(E3530), Cdp::FileChecksum);
    assert_eq!(ecode!(Cdp::FileChecksum).code(), 3530);
    assert_eq!(ecode!("E4008"), Ha::SetRoleHaStopped);
    assert_eq!(ecode!(SetRoleHaStopped), Ha::SetRoleHaStopped);

    let describe = |code: Code| match code {
        Code::Cdp(ecode!(3530)) => "checksum",
        Code::Cdp(ecode!(E3555)) => "copy",
        _ => "other",
    };
    assert_eq!(describe(Code::Cdp(Cdp::FileChecksum)), "checksum");
    assert_eq!(describe(Code::Cdp(Cdp::CopyFile)), "copy");
    assert_eq!(describe(Code::Ha(Ha::SetRoleHaStopped)), "other");
}

/// Variants renamed after the catalog review keep their old names as aliases, so code written
/// against the old names still compiles and means the same codes.
#[derive(Debug, ecodes::ErrorCode)]
enum OldNames {
    #[ecode(Rule::ArgumentError)]
    Argument,
    #[ecode(CdpIncompleteState)]
    Incomplete,
    #[ecode(Cdp::ResolvePath)]
    Path,
    #[ecode(CdpDataCorrupted)]
    Corrupted,
    #[ecode(Ha::ForceSwitchRuleState)]
    ForcedSwitch,
}

#[test]
fn renamed_variants_answer_to_their_old_names() {
    use ecodes::Rule;
    let codes: Vec<(i64, &str)> = [
        OldNames::Argument,
        OldNames::Incomplete,
        OldNames::Path,
        OldNames::Corrupted,
        OldNames::ForcedSwitch,
    ]
    .iter()
    .map(|old| (old.code(), old.name()))
    .collect();
    assert_eq!(
        codes,
        [
            (1001, "InvalidArgument"),
            (3535, "CdpErrorOrIncomplete"),
            (3570, "ReadConfigOrResolvePath"),
            (3580, "CdpDatabaseOrSnapshotCorrupted"),
            (4104, "InvalidRuleStateOnForcedSwitch"),
        ]
    );
    // The old name is a constant of the enum, in expressions and patterns alike.
    assert_eq!(Rule::ArgumentError, Rule::InvalidArgument);
    assert_eq!(
        ecode!(Cdp::CdpDataCorrupted),
        Cdp::CdpDatabaseOrSnapshotCorrupted
    );
    assert!(matches!(
        Code::from_code(4104),
        Some(Code::Ha(Ha::ForceSwitchRuleState))
    ));
    assert!(matches!(Cdp::from_code(3570), Some(ecode!(ResolvePath))));
}
