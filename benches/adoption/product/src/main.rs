//! A small product crate: the product catalog's codes on a thiserror enum, matched with
//! `ecode!`, and a serde report. The adoption benchmark builds it from scratch.

use ecodes::{ecode, Code, ErrorCode};

#[derive(Debug, thiserror::Error, ecodes::ErrorCode)]
enum StoreError {
    #[error("checksum mismatch on {0}")]
    #[ecode(3530)]
    Checksum(String),
    #[error("journal disk full")]
    #[ecode(3534)]
    JournalFull,
    #[error("peer unreachable")]
    #[ecode(Cdp::NetworkConnection)]
    Unreachable,
}

#[derive(serde::Serialize)]
struct Report {
    code: String,
    subsystem: &'static str,
    action: &'static str,
}

fn action(err: &StoreError) -> &'static str {
    match Code::from(err) {
        Code::Cdp(ecode!(3530)) => "re-mirror",
        Code::Cdp(ecode!(3534)) => "free the journal disk",
        _ => "retry",
    }
}

fn main() {
    let errors = [
        StoreError::Checksum("ibdata1".into()),
        StoreError::JournalFull,
        StoreError::Unreachable,
    ];
    for err in &errors {
        let report = Report {
            code: err.written().to_string(),
            subsystem: err.subsystem_name(),
            action: action(err),
        };
        println!("{} {} {} {err}", report.code, report.subsystem, report.action);
    }
}
