// A struct needs its code on the struct.
#[derive(Debug, ecodes::ErrorCode)]
struct ChecksumError {
    path: String,
}

fn main() {}
