// An unknown subsystem is an error on the subsystem alone, listing the subsystems.
fn main() {
    let _ = ecodes::ecode!(Cpd::FileChecksum);
    let _ = ecodes::ecode!(Zzz::FileChecksum);
}
