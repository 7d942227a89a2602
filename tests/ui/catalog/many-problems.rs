// Every problem in the file is reported at once, each with its line.
ecodes::include_codes!("ui/catalog/many-problems.csv");

fn main() {
    let _ = Cdp::FileChecksum;
}
