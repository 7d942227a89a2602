// Two ways of writing one number are one code: `01062` beside `1062` is an error naming both.
ecodes::include_codes!("ui/catalog/code-same-key.csv");

fn main() {
    let _ = Server::DupEntry;
}
