// On an enum, codes go on the variants.
#[derive(Debug, ecodes::ErrorCode)]
#[ecode(3530)]
enum MirrorError {
    #[ecode(3555)]
    Copy,
}

fn main() {}
