// Names that would collide with generated items are rejected.
ecodes::include_codes!("ui/catalog/reserved-name.csv");

fn main() {
    let _ = Code::ALL;
}
