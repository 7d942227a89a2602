//! English number agreement, for the command's own messages.

/// `"s"` unless `count` is one: `format!("{count} code{}", plural(count))`.
pub fn plural<N: PartialEq + From<u8> + Copy>(count: N) -> &'static str {
    if count == N::from(1) {
        ""
    } else {
        "s"
    }
}

/// `count` and `word`, made plural unless `count` is one: `3 subsystems`, `1 code`.
pub fn counted<N: PartialEq + From<u8> + Copy + std::fmt::Display>(count: N, word: &str) -> String {
    format!("{count} {word}{}", plural(count))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_singular_everything_else_plural() {
        assert_eq!(plural(1usize), "");
        assert_eq!(plural(0u64), "s");
        assert_eq!(plural(2u64), "s");
        assert_eq!(counted(1usize, "code"), "1 code");
        assert_eq!(counted(240usize, "code"), "240 codes");
    }
}
