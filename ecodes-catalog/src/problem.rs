//! Problems found in a catalog, each tied to the line it was found on.

use core::fmt;

/// One thing wrong with a catalog: what is wrong, on which line, and usually how to fix it.
///
/// The message is lowercase and names the offending text, in the style of rustc's diagnostics.
/// [`Problem::display_in`] renders it as `FILE:LINE: message`, the form every ecodes tool prints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    line: Option<u64>,
    message: String,
}

impl Problem {
    /// A problem on a 1-based line of the catalog file.
    pub fn at(line: u64, message: impl Into<String>) -> Self {
        Problem {
            line: Some(line),
            message: message.into(),
        }
    }

    /// A problem with the file as a whole (it cannot be read, it is empty, ...).
    pub fn whole_file(message: impl Into<String>) -> Self {
        Problem {
            line: None,
            message: message.into(),
        }
    }

    /// The 1-based line the problem is on, if it is tied to one.
    pub fn line(&self) -> Option<u64> {
        self.line
    }

    /// What is wrong, without the location.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// Renders the problem as `FILE:LINE: message` (or `FILE: message` for the whole file).
    ///
    /// ```
    /// # use ecodes_catalog::Problem;
    /// let problem = Problem::at(7, "empty code");
    /// assert_eq!(problem.display_in("codes.csv").to_string(), "codes.csv:7: empty code");
    /// ```
    pub fn display_in<'a>(&'a self, file: &'a str) -> impl fmt::Display + 'a {
        InFile {
            problem: self,
            file,
        }
    }
}

struct InFile<'a> {
    problem: &'a Problem,
    file: &'a str,
}

impl fmt::Display for InFile<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.problem.line {
            Some(line) => write!(f, "{}:{}: {}", self.file, line, self.problem.message),
            None => write!(f, "{}: {}", self.file, self.problem.message),
        }
    }
}

impl fmt::Display for Problem {
    /// Renders `line N: message`; use [`Problem::display_in`] to name the file.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "line {}: {}", line, self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for Problem {}
