// A name cannot be a Rust keyword.
ecodes::include_codes!("ui/catalog/keyword-name.csv");

fn main() {
    let _ = Code::ALL;
}
