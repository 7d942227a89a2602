// Every bad attribute is reported at once, and so is every mistake in one attribute; an
// attribute with a mistake adds no follow-on error.
#[derive(Debug, ecodes::ErrorCode)]
#[ecode(colour = "red", 3530)]
enum MirrorError {
    #[ecode(mode = "fast", 3530, 3531)]
    Checksum,
    #[ecode(3532)]
    Descriptor,
    Copy,
    #[ecode(3555)]
    Read(#[ecode(3531)] u32),
}

fn main() {}
