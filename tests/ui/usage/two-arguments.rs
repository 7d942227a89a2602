// The macro takes the catalog path as one string literal, nothing more.
ecodes::include_codes!("codes.csv", "other.csv");

fn main() {}
