// The header must name every required column.
ecodes::include_codes!("ui/catalog/missing-column.csv");

fn main() {
    let _ = Code::ALL;
}
