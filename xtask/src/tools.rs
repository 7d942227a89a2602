//! The tools `dist` needs, found where they are or installed: zig (from the `ziglang` Python
//! package), the cargo subcommands at pinned versions, and the system tools that make and check
//! the artifacts.

use std::env;
use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::run::{self, probe, say, Error, Result};

/// The Python package that brings zig, which cargo-zigbuild finds as `python3 -m ziglang`.
const ZIGLANG: &str = "ziglang==0.17.1";

/// The cargo subcommands and the versions `dist` was made with.
const CARGO_TOOLS: [(&str, &str); 3] = [
    ("cargo-zigbuild", "0.24.1"),
    ("cargo-deb", "3.8.0"),
    ("cargo-generate-rpm", "0.21.1"),
];

/// The system tools: the program, and the Debian package that has it.
const SYSTEM_TOOLS: [(&str, &str); 6] = [
    ("tar", "tar"),
    ("gzip", "gzip"),
    ("sha256sum", "coreutils"),
    ("objdump", "binutils"),
    ("dpkg-deb", "dpkg"),
    ("rpm", "rpm"),
];

/// Where the tools are.
pub struct Tools {
    /// The cargo that runs xtask, for the subcommands to use too.
    pub cargo: OsString,
    zigbuild: PathBuf,
    deb: PathBuf,
    generate_rpm: PathBuf,
}

impl Tools {
    /// `cargo zigbuild`.
    pub fn zigbuild(&self) -> Command {
        self.subcommand(&self.zigbuild, "zigbuild")
    }

    /// `cargo deb`.
    pub fn deb(&self) -> Command {
        self.subcommand(&self.deb, "deb")
    }

    /// `cargo generate-rpm`.
    pub fn generate_rpm(&self) -> Command {
        self.subcommand(&self.generate_rpm, "generate-rpm")
    }

    /// A subcommand run the way cargo runs one: its binary, with its name as the first argument
    /// and `CARGO` set.
    fn subcommand(&self, binary: &Path, name: &str) -> Command {
        let mut cmd = Command::new(binary);
        cmd.arg(name).env("CARGO", &self.cargo);
        cmd
    }
}

/// Finds every tool, installing what is missing, before anything is built.
///
/// # Errors
/// A tool that is missing and cannot be installed, named with the command that installs it.
pub fn ensure() -> Result<Tools> {
    let cargo = env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    ensure_zig()?;
    let [zigbuild, deb, generate_rpm] = ensure_cargo_tools(&cargo)?;
    for (tool, package) in SYSTEM_TOOLS {
        ensure_system_tool(tool, package)?;
    }
    Ok(Tools {
        cargo,
        zigbuild,
        deb,
        generate_rpm,
    })
}

/// zig as cargo-zigbuild looks for it: `python3 -m ziglang` (`CARGO_ZIGBUILD_PYTHON_PATH`
/// names another Python), then `zig` on `PATH` (or `CARGO_ZIGBUILD_ZIG_PATH`).
fn find_zig(python: &OsStr) -> Option<String> {
    let zig = env::var_os("CARGO_ZIGBUILD_ZIG_PATH").unwrap_or_else(|| "zig".into());
    let via_python = || {
        let version = probe(Command::new(python).args(["-m", "ziglang", "version"]))?;
        Some(format!(
            "zig {} ({} -m ziglang)",
            version.trim(),
            python.to_string_lossy()
        ))
    };
    let on_path = || {
        let version = probe(Command::new(&zig).arg("version"))?;
        Some(format!(
            "zig {} ({})",
            version.trim(),
            zig.to_string_lossy()
        ))
    };
    via_python().or_else(on_path)
}

fn ensure_zig() -> Result<()> {
    let python = env::var_os("CARGO_ZIGBUILD_PYTHON_PATH").unwrap_or_else(|| "python3".into());
    if let Some(found) = find_zig(&python) {
        say(format_args!("found {found}"));
        return Ok(());
    }
    say(format_args!(
        "zig is missing: installing it from PyPI ({ZIGLANG})"
    ));
    let mut install = Command::new(&python);
    install.args(["-m", "pip", "install", ZIGLANG]);
    let by_hand = format!(
        "install zig by hand with `{}` (or into a virtual environment, and point \
         CARGO_ZIGBUILD_PYTHON_PATH at its python), or put zig on PATH",
        run::shown(&install)
    );
    if let Err(err) = run::run(&mut install) {
        return Err(Error::new(format!("zig is missing and {err}; {by_hand}")));
    }
    let found = find_zig(&python)
        .ok_or_else(|| Error::new(format!("zig is still missing after the install; {by_hand}")))?;
    say(format_args!("found {found}"));
    Ok(())
}

/// Where `cargo install` puts binaries and where cargo looks for subcommands, in cargo's order:
/// the install root, `$CARGO_HOME/bin`, then `PATH`.
fn cargo_bin_dirs() -> Vec<PathBuf> {
    let mut dirs = Vec::new();
    if let Some(root) = env::var_os("CARGO_INSTALL_ROOT") {
        dirs.push(Path::new(&root).join("bin"));
    }
    if let Some(home) = env::var_os("CARGO_HOME") {
        dirs.push(Path::new(&home).join("bin"));
    } else if let Some(home) = env::var_os("HOME") {
        dirs.push(Path::new(&home).join(".cargo").join("bin"));
    }
    if let Some(path) = env::var_os("PATH") {
        dirs.extend(env::split_paths(&path));
    }
    dirs
}

/// A cargo subcommand's binary and the version it reports (`cargo-deb 3.8.0`).
fn find_cargo_tool(tool: &str) -> Option<(PathBuf, String)> {
    cargo_bin_dirs().into_iter().find_map(|dir| {
        let path = dir.join(tool);
        let reported = probe(Command::new(&path).arg("--version"))?;
        let version = reported.split_whitespace().last()?.to_owned();
        Some((path, version))
    })
}

/// The binaries of [`CARGO_TOOLS`], in that order.
fn ensure_cargo_tools(cargo: &OsStr) -> Result<[PathBuf; 3]> {
    let missing: Vec<String> = CARGO_TOOLS
        .iter()
        .filter(|(tool, _)| find_cargo_tool(tool).is_none())
        .map(|(tool, version)| format!("{tool}@{version}"))
        .collect();
    let mut install = Command::new(cargo);
    install.args(["install", "--locked"]).args(&missing);
    let by_hand = format!("install it by hand with `{}`", run::shown(&install));
    if !missing.is_empty() {
        say(format_args!(
            "{} missing: installing from crates.io (this takes a few minutes)",
            missing.join(", ")
        ));
        if let Err(err) = run::run(&mut install) {
            return Err(Error::new(format!(
                "{} missing and {err}; {by_hand}",
                missing.join(", ")
            )));
        }
    }
    let locate = |(tool, pinned): (&str, &str)| {
        let (path, version) = find_cargo_tool(tool)
            .ok_or_else(|| Error::new(format!("{tool} is missing after the install; {by_hand}")))?;
        if version == pinned {
            say(format_args!("found {tool} {version} ({})", path.display()));
        } else {
            say(format_args!(
                "found {tool} {version} ({}); dist is made with {pinned}: \
                 `cargo install --locked {tool}@{pinned}` installs that",
                path.display()
            ));
        }
        Ok::<_, Error>(path)
    };
    let [zigbuild, deb, generate_rpm] = CARGO_TOOLS;
    Ok([locate(zigbuild)?, locate(deb)?, locate(generate_rpm)?])
}

fn ensure_system_tool(tool: &str, package: &str) -> Result<()> {
    let present = || probe(Command::new(tool).arg("--version")).is_some();
    if present() {
        return Ok(());
    }
    let by_hand = format!(
        "install the `{package}` package by hand (`apt-get install {package}` on Debian and \
         Ubuntu, `dnf install {package}` on Fedora)"
    );
    if probe(Command::new("apt-get").arg("--version")).is_none() {
        return Err(Error::new(format!("`{tool}` is missing; {by_hand}")));
    }
    say(format_args!(
        "`{tool}` is missing: installing the Debian package `{package}`"
    ));
    let mut update = Command::new("apt-get");
    update
        .arg("update")
        .env("DEBIAN_FRONTEND", "noninteractive");
    let mut install = Command::new("apt-get");
    install
        .args(["install", "-y", "--no-install-recommends", package])
        .env("DEBIAN_FRONTEND", "noninteractive");
    if let Err(err) = run::run(&mut update).and_then(|()| run::run(&mut install)) {
        return Err(Error::new(format!(
            "`{tool}` is missing and {err}; {by_hand}"
        )));
    }
    if present() {
        Ok(())
    } else {
        Err(Error::new(format!(
            "`{tool}` is still missing after the install; {by_hand}"
        )))
    }
}
