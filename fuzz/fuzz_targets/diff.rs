//! The catalog diff on two arbitrary valid catalogs: never a panic, a catalog compared with
//! itself shows no change, and the changes agree with the catalogs.
//!
//! The input is two catalog bodies split at the first `0xFF` byte, each read leniently under a
//! fixed header, so that their valid rows make valid catalogs.
#![no_main]

use ecodes_catalog::{diff, ChangeKind, Compatibility};
use libfuzzer_sys::fuzz_target;

const HEADER: &[u8] = b"code,subsystem,name,severity,message_zh,message_en,aliases,retired,since\n";

fuzz_target!(|bytes: &[u8]| {
    let (first, second) = match bytes.iter().position(|&b| b == 0xFF) {
        Some(at) => (&bytes[..at], &bytes[at + 1..]),
        None => (bytes, &b""[..]),
    };
    let old = ecodes_catalog::parse(&[HEADER, first].concat()).catalog;
    let new = ecodes_catalog::parse(&[HEADER, second].concat()).catalog;
    assert!(diff(&old, &old).is_empty(), "a catalog differs from itself");
    assert!(diff(&new, &new).is_empty(), "a catalog differs from itself");
    for change in diff(&old, &new) {
        let code = change.key();
        match change.kind() {
            ChangeKind::Removed => {
                assert!(old.get(code).is_some() && new.get(code).is_none());
                assert_eq!(change.status(), Compatibility::Forbidden);
            }
            ChangeKind::Added | ChangeKind::MissingSince => {
                assert!(old.get(code).is_none() && new.get(code).is_some());
            }
            ChangeKind::Renumbered => assert!(old.get(code).is_some()),
            _ => assert!(old.get(code).is_some() && new.get(code).is_some()),
        }
        assert!(change.before().is_some() || change.after().is_some());
    }
});
