// A quote inside an unquoted field is a quoting mistake.
ecodes::include_codes!("ui/catalog/stray-quote.csv");

fn main() {
    let _ = Code::ALL;
}
