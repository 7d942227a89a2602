// An empty catalog says what the header should be.
ecodes::include_codes!("ui/catalog/empty-file.csv");

fn main() {
    let _ = Code::ALL;
}
