// Unions are not supported.
#[derive(ecodes::ErrorCode)]
union Raw {
    code: u32,
    bits: f32,
}

fn main() {}
