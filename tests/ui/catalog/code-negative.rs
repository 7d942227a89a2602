// Codes are unsigned.
ecodes::include_codes!("ui/catalog/code-negative.csv");

fn main() {
    let _ = Code::ALL;
}
