//! A `#![no_std]` crate that uses ecodes without its default features. CI builds it on its own
//! (`cargo build -p ecodes-no-std-check`), so no other crate turns `std` back on.

#![no_std]

use core::fmt::Write;

/// A catalog generated in a `no_std` crate.
pub mod codes {
    ecodes::include_codes!("second.csv");
}

/// Writes `code`'s `Display` into a fixed buffer: generated `Display` needs no allocator.
pub fn render(code: codes::Code, buffer: &mut [u8]) -> Option<&str> {
    struct Cursor<'a> {
        buffer: &'a mut [u8],
        len: usize,
    }
    impl Write for Cursor<'_> {
        fn write_str(&mut self, text: &str) -> core::fmt::Result {
            let end = self.len + text.len();
            let slot = self.buffer.get_mut(self.len..end).ok_or(core::fmt::Error)?;
            slot.copy_from_slice(text.as_bytes());
            self.len = end;
            Ok(())
        }
    }
    let mut cursor = Cursor { buffer, len: 0 };
    write!(cursor, "{code}").ok()?;
    let len = cursor.len;
    core::str::from_utf8(&buffer[..len]).ok()
}

/// The product catalog's severity of a code, in a `no_std` crate.
pub fn product_severity(code: u32) -> Option<ecodes::Severity> {
    ecodes::Code::from_code(code).and_then(ecodes::Code::severity)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_writes_into_a_fixed_buffer() {
        let mut buffer = [0; 64];
        let code = codes::Code::from_code(7).unwrap();
        assert_eq!(render(code, &mut buffer), Some("7: Disk full"));
        assert_eq!(product_severity(3530), Some(ecodes::Severity::Error));
    }
}
