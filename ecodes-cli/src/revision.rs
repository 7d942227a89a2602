//! Catalogs named as files or as `REV:PATH` in the current git repository, for `diff` and
//! `check --baseline`.

use std::path::Path;
use std::process::Command;

use crate::catalog::Loaded;
use crate::error::Error;

/// Loads the catalog `spec` names: a file when one exists at that path (so a file wins over the
/// `REV:PATH` reading), else `REV:PATH` read with `git show`. Either goes through the same
/// validation as `ecodes check`; a catalog with problems is an error listing them.
///
/// # Errors
/// [`Error::Catalog`] for an unreadable or invalid catalog, [`Error::Git`] when git cannot give
/// `REV:PATH`, [`Error::Usage`] for a `REV` that starts with `-`.
pub fn load(spec: &str) -> Result<Loaded, Error> {
    let path = Path::new(spec);
    if path.exists() {
        return Loaded::load(Some(path));
    }
    if !spec.contains(':') {
        return Loaded::load(Some(path));
    }
    load_revision(spec)
}

/// Loads `REV:PATH` from git, whether or not a file of that name exists.
///
/// # Errors
/// As [`load`].
pub fn load_revision(spec: &str) -> Result<Loaded, Error> {
    let (revision, file) = spec.split_once(':').unwrap_or((spec, ""));
    let bytes = show(revision, file, spec)?;
    Loaded::from_parsed(ecodes_catalog::parse(&bytes), spec.to_owned())
}

/// The bytes of `REVISION:FILE`, from `git show`, run with an argument list and no shell.
fn show(revision: &str, file: &str, spec: &str) -> Result<Vec<u8>, Error> {
    if revision.starts_with('-') {
        return Err(Error::Usage(format!(
            "`{spec}`: a revision cannot start with `-`; name a commit, tag or branch"
        )));
    }
    if revision.is_empty() || file.is_empty() {
        return Err(Error::Usage(format!(
            "`{spec}` is neither a file nor `REV:PATH`, such as `HEAD:codes.csv`"
        )));
    }
    let output = Command::new("git")
        .arg("show")
        .arg(format!("{revision}:{file}"))
        .arg("--")
        .output()
        .map_err(|source| Error::Git {
            spec: spec.to_owned(),
            message: format!(
                "cannot run git: {}",
                ecodes_catalog::describe_io_error(&source)
            ),
        })?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let message = stderr
            .lines()
            .find(|line| !line.trim().is_empty())
            .unwrap_or("git show failed")
            .trim()
            .trim_start_matches("fatal: ")
            .to_owned();
        return Err(Error::Git {
            spec: spec.to_owned(),
            message,
        });
    }
    Ok(output.stdout)
}
