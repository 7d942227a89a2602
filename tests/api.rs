//! Every item `include_codes!` generates, exercised on the product catalog compiled into ecodes.

use std::collections::HashSet;

use ecodes::{Cdp, Code, ErrorCode, Ha, Severity, Subsystem, UnknownCode, VmPlatform};

#[test]
fn subsystem_enums_map_codes_both_ways() {
    assert_eq!(Cdp::FileChecksum.code(), 3530);
    assert_eq!(Cdp::FileChecksum as u32, 3530);
    assert_eq!(u32::from(Cdp::FileChecksum), 3530);
    assert_eq!(Cdp::from_code(3530), Some(Cdp::FileChecksum));
    assert_eq!(Cdp::try_from(3530), Ok(Cdp::FileChecksum));
    // A code of another subsystem, a gap inside the range, and a code past the end.
    assert_eq!(Cdp::from_code(4008), None);
    assert_eq!(Cdp::from_code(3532), None);
    assert_eq!(Cdp::try_from(99_999), Err(UnknownCode::new(99_999)));
    assert_eq!(Cdp::try_from(3532).unwrap_err().code(), 3532);
    assert_eq!(Ha::from_code(4008).map(Ha::name), Some("SetRoleHaStopped"));
}

#[test]
fn all_lists_every_code_once_in_order_and_round_trips() {
    for subsystem in Subsystem::ALL {
        let codes: Vec<i64> = subsystem.codes().iter().map(ErrorCode::code).collect();
        assert!(
            codes.windows(2).all(|pair| pair[0] < pair[1]),
            "{subsystem} ascending"
        );
    }
    assert_eq!(Cdp::ALL, Cdp::all());
    assert_eq!(Cdp::ALL.len(), 91);
    for &variant in Cdp::ALL {
        assert_eq!(Cdp::from_code(variant.code()), Some(variant));
        assert_eq!(variant.subsystem(), Subsystem::Cdp);
    }
    assert_eq!(Code::ALL.len(), 240);
    let unique: HashSet<Code> = Code::ALL.iter().copied().collect();
    assert_eq!(unique.len(), 240);
    for &code in Code::ALL {
        assert_eq!(Code::from_code(code.code()), Some(code));
        assert!(code.subsystem().codes().contains(&code));
    }
    let total: usize = Subsystem::ALL.iter().map(|s| s.codes().len()).sum();
    assert_eq!(total, Code::ALL.len());
}

#[test]
fn accessors_read_the_catalog() {
    let code = Code::Cdp(Cdp::FileChecksum);
    assert_eq!(code.name(), "FileChecksum");
    assert_eq!(code.severity(), Some(Severity::Error));
    assert_eq!(code.message(), "文件Checksum错误");
    assert_eq!(code.help(), Some("文件不同步，尝试重新镜像"));
    assert_eq!(code.message_in("zh"), Some("文件Checksum错误"));
    assert_eq!(code.message_in("en"), Some("File checksum error"));
    assert!(code
        .help_in("en")
        .is_some_and(|help| help.contains("mirror")));
    assert_eq!(code.message_in("fr"), None);
    assert!(code.is_documented());
    assert_eq!(Code::LANGUAGES, ["zh", "en"]);

    // A blank severity stays blank.
    assert_eq!(Ha::SetRoleHaStopped.severity(), None);
    assert_eq!(Ha::SetRoleHaStopped.help(), None);

    // An undocumented row still resolves, with no text.
    let blank = Cdp::Undocumented3521;
    assert!(!blank.is_documented());
    assert_eq!(blank.message(), "");
    assert_eq!(blank.message_in("en"), None);
    assert_eq!(blank.to_string(), "3521");
}

#[test]
fn accessors_work_in_const_context() {
    const CODE: u32 = Cdp::FileChecksum.code();
    const LEVEL: Option<Severity> = Cdp::FileChecksum.severity();
    const NAME: &str = VmPlatform::CreateSnapshot.name();
    const FOUND: Option<Code> = Code::from_code(3530);
    const SUBSYSTEM: Subsystem = Cdp::FileChecksum.subsystem();
    assert_eq!(CODE, 3530);
    assert_eq!(LEVEL, Some(Severity::Error));
    assert_eq!(NAME, "CreateSnapshot");
    assert_eq!(FOUND, Some(Code::Cdp(Cdp::FileChecksum)));
    assert_eq!(SUBSYSTEM.name(), "Cdp");
}

#[test]
fn display_debug_and_ordering() {
    assert_eq!(Cdp::FileChecksum.to_string(), "3530: 文件Checksum错误");
    assert_eq!(
        Code::from(Cdp::FileChecksum).to_string(),
        "3530: 文件Checksum错误"
    );
    assert_eq!(format!("{:?}", Cdp::FileChecksum), "FileChecksum");
    assert_eq!(
        format!("{:?}", Code::Cdp(Cdp::FileChecksum)),
        "Cdp(FileChecksum)"
    );
    assert_eq!(Subsystem::VmPlatform.to_string(), "VmPlatform");
    assert!(Cdp::RuleRestarting < Cdp::FileChecksum);
    // Code orders by number across subsystems.
    let mut codes = [
        Code::from(Ha::SetRoleHaStopped),
        Code::from(Cdp::FileChecksum),
    ];
    codes.sort();
    assert_eq!(codes[0], Code::Cdp(Cdp::FileChecksum));
}

#[test]
fn generated_types_are_errors_and_error_codes() {
    fn describe(err: &dyn ErrorCode) -> String {
        format!("{}/{}/{}", err.subsystem_name(), err.name(), err.code())
    }
    assert_eq!(describe(&Cdp::FileChecksum), "Cdp/FileChecksum/3530");
    assert_eq!(
        describe(&Code::Cdp(Cdp::FileChecksum)),
        "Cdp/FileChecksum/3530"
    );

    let err: Box<dyn std::error::Error> = Box::new(Cdp::FileChecksum);
    assert_eq!(err.to_string(), "3530: 文件Checksum错误");
    let unknown: Box<dyn std::error::Error> = Box::new(UnknownCode::new(1));
    assert_eq!(unknown.to_string(), "unknown error code 1");
}

#[test]
fn runtime_and_catalog_library_share_one_severity_type() {
    // Generated code names `::ecodes::Severity` while the generator reads
    // `ecodes_catalog::Severity`; one type means the two cannot drift apart.
    fn from_catalog(level: ecodes_catalog::Severity) -> Severity {
        level
    }
    for level in ecodes_catalog::Severity::ALL {
        assert_eq!(from_catalog(level).as_str().parse::<Severity>(), Ok(level));
    }
}
