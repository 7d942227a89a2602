// A misspelt name or subsystem suggests the nearest.
fn main() {
    let _ = ecodes::ecode!(Cdp::FileChecksm);
    let _ = ecodes::ecode!("Cpd::FileChecksum");
    let _ = ecodes::ecode!(NetworkConnection);
}
