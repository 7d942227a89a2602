// Naming a retired code warns (here denied): old logs still carry it, new code should not emit it.
#![deny(deprecated)]

mod codes {
    ecodes::include_codes!("ui/derive/retired.csv");
}

#[derive(Debug, ecodes::ErrorCode)]
#[ecode(catalog = "ui/derive/retired.csv", module = crate::codes)]
enum LinkError {
    #[ecode(1)]
    Down,
    #[ecode(Network::OldLinkCheck)]
    Check,
}

fn main() {
    // Lookups of a retired code keep working without a warning.
    assert!(codes::Code::from_code(2).is_some());
    let _ = ecodes::ecode!(2, catalog = "ui/derive/retired.csv", module = crate::codes);
    // So does its alias.
    let _ = codes::Network::OLD_LINK_CHECK;
}
