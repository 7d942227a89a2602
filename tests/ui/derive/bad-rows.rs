// A catalog with a bad row still serves its valid rows: only the reference that names no valid
// row is an error, and it says where the bad rows are. The user's module is kept, so there are
// no follow-on type errors.
mod codes {
    ecodes::include_codes!("ui/derive/bad-rows.csv");
}

#[derive(Debug, ecodes::ErrorCode)]
#[ecode(catalog = "ui/derive/bad-rows.csv", module = crate::codes)]
enum LinkError {
    #[ecode(Link::Down)]
    Down,
    #[ecode(2)]
    Bad,
    #[ecode(Flapping)]
    Flapping,
}

fn main() {
    let _ = ecodes::ErrorCode::code(&LinkError::Down);
    let _: codes::Code = (&LinkError::Flapping).into();
    let _ = LinkError::Bad;
}
