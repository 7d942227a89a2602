//! The adoption benchmark's peer: the same crate with strum and num_enum in place of ecodes.

use num_enum::{IntoPrimitive, TryFromPrimitive};
use strum::{EnumMessage, IntoStaticStr};

/// The catalog codes the crate uses, with their messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, IntoPrimitive, TryFromPrimitive, EnumMessage, IntoStaticStr)]
#[repr(u32)]
enum Cdp {
    #[strum(message = "Network connection error")]
    NetworkConnection = 3522,
    #[strum(message = "File checksum error")]
    FileChecksum = 3530,
    #[strum(message = "Journal disk full")]
    JournalFull = 3534,
}

#[derive(Debug, thiserror::Error)]
enum StoreError {
    #[error("checksum mismatch on {0}")]
    Checksum(String),
    #[error("journal disk full")]
    JournalFull,
    #[error("peer unreachable")]
    Unreachable,
}

impl StoreError {
    fn code(&self) -> Cdp {
        match self {
            StoreError::Checksum(_) => Cdp::FileChecksum,
            StoreError::JournalFull => Cdp::JournalFull,
            StoreError::Unreachable => Cdp::NetworkConnection,
        }
    }
}

#[derive(serde::Serialize)]
struct Report {
    code: String,
    subsystem: &'static str,
    action: &'static str,
}

fn action(err: &StoreError) -> &'static str {
    match err.code() {
        Cdp::FileChecksum => "re-mirror",
        Cdp::JournalFull => "free the journal disk",
        Cdp::NetworkConnection => "retry",
    }
}

fn main() {
    let errors = [
        StoreError::Checksum("ibdata1".into()),
        StoreError::JournalFull,
        StoreError::Unreachable,
    ];
    for err in &errors {
        let code = err.code();
        let report = Report {
            code: u32::from(code).to_string(),
            subsystem: "Cdp",
            action: action(err),
        };
        let name: &'static str = code.into();
        println!(
            "{} {} {} {name} {} {err}",
            report.code,
            report.subsystem,
            report.action,
            code.get_message().unwrap_or_default()
        );
    }
}
