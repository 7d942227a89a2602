//! The receiver's errors. Each variant names its catalog code; a typo in a code fails to compile.

use std::io;
use std::path::PathBuf;

/// Why a mirror packet could not be applied on the DR machine.
#[derive(Debug, thiserror::Error, ecodes::ErrorCode)]
pub enum ReceiveError {
    /// Packets arrive out of order after a network hiccup; the sender resends.
    #[error("packet {got} arrived, expected {expected}")]
    #[ecode(Cdp::UnexpectedPacketSequence)]
    OutOfOrder {
        /// The sequence number the receiver waits for.
        expected: u64,
        /// The sequence number that arrived.
        got: u64,
    },
    /// The file's checksum after the write differs from the work machine's.
    #[error("checksum mismatch on {}", path.display())]
    #[ecode(3530)]
    Checksum {
        /// The file on the DR machine.
        path: PathBuf,
    },
    /// The target file could not be opened.
    #[error("cannot open {}", path.display())]
    #[ecode(E3563)]
    Open {
        /// The file on the DR machine.
        path: PathBuf,
        /// What the OS said.
        #[source]
        source: io::Error,
    },
    /// Writing the received data failed.
    #[error("cannot write the received data")]
    #[ecode(Cdp::CopyFile)]
    Write(#[source] io::Error),
    /// After an HA switchover the DR directory is locked against the work machine's data.
    #[error("rule {rule} is locked after an HA switchover")]
    #[ecode(3588)]
    Locked {
        /// The replication rule.
        rule: String,
    },
}

/// The rule's configuration file is missing on the DR machine.
#[derive(Debug, thiserror::Error, ecodes::ErrorCode)]
#[error("no configuration for rule {rule}")]
#[ecode(Cdp::ConfigFileMissing)]
pub struct ConfigError {
    /// The replication rule.
    pub rule: String,
}
