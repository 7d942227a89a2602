// A `url` that is not an absolute web link, or a placeholder the template does not know, is an
// error on its line; the other rows, and the `url()` of the good ones, are still generated.
ecodes::include_codes!("ui/catalog/bad-url.csv");

fn main() {
    let _ = Server::DupEntry.url();
}
