// A name written with the wrong subsystem points to the subsystem that has it.
fn main() {
    let _ = ecodes::ecode!(Nas::FileChecksum);
    let _ = ecodes::ecode!(Ha::RuleRestarting);
}
