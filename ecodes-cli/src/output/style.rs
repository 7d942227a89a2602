//! Colour: whether to use it, and the styles the command uses.

use std::io::{self, Write};

use anstyle::{AnsiColor, Effects, Style};
use ecodes_catalog::Severity;

use crate::opts::ColorWhen;

/// Column headers.
pub const HEADER: Style = Style::new().bold().underline();
/// Codes.
pub const CODE: Style = Style::new().bold();
/// Search and scan matches inside text.
pub const MATCH: Style = AnsiColor::Red.on_default().effects(Effects::BOLD);
/// File names in `scan` output.
pub const FILE: Style = AnsiColor::Magenta.on_default();
/// Line numbers in `scan` output.
pub const LINE: Style = AnsiColor::Green.on_default();
/// Secondary text: labels, placeholders.
pub const DIM: Style = Style::new().dimmed();
/// Warnings in `check` output.
pub const WARNING: Style = AnsiColor::Yellow.on_default().effects(Effects::BOLD);
/// Errors in `check` output.
pub const ERROR: Style = AnsiColor::Red.on_default().effects(Effects::BOLD);

/// The style of a severity: errors red, warnings yellow, info cyan.
pub const fn severity(severity: Option<Severity>) -> Style {
    match severity {
        Some(Severity::Error) => AnsiColor::Red.on_default(),
        Some(Severity::Warning) => AnsiColor::Yellow.on_default(),
        Some(Severity::Info) => AnsiColor::Cyan.on_default(),
        None => Style::new(),
    }
}

/// Decides once whether to colour standard output, and writes styled text accordingly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paint {
    enabled: bool,
}

impl Paint {
    /// Colour when asked to, or on `auto` when stdout is a terminal and neither `NO_COLOR` nor
    /// `TERM=dumb` says otherwise (anstream's rules, which clap follows too). Also sets the
    /// choice for anstream's streams, so stderr follows `--color always|never`.
    pub fn for_stdout(when: ColorWhen) -> Paint {
        let choice = match when {
            ColorWhen::Auto => anstream::ColorChoice::Auto,
            ColorWhen::Always => anstream::ColorChoice::Always,
            ColorWhen::Never => anstream::ColorChoice::Never,
        };
        choice.write_global();
        let enabled = anstream::AutoStream::choice(&io::stdout()) != anstream::ColorChoice::Never;
        Paint { enabled }
    }

    /// Colour or not, as told (for tests and library users).
    pub const fn new(enabled: bool) -> Paint {
        Paint { enabled }
    }

    /// Whether colours are written.
    pub const fn enabled(self) -> bool {
        self.enabled
    }

    /// Writes `text` in `style`, or plain when colour is off.
    ///
    /// # Errors
    /// Any error of `out`.
    pub fn write(self, out: &mut dyn Write, style: Style, text: &str) -> io::Result<()> {
        if self.enabled && style != Style::new() {
            write!(out, "{}{text}{}", style.render(), style.render_reset())
        } else {
            out.write_all(text.as_bytes())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_when_disabled() {
        let mut out = Vec::new();
        assert!(Paint::new(false).write(&mut out, ERROR, "boom").is_ok());
        assert_eq!(out, b"boom");
    }

    #[test]
    fn ansi_when_enabled() {
        let mut out = Vec::new();
        assert!(Paint::new(true).write(&mut out, ERROR, "boom").is_ok());
        assert_eq!(String::from_utf8_lossy(&out), "\x1b[1m\x1b[31mboom\x1b[0m");
    }
}
