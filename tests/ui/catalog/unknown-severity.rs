// Severity is Info, Warning, Error or empty.
ecodes::include_codes!("ui/catalog/unknown-severity.csv");

fn main() {
    let _ = Code::ALL;
}
