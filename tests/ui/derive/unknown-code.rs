// A code the catalog does not have is an error on that number, with the nearest codes.
#[derive(Debug, ecodes::ErrorCode)]
enum MirrorError {
    #[ecode(3530)]
    Checksum,
    #[ecode(3532)]
    Descriptor,
}

fn main() {}
