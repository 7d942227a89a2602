// `#[ecode]` belongs on the type or a variant, not on a field.
#[derive(Debug, ecodes::ErrorCode)]
#[ecode(3530)]
struct ChecksumError {
    #[ecode(3555)]
    path: String,
}

fn main() {}
