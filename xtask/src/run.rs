//! Running the tools: each command is shown on stderr before it runs and its output goes to
//! stderr too, and a failure becomes an [`Error`] that names the command.

use std::fmt;
use std::io;
use std::process::{Command, Stdio};

/// Why a task failed; `main` prints it as `xtask: error: …` and exits with status 1.
#[derive(Debug)]
pub struct Error(String);

impl Error {
    /// An error with this message.
    pub fn new(message: impl Into<String>) -> Self {
        Error(message.into())
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The result of a step of a task.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Says what xtask is doing, on stderr.
pub fn say(message: impl fmt::Display) {
    eprintln!("xtask: {message}");
}

/// Names an I/O failure: `cannot {what}: {err}`.
pub fn io<T>(what: impl fmt::Display, result: io::Result<T>) -> Result<T> {
    result.map_err(|err| Error::new(format!("cannot {what}: {err}")))
}

/// `cmd` as a shell would take it, for messages.
pub fn shown(cmd: &Command) -> String {
    let mut line = cmd.get_program().to_string_lossy().into_owned();
    for arg in cmd.get_args() {
        let arg = arg.to_string_lossy();
        line.push(' ');
        let plain = !arg.is_empty()
            && arg
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "-_./=@:+,%".contains(c));
        if plain {
            line.push_str(&arg);
        } else {
            line.push('\'');
            line.push_str(&arg.replace('\'', r"'\''"));
            line.push('\'');
        }
    }
    line
}

fn cannot_start(cmd: &Command, err: &io::Error) -> Error {
    let program = cmd.get_program().to_string_lossy();
    if err.kind() == io::ErrorKind::NotFound {
        Error::new(format!(
            "cannot run `{}`: `{program}` not found",
            shown(cmd)
        ))
    } else {
        Error::new(format!("cannot run `{}`: {err}", shown(cmd)))
    }
}

/// Runs `cmd` after showing it; its output goes to stderr, so xtask's stdout stays empty.
pub fn run(cmd: &mut Command) -> Result<()> {
    say(format_args!("running {}", shown(cmd)));
    let status = cmd
        .stdin(Stdio::null())
        .stdout(io::stderr())
        .status()
        .map_err(|err| cannot_start(cmd, &err))?;
    if status.success() {
        Ok(())
    } else {
        Err(Error::new(format!("`{}` failed ({status})", shown(cmd))))
    }
}

/// Runs `cmd` and returns its standard output; its stderr goes to stderr.
pub fn output(cmd: &mut Command) -> Result<Vec<u8>> {
    let output = cmd
        .stdin(Stdio::null())
        .stderr(Stdio::inherit())
        .output()
        .map_err(|err| cannot_start(cmd, &err))?;
    if output.status.success() {
        Ok(output.stdout)
    } else {
        Err(Error::new(format!(
            "`{}` failed ({})",
            shown(cmd),
            output.status
        )))
    }
}

/// Runs `cmd` and returns its standard output as text.
pub fn text(cmd: &mut Command) -> Result<String> {
    let stdout = output(cmd)?;
    String::from_utf8(stdout)
        .map_err(|_| Error::new(format!("`{}` printed invalid UTF-8", shown(cmd))))
}

/// Runs `cmd` silently and returns its standard output if it ran and succeeded: how a tool is
/// looked for, where its absence is an answer rather than an error.
pub fn probe(cmd: &mut Command) -> Option<String> {
    let output = cmd
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_are_shown_as_a_shell_would_take_them() {
        let mut cmd = Command::new("tar");
        cmd.args(["-czf", "a b.tar.gz", "it's", ""]);
        assert_eq!(shown(&cmd), r"tar -czf 'a b.tar.gz' 'it'\''s' ''");
    }
}
