//! `mirror-agent`: the sample product crate. It runs a scripted mirror session on the DR machine
//! and logs every error the way the product does: code, severity, message and cause chain, in
//! a line that `ecodes scan` understands.

mod error;
mod receiver;

use std::error::Error;
use std::process::ExitCode;

use std::fmt::Write as _;

use ecodes::{ecode, Code, ErrorCode};

use crate::error::ReceiveError;
use crate::receiver::{checksum, Packet, Receiver};

/// What the receiver does after an error, decided by catalog code.
fn policy(err: &ReceiveError) -> &'static str {
    match Code::from(err) {
        // Sequence gaps heal themselves: the work machine resends.
        Code::Cdp(ecode!(3554)) => "wait for resend",
        // A checksum mismatch needs the file mirrored again.
        Code::Cdp(ecode!(Cdp::FileChecksum)) => "schedule re-mirror",
        Code::Cdp(ecode!(E3588)) => "drop packet",
        _ => "stop rule",
    }
}

/// Logs an error in the product's log format, with its code, severity and cause chain.
fn log(component: &str, err: &(dyn Error + 'static), code: &dyn ErrorCode) {
    let level = code
        .severity()
        .map_or("Unspecified", ecodes::Severity::as_str);
    let mut line = format!(
        "[{component}] {level:<5} errcode={} ({}::{}) {err}",
        code.written(),
        code.subsystem_name(),
        code.name(),
    );
    let mut source = err.source();
    while let Some(cause) = source {
        let _ = write!(line, ": {cause}");
        source = cause.source();
    }
    println!("{line}");
    if let Some(help) = code.help_in("en") {
        println!("[{component}]       help: {help}");
    }
}

fn session() -> Vec<Packet> {
    let packet = |sequence, file: &str, data: &[u8], last: bool| Packet {
        sequence,
        file: file.into(),
        data: data.to_vec(),
        checksum: last.then(|| checksum(0, data)),
    };
    let mut corrupt = packet(2, "b.dat", b"payload", true);
    corrupt.checksum = corrupt.checksum.map(|sum| sum ^ 1);
    vec![
        packet(0, "a.dat", b"hello", true),
        packet(5, "a.dat", b"late", false),
        packet(1, "missing-dir/c.dat", b"x", true),
        // After the failed open the stream goes on.
        packet(1, "b.dat", b"", false),
        corrupt,
    ]
}

fn main() -> ExitCode {
    let target = std::env::temp_dir().join(format!("mirror-agent-{}", std::process::id()));
    if let Err(err) = std::fs::create_dir_all(&target) {
        eprintln!("mirror-agent: cannot create {}: {err}", target.display());
        return ExitCode::FAILURE;
    }

    if let Err(err) = Receiver::new("rule-7", None) {
        log("dr-receiver", &err, &err);
    }
    let mut receiver = match Receiver::new("rule-1", Some(&target)) {
        Ok(receiver) => receiver,
        Err(err) => {
            log("dr-receiver", &err, &err);
            return ExitCode::FAILURE;
        }
    };
    for packet in session() {
        match receiver.apply(&packet) {
            Ok(()) => println!("[dr-receiver] Info  packet {} applied", packet.sequence),
            Err(err) => {
                log("dr-receiver", &err, &err);
                println!("[dr-receiver]       action: {}", policy(&err));
            }
        }
    }
    receiver.lock();
    if let Err(err) = receiver.apply(&Packet {
        sequence: 3,
        file: "a.dat".into(),
        data: vec![],
        checksum: None,
    }) {
        log("dr-receiver", &err, &err);
        println!("[dr-receiver]       action: {}", policy(&err));
    }
    let _ = std::fs::remove_dir_all(&target);
    ExitCode::SUCCESS
}
