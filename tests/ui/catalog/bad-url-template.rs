// A header template (`url=…`) that gives no web link is one error on the header line; the rows
// are still generated, without links.
ecodes::include_codes!("ui/catalog/bad-url-template.csv");

fn main() {
    let _: Option<&str> = Server::DupEntry.url();
}
