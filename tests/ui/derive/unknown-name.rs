// A misspelt name is an error on that name, with the nearest names.
#[derive(Debug, ecodes::ErrorCode)]
enum MirrorError {
    #[ecode(Cdp::FileChecksm)]
    Checksum,
    #[ecode(Cpd::CopyFile)]
    Copy,
}

fn main() {}
