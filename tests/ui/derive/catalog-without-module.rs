// A catalog of one's own needs both the file and the module its types were generated in.
#[derive(Debug, ecodes::ErrorCode)]
#[ecode(catalog = "ui/derive/retired.csv")]
enum LinkError {
    #[ecode(1)]
    Down,
}

fn main() {}
