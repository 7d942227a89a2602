// A bare name that several subsystems use must be written with its subsystem.
#[derive(Debug, ecodes::ErrorCode)]
enum SnapshotError {
    #[ecode(DeleteSnapshot)]
    Delete,
}

fn main() {}
