//! The `serde` and `miette` features, on generated and derived types.

use ecodes::{Cdp, Code, Ha, Subsystem};
use miette::Diagnostic;

#[derive(Debug, thiserror::Error, ecodes::ErrorCode)]
#[ecode(diagnostic)]
enum MirrorError {
    #[error("checksum mismatch on {path}")]
    #[ecode(3530)]
    Checksum { path: String },
    #[error("the rule is locked")]
    #[ecode(Cdp::TaskLocked)]
    Locked,
}

#[derive(Debug, thiserror::Error, ecodes::ErrorCode)]
#[error("role change refused")]
#[ecode(Ha::SetRoleHaStopped, diagnostic)]
struct RoleError;

/// Without `diagnostic`, a derived type need not be an `Error`, even with the feature on.
#[derive(Debug, ecodes::ErrorCode)]
#[ecode(3530)]
struct NotAnError;

#[derive(serde::Serialize, serde::Deserialize, Debug, PartialEq)]
struct Event {
    code: Code,
    cdp: Cdp,
}

#[test]
fn generated_types_round_trip_as_numbers() {
    let event = Event {
        code: Code::Ha(Ha::SetRoleHaStopped),
        cdp: Cdp::FileChecksum,
    };
    let json = serde_json::to_string(&event).unwrap();
    assert_eq!(json, r#"{"code":4008,"cdp":3530}"#);
    assert_eq!(serde_json::from_str::<Event>(&json).unwrap(), event);
}

#[test]
fn deserializing_an_unknown_code_names_it() {
    let err = serde_json::from_str::<Code>("9999").unwrap_err();
    assert_eq!(err.to_string(), "unknown error code 9999");
    // A code of another subsystem is unknown to that subsystem's enum.
    let err = serde_json::from_str::<Cdp>("4008").unwrap_err();
    assert_eq!(err.to_string(), "unknown error code 4008");
    assert!(serde_json::from_str::<Code>("\"E3530\"").is_err());
}

#[test]
fn derived_types_serialize_as_their_code() {
    let err = MirrorError::Checksum {
        path: "/data".into(),
    };
    assert_eq!(serde_json::to_string(&err).unwrap(), "3530");
    assert_eq!(serde_json::to_string(&RoleError).unwrap(), "4008");
}

#[test]
fn diagnostics_carry_code_severity_and_help() {
    let err = MirrorError::Checksum {
        path: "/data".into(),
    };
    assert_eq!(err.code().unwrap().to_string(), "E3530");
    assert_eq!(err.severity(), Some(miette::Severity::Error));
    assert_eq!(err.help().unwrap().to_string(), "文件不同步，尝试重新镜像");
    // Info maps to advice; a blank severity to none.
    assert_eq!(
        MirrorError::Locked.severity(),
        Some(miette::Severity::Advice)
    );
    assert_eq!(RoleError.severity(), None);
    assert!(RoleError.help().is_none());
    assert_eq!(
        Diagnostic::code(&Cdp::FileChecksum).unwrap().to_string(),
        "E3530"
    );
    assert_eq!(Subsystem::Cdp.name(), "Cdp");
}

#[test]
fn miette_renders_the_catalog_text() {
    let report = miette::Report::new(MirrorError::Checksum {
        path: "/data".into(),
    });
    let mut rendered = String::new();
    miette::GraphicalReportHandler::new_themed(miette::GraphicalTheme::unicode_nocolor())
        .render_report(&mut rendered, report.as_ref())
        .unwrap();
    assert!(rendered.contains("E3530"), "{rendered}");
    assert!(
        rendered.contains("checksum mismatch on /data"),
        "{rendered}"
    );
    assert!(
        rendered.contains("help: 文件不同步，尝试重新镜像"),
        "{rendered}"
    );
}

/// A catalog with a `url` column: a template in the header, one row's own link.
mod linked {
    ecodes::include_codes!("fixtures/linked.csv");
}

#[test]
fn the_url_column_is_an_accessor_the_error_code_trait_and_miettes_url() {
    assert_eq!(
        linked::Server::DupEntry.url(),
        Some("https://mariadb.com/kb/en/e1062/")
    );
    assert_eq!(
        linked::Code::from(linked::Server::ParseError).url(),
        Some("https://mariadb.com/kb/en/ParseError/")
    );
    let dyn_code: &dyn ecodes::ErrorCode = &linked::Client::ConnectionError;
    assert_eq!(dyn_code.url(), Some("https://mariadb.com/kb/en/e2002/"));
    assert_eq!(
        Diagnostic::url(&linked::Server::DupEntry).map(|url| url.to_string()),
        Some("https://mariadb.com/kb/en/e1062/".to_owned())
    );
    // The product catalog has no `url` column.
    assert!(Diagnostic::url(&Cdp::FileChecksum).is_none());
    assert_eq!(ecodes::ErrorCode::url(&RoleError), None);
}
