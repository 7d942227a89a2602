// Names are UpperCamelCase Rust identifiers.
ecodes::include_codes!("ui/catalog/invalid-name.csv");

fn main() {
    let _ = Code::ALL;
}
