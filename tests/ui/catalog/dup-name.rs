// A name may appear once per subsystem.
ecodes::include_codes!("ui/catalog/dup-name.csv");

fn main() {
    let _ = Ha::FileChecksum;
}
