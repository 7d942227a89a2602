// A catalog with more than 100 problems reports the first 100, then how many more there are.
ecodes::include_codes!("ui/catalog/too-many-problems.csv");

fn main() {}
