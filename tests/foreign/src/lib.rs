//! The generated API, `#[derive(ErrorCode)]` and `ecode!` over real catalogs that nobody here
//! wrote (`tests/fixtures/catalogs`, whose README says where each came from): the C library's
//! errno table, HTTP statuses, `MariaDB`'s server and client errors, and gRPC statuses.
//!
//! Building this crate is half the test; the tests below check every row of every catalog
//! against what the catalog library reads from the same file.
//!
//! `layouts/` adds five small synthetic catalogs, one per way the generated tables can find a
//! code (per-subsystem tables, found through a table of every code's subsystem or through a
//! search over the subsystems; a catalog-wide dense table; a binary search over runs, with or
//! without a bucket index), so that every accessor is checked on every layout. The real
//! catalogs above all take the first.

/// glibc's errno table; the C symbols are aliases (`EAGAIN EWOULDBLOCK`).
pub mod errno {
    ecodes::include_codes!("errno.csv");
}

/// HTTP statuses, by class.
pub mod http {
    ecodes::include_codes!("http.csv");
}

/// `MariaDB`'s server and client errors, in English and Chinese, with retired rows. The crate's
/// default catalog (`[package.metadata.ecodes]`).
pub mod mariadb {
    ecodes::include_codes!("mariadb.csv");
}

/// gRPC's status codes, from 0.
pub mod grpc {
    ecodes::include_codes!("grpc.csv");
}

/// Windows' NTSTATUS values, in hex, grouped by their severity bits: `Success`,
/// `Informational`, `Warning` and `Error` (which must not clash with `TryFrom::Error`).
pub mod ntstatus {
    ecodes::include_codes!("ntstatus.csv");
}

/// Windows' HRESULT values, in hex: `Success` and `Error`.
pub mod hresult {
    ecodes::include_codes!("hresult.csv");
}

/// libgit2's error codes: negative, so the key type is `i32`.
pub mod libgit2 {
    ecodes::include_codes!("libgit2.csv");
}

/// zlib's return codes, negative and positive.
pub mod zlib {
    ecodes::include_codes!("zlib.csv");
}

/// The SQLSTATEs of `PostgreSQL`: five letters and digits (`22P02`, `00000`), one subsystem per class.
pub mod sqlstate {
    ecodes::include_codes!("sqlstate.csv");
}

/// A few Oracle codes with their prefix (`ORA-00942`), the prefixed notation. Oracle's tables
/// are not on this machine: the six rows were typed from the public "Database Error Messages"
/// reference (code and message text only).
pub mod oracle {
    ecodes::include_codes!("oracle.csv");
}

/// Synthetic catalogs, one per table layout.
pub mod layouts {
    /// Three subsystems with ranges of their own, not in code order, with gaps: per-subsystem
    /// tables.
    pub mod grouped {
        ecodes::include_codes!("layouts/grouped.csv");
    }

    /// Three subsystems with ranges of their own, billions apart: per-subsystem tables, with a
    /// search over the subsystems instead of a table of every code's subsystem.
    pub mod far_groups {
        ecodes::include_codes!("layouts/far_groups.csv");
    }

    /// Two subsystems interleaved over a short span: the catalog-wide dense table.
    pub mod interleaved_dense {
        ecodes::include_codes!("layouts/interleaved_dense.csv");
    }

    /// Two subsystems interleaved over 240 runs: the binary search over runs, narrowed by a
    /// bucket index.
    pub mod indexed_runs {
        ecodes::include_codes!("layouts/indexed_runs.csv");
    }

    /// Two subsystems interleaved and far apart, up to `u32::MAX`: the binary search over runs.
    pub mod interleaved_sparse {
        ecodes::include_codes!("layouts/interleaved_sparse.csv");
    }
}

/// An error type of a program that uses errno, with a code in every form.
#[derive(Debug, ecodes::ErrorCode)]
#[ecode(catalog = "errno.csv", module = crate::errno)]
pub enum IoError {
    /// An alias that shares its number with `EAGAIN`.
    #[ecode(EWOULDBLOCK)]
    WouldBlock,
    /// An alias after the subsystem.
    #[ecode(Errno::EACCES)]
    Denied,
    /// A number.
    #[ecode(2)]
    NotFound,
    /// A hexadecimal number: 110.
    #[ecode(0x6E)]
    TimedOut,
    /// A name.
    #[ecode(ResourceDeadlockAvoided)]
    Deadlock,
}

/// An error of a database client, checked against the crate's default catalog.
#[derive(Debug, ecodes::ErrorCode)]
pub enum DbError {
    /// `ER_DUP_ENTRY`.
    #[ecode(ER_DUP_ENTRY)]
    Duplicate,
    /// With leading zeros, as `MySQL` 8 logs print it (`MY-001146`).
    #[ecode(01146)]
    NoSuchTable,
    /// A client error.
    #[ecode(Client::ConnectionError)]
    Connect,
}

/// A gRPC failure, on a struct.
#[derive(Debug, ecodes::ErrorCode)]
#[ecode(catalog = "grpc.csv", module = crate::grpc)]
#[ecode(UNAVAILABLE)]
pub struct Unavailable;

/// A Windows error, by hex code and by C symbol.
#[derive(Debug, ecodes::ErrorCode)]
#[ecode(catalog = "ntstatus.csv", module = crate::ntstatus)]
pub enum WindowsError {
    /// A hex literal, as written.
    #[ecode(0xC0000005)]
    Access,
    /// The C symbol.
    #[ecode(STATUS_PENDING)]
    Pending,
}

/// A libgit2 error, by negative code.
#[derive(Debug, ecodes::ErrorCode)]
#[ecode(catalog = "libgit2.csv", module = crate::libgit2)]
pub enum GitError {
    /// A negative literal.
    #[ecode(-3)]
    NotFound,
    /// A string.
    #[ecode("-4")]
    Exists,
}

/// Database errors, by SQLSTATE.
#[derive(Debug, ecodes::ErrorCode)]
#[ecode(catalog = "sqlstate.csv", module = crate::sqlstate)]
pub enum SqlError {
    /// A SQLSTATE of digits, as a string.
    #[ecode("23505")]
    Unique,
    /// A SQLSTATE with a letter, as a string.
    #[ecode("22P02")]
    BadText,
}

/// An Oracle error, by its prefixed code, written as tokens.
#[derive(Debug, ecodes::ErrorCode)]
#[ecode(catalog = "oracle.csv", module = crate::oracle)]
#[ecode(ORA-00942)]
pub struct NoTable;

/// `ecode!` takes a hex literal in a pattern.
pub fn is_access_violation(status: ntstatus::Error) -> bool {
    matches!(
        status,
        ecodes::ecode!(
            0xC0000005,
            catalog = "ntstatus.csv",
            module = crate::ntstatus
        )
    )
}

/// `ecode!` takes a negative literal in a pattern.
pub fn is_not_found(code: libgit2::Git) -> bool {
    matches!(
        code,
        ecodes::ecode!(-3, catalog = "libgit2.csv", module = crate::libgit2)
    )
}

/// `ecode!` takes a SQLSTATE as a string.
pub fn is_unique_violation(code: sqlstate::IntegrityConstraintViolation) -> bool {
    matches!(
        code,
        ecodes::ecode!("23505", catalog = "sqlstate.csv", module = crate::sqlstate)
    )
}

/// What a retry policy does with a status: alias constants and `ecode!` work in patterns.
pub fn retries(status: http::Code) -> bool {
    use http::{Code, ServerError};
    matches!(
        status,
        Code::ServerError(ServerError::SERVICE_UNAVAILABLE | ServerError::GATEWAY_TIMEOUT)
            | Code::ClientError(ecodes::ecode!(
                429,
                catalog = "http.csv",
                module = crate::http
            ))
    )
}

#[cfg(test)]
mod tests;
