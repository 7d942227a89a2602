// A help_<lang> column needs its message_<lang> column.
ecodes::include_codes!("ui/catalog/help-without-message.csv");

fn main() {
    let _ = Code::ALL;
}
