// A code is written in a notation ecodes reads; among decimal codes, `E3530` is the number a log prints.
ecodes::include_codes!("ui/catalog/code-not-a-number.csv");

fn main() {
    let _ = Code::ALL;
}
