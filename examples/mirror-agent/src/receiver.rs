//! A small model of the DR machine's mirror receiver: it applies packets of file data in
//! sequence and verifies each file's checksum.

use std::collections::HashMap;
use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{ConfigError, ReceiveError};

/// One packet of a mirror stream from the work machine.
pub struct Packet {
    /// Position in the stream, from 0.
    pub sequence: u64,
    /// The file, relative to the rule's target directory.
    pub file: PathBuf,
    /// Data appended to the file.
    pub data: Vec<u8>,
    /// The checksum of the whole file after this packet, if it is the file's last.
    pub checksum: Option<u32>,
}

/// Receives one rule's mirror stream into a target directory.
pub struct Receiver {
    rule: String,
    target: PathBuf,
    next: u64,
    locked: bool,
    sums: HashMap<PathBuf, u32>,
}

impl Receiver {
    /// A receiver for `rule`, whose configuration names `target`.
    ///
    /// # Errors
    /// [`ConfigError`] when the rule has no target directory.
    pub fn new(rule: &str, target: Option<&Path>) -> Result<Self, ConfigError> {
        let target = target.ok_or_else(|| ConfigError {
            rule: rule.to_owned(),
        })?;
        Ok(Receiver {
            rule: rule.to_owned(),
            target: target.to_owned(),
            next: 0,
            locked: false,
            sums: HashMap::new(),
        })
    }

    /// Locks the target directory, as an HA switchover to the DR machine does.
    pub fn lock(&mut self) {
        self.locked = true;
    }

    /// Applies one packet.
    ///
    /// # Errors
    /// A [`ReceiveError`] saying why the packet was not applied.
    pub fn apply(&mut self, packet: &Packet) -> Result<(), ReceiveError> {
        if self.locked {
            return Err(ReceiveError::Locked {
                rule: self.rule.clone(),
            });
        }
        if packet.sequence != self.next {
            return Err(ReceiveError::OutOfOrder {
                expected: self.next,
                got: packet.sequence,
            });
        }
        let path = self.target.join(&packet.file);
        let mut file = OpenOptions::new()
            .create(true)
            .append(true)
            .open(&path)
            .map_err(|source| ReceiveError::Open {
                path: path.clone(),
                source,
            })?;
        file.write_all(&packet.data).map_err(ReceiveError::Write)?;
        let sum = self.sums.entry(packet.file.clone()).or_insert(0);
        *sum = checksum(*sum, &packet.data);
        self.next += 1;
        match packet.checksum {
            Some(expected) if expected != *sum => Err(ReceiveError::Checksum { path }),
            _ => Ok(()),
        }
    }
}

/// A simple rolling checksum, standing in for the product's.
pub fn checksum(mut sum: u32, data: &[u8]) -> u32 {
    for &byte in data {
        sum = sum.rotate_left(5) ^ u32::from(byte);
    }
    sum
}
