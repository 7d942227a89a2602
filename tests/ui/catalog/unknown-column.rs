// Any column outside the schema is an error, with a suggestion for typos.
ecodes::include_codes!("ui/catalog/unknown-column.csv");

fn main() {
    let _ = Code::ALL;
}
