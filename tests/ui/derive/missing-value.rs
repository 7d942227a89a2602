// An option without its value is an error under the option, not under the whole derive.
#[derive(Debug, ecodes::ErrorCode)]
#[ecode(module = crate::codes, catalog =)]
enum LinkError {
    #[ecode(1)]
    Down,
}

fn main() {}
