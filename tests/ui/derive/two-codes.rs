// One code per variant.
#[derive(Debug, ecodes::ErrorCode)]
enum MirrorError {
    #[ecode(3530)]
    #[ecode(3555)]
    Copy,
}

fn main() {}
