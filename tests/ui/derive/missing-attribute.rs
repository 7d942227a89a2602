// Every variant needs a code; the error is on the variant that has none.
#[derive(Debug, ecodes::ErrorCode)]
enum MirrorError {
    #[ecode(3530)]
    Checksum,
    Copy(std::io::Error),
    Locked { rule: String },
}

fn main() {}
