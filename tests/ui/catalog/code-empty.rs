// Every row needs a code.
ecodes::include_codes!("ui/catalog/code-empty.csv");

fn main() {
    let _ = Cdp::FileChecksum;
}
