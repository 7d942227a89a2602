// A code may appear once; the error gives the line of the first row. The valid rows still expand.
ecodes::include_codes!("ui/catalog/dup-code.csv");

fn main() {
    let _ = Cdp::FileChecksum;
}
