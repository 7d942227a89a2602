//! Runs the sample agent and checks that every error is logged with its catalog code, severity,
//! name and cause chain.

use std::process::Command;

#[test]
fn the_agent_logs_codes_severities_and_causes() {
    let output = Command::new(env!("CARGO_BIN_EXE_mirror-agent"))
        .output()
        .expect("run mirror-agent");
    assert!(output.status.success());
    let log = String::from_utf8(output.stdout).expect("UTF-8 log");
    for expected in [
        "Error errcode=3526 (Cdp::ConfigFileMissing) no configuration for rule rule-7",
        "Info  errcode=3554 (Cdp::UnexpectedPacketSequence) packet 5 arrived, expected 1",
        "action: wait for resend",
        "Error errcode=3530 (Cdp::FileChecksum) checksum mismatch on",
        "help: The file is out of sync. Try mirroring again.",
        "action: schedule re-mirror",
        "Info  errcode=3588 (Cdp::TaskLocked) rule rule-1 is locked",
    ] {
        assert!(log.contains(expected), "missing `{expected}` in:\n{log}");
    }
    // The open failure shows its OS cause after the receiver's own message.
    let open = log
        .lines()
        .find(|line| line.contains("errcode=3563"))
        .expect("the open failure is logged");
    assert!(
        open.contains("cannot open") && open.contains(": No such file or directory"),
        "{open}"
    );
}
