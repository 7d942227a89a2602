// Aliases share a namespace with the names of their subsystem; each clash names both lines.
ecodes::include_codes!("ui/catalog/alias-clash.csv");

fn main() {}
