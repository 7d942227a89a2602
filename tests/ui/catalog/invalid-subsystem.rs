// Subsystems are UpperCamelCase Rust identifiers and not keywords.
ecodes::include_codes!("ui/catalog/invalid-subsystem.csv");

fn main() {
    let _ = Code::ALL;
}
