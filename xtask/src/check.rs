//! What `dist` checks in the tools' output, as pure functions over their text: the glibc
//! versions and libraries the binary needs (`objdump`), and the paths an archive or package
//! holds (`tar -t`, `dpkg-deb -c`, `rpm -qlp`).

/// A version as numbers, `2.3.4` as `[2, 3, 4]`, which compare as versions do.
pub type Version = Vec<u32>;

/// Parses `2.17` (digits and dots, nothing else).
pub fn parse_version(text: &str) -> Option<Version> {
    text.split('.').map(|part| part.parse().ok()).collect()
}

/// Shows a version as `2.17`.
pub fn show_version(version: &[u32]) -> String {
    version
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(".")
}

/// The highest `GLIBC_x.y` version named in `text`: `objdump -T`'s dynamic symbols, or
/// `rpm -qpR`'s `libc.so.6(GLIBC_2.14)(64bit)`. `GLIBC_PRIVATE` is no version and is skipped.
pub fn highest_glibc(text: &str) -> Option<Version> {
    text.split("GLIBC_")
        .skip(1)
        .filter_map(|rest| {
            let end = rest
                .find(|c: char| !(c.is_ascii_digit() || c == '.'))
                .unwrap_or(rest.len());
            parse_version(rest[..end].trim_end_matches('.'))
        })
        .max()
}

/// The shared libraries the binary links: the `NEEDED` entries of `objdump -p`.
pub fn needed_libraries(objdump_p: &str) -> Vec<&str> {
    objdump_p
        .lines()
        .filter_map(|line| {
            let mut words = line.split_whitespace();
            (words.next() == Some("NEEDED"))
                .then(|| words.next())
                .flatten()
        })
        .collect()
}

/// The libraries of glibc itself, which the `libc6` / `glibc` dependency provides.
pub const GLIBC_LIBRARIES: [&str; 8] = [
    "libc.so.6",
    "ld-linux-x86-64.so.2",
    "libpthread.so.0",
    "libdl.so.2",
    "libm.so.6",
    "librt.so.1",
    "libutil.so.1",
    "libresolv.so.2",
];

/// The paths a listing holds, one per line, written relative to the root: `dpkg-deb -c`
/// (`-rwxr-xr-x root/root 3850896 2025-03-02 10:15 ./usr/bin/ecodes`, the path last),
/// `rpm -qlp` (`/usr/bin/ecodes`) or `tar -tzf` (`dir/ecodes`).
pub fn listed_paths(listing: &str) -> Vec<&str> {
    listing
        .lines()
        .filter_map(|line| line.split_whitespace().last())
        .map(|path| path.trim_start_matches("./").trim_start_matches('/'))
        .collect()
}

/// The expected paths that `listing` lacks.
pub fn missing<'a>(listing: &str, expected: &'a [String]) -> Vec<&'a str> {
    let listed = listed_paths(listing);
    expected
        .iter()
        .map(String::as_str)
        .filter(|path| !listed.contains(path))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const OBJDUMP_T: &str = "\
target/x86_64-unknown-linux-gnu/release/ecodes:     file format elf64-x86-64

DYNAMIC SYMBOL TABLE:
0000000000000000      DF *UND*	0000000000000000 (GLIBC_2.2.5) write
0000000000000000      DF *UND*	0000000000000000 (GLIBC_2.3.4) __memcpy_chk
0000000000000000      DF *UND*	0000000000000000 (GLIBC_2.14) memcpy
0000000000000000      DF *UND*	0000000000000000 (GLIBC_2.16) getauxval
0000000000000000      DF *UND*	0000000000000000 (GLIBC_PRIVATE) __libc_thing
";

    #[test]
    fn the_highest_glibc_version_compares_as_a_version_not_as_text() {
        assert_eq!(highest_glibc(OBJDUMP_T), Some(vec![2, 16]));
        assert_eq!(
            highest_glibc("GLIBC_2.9 GLIBC_2.34 GLIBC_2.4"),
            Some(vec![2, 34])
        );
        assert_eq!(
            highest_glibc("libc.so.6(GLIBC_2.17)(64bit)\nlibc.so.6()(64bit)"),
            Some(vec![2, 17])
        );
        assert_eq!(highest_glibc("no versions"), None);
        assert!(parse_version("2.17").unwrap_or_default() < vec![2, 18]);
        assert!(parse_version("2.3.4").unwrap_or_default() < vec![2, 17]);
        assert_eq!(show_version(&[2, 2, 5]), "2.2.5");
    }

    #[test]
    fn needed_libraries_are_read_from_the_dynamic_section() {
        let objdump_p = "\
Dynamic Section:
  NEEDED               libc.so.6
  NEEDED               ld-linux-x86-64.so.2
  SONAME               ignored.so
";
        assert_eq!(
            needed_libraries(objdump_p),
            ["libc.so.6", "ld-linux-x86-64.so.2"]
        );
    }

    #[test]
    fn listings_of_each_tool_give_paths_from_the_root() {
        let deb = "\
drwxr-xr-x 0/0               0 2025-03-02 10:15 ./usr/bin/
-rwxr-xr-x 0/0         3850896 2025-03-02 10:15 ./usr/bin/ecodes
";
        let rpm = "/usr/bin/ecodes\n/usr/share/man/man1/ecodes.1.gz\n";
        let expected = [
            "usr/bin/ecodes".to_owned(),
            "usr/share/man/man1/ecodes.1.gz".to_owned(),
        ];
        assert_eq!(missing(deb, &expected), ["usr/share/man/man1/ecodes.1.gz"]);
        assert!(missing(rpm, &expected).is_empty());
        assert_eq!(
            listed_paths("dir/ecodes\ndir/man/\n"),
            ["dir/ecodes", "dir/man/"]
        );
    }
}
