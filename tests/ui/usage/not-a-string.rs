// The macro takes the catalog path as one string literal.
ecodes::include_codes!(codes.csv);

fn main() {}
