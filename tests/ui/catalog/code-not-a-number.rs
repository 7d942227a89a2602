// Codes are decimal numbers; a log prefix such as E is not part of the code.
ecodes::include_codes!("ui/catalog/code-not-a-number.csv");

fn main() {
    let _ = Code::ALL;
}
