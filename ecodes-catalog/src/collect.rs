//! One way to collect errors: every problem is gathered, then handed over at once.

use core::fmt;

/// Collects errors while the work goes on, so that all of them are reported together rather
/// than only the first.
///
/// The catalog parser collects [`Problem`](crate::Problem)s with it, and the ecodes macros
/// collect `syn::Error`s (which they combine into one compile error per problem). Whoever
/// collects must hand the errors over: [`Collector::into_vec`] (or iterating the collector by
/// value) takes them out.
///
/// # Panics
///
/// Dropping a collector that still holds errors panics: they were collected to be reported,
/// and losing them silently is a bug in the caller. An empty collector may be dropped, and the
/// check is skipped while the thread is already panicking, so that it does not turn a panic
/// into an abort. This is `serde_derive`'s `Ctxt`, without its `syn`.
///
/// ```
/// use ecodes_catalog::{Collector, Problem};
///
/// let mut problems = Collector::new();
/// problems.push(Problem::at(3, "empty name"));
/// let before = problems.len();
/// // `record` keeps a success's value, and collects a failure's error.
/// let code: Option<u32> = problems.record("35x0".parse().map_err(|_| Problem::at(2, "bad code")));
/// assert_eq!(code, None);
/// assert!(problems.len() > before);
///
/// let mut problems = problems.into_vec();
/// problems.sort_by_key(|problem| problem.line());
/// assert_eq!(problems, [Problem::at(2, "bad code"), Problem::at(3, "empty name")]);
/// ```
#[must_use = "collected errors must be handed over with `into_vec`, or dropping them panics"]
pub struct Collector<E> {
    /// Emptied when the errors are handed over, which is what lets the collector drop.
    errors: Vec<E>,
}

impl<E> Collector<E> {
    /// An empty collector.
    pub fn new() -> Self {
        Collector { errors: Vec::new() }
    }

    /// Collects one error.
    pub fn push(&mut self, error: E) {
        self.errors.push(error);
    }

    /// The value of `result` if it is a success; otherwise collects its error and gives `None`.
    pub fn record<T>(&mut self, result: Result<T, E>) -> Option<T> {
        result.map_err(|error| self.push(error)).ok()
    }

    /// How many errors have been collected so far.
    pub fn len(&self) -> usize {
        self.errors.len()
    }

    /// Whether no error has been collected so far.
    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    /// Hands the collected errors over, in the order they were collected; the collector is
    /// checked.
    pub fn into_vec(mut self) -> Vec<E> {
        core::mem::take(&mut self.errors)
    }
}

impl<E> Default for Collector<E> {
    fn default() -> Self {
        Collector::new()
    }
}

impl<E> From<Vec<E>> for Collector<E> {
    /// A collector that starts with `errors`, such as those an earlier pass found.
    fn from(errors: Vec<E>) -> Self {
        Collector { errors }
    }
}

impl<E> Extend<E> for Collector<E> {
    fn extend<I: IntoIterator<Item = E>>(&mut self, errors: I) {
        self.errors.extend(errors);
    }
}

impl<E> FromIterator<E> for Collector<E> {
    fn from_iter<I: IntoIterator<Item = E>>(errors: I) -> Self {
        Collector {
            errors: errors.into_iter().collect(),
        }
    }
}

impl<E> IntoIterator for Collector<E> {
    type Item = E;
    type IntoIter = std::vec::IntoIter<E>;

    /// Hands the collected errors over, as [`Collector::into_vec`] does.
    fn into_iter(self) -> Self::IntoIter {
        self.into_vec().into_iter()
    }
}

impl<E: fmt::Debug> fmt::Debug for Collector<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Collector").field(&self.errors).finish()
    }
}

impl<E> Drop for Collector<E> {
    fn drop(&mut self) {
        assert!(
            self.errors.is_empty() || std::thread::panicking(),
            "{} collected error(s) dropped without being handed over; call `into_vec`",
            self.errors.len()
        );
    }
}

#[cfg(test)]
mod tests {
    use std::panic::catch_unwind;

    use super::*;

    #[test]
    fn hands_over_every_error_in_the_order_collected() {
        let mut errors = Collector::from(vec!["first"]);
        errors.push("second");
        errors.extend(["third", "fourth"]);
        assert_eq!(errors.len(), 4);
        assert!(!errors.is_empty());
        assert_eq!(errors.into_vec(), ["first", "second", "third", "fourth"]);
    }

    #[test]
    fn record_keeps_values_and_collects_errors() {
        let mut errors = Collector::new();
        assert_eq!(errors.record(Ok::<u32, &str>(1)), Some(1));
        assert!(errors.is_empty());
        assert_eq!(errors.record(Err::<u32, _>("bad")), None);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors.into_iter().collect::<Vec<_>>(), ["bad"]);
    }

    #[test]
    fn collects_from_an_iterator_and_shows_its_errors() {
        let errors: Collector<u8> = [1, 2].into_iter().collect();
        assert_eq!(format!("{errors:?}"), "Collector([1, 2])");
        assert_eq!(errors.into_vec(), [1, 2]);
    }

    #[test]
    #[should_panic = "1 collected error(s) dropped without being handed over; call `into_vec`"]
    fn dropping_unchecked_errors_panics() {
        let mut errors = Collector::default();
        errors.push("lost");
        drop(errors);
    }

    #[test]
    fn an_empty_or_checked_collector_drops_quietly() {
        drop(Collector::<&str>::new());
        drop(Collector::<&str>::default());
        let mut errors = Collector::new();
        errors.push("reported");
        assert_eq!(errors.into_vec(), ["reported"]);
        let mut errors = Collector::new();
        errors.push("reported");
        errors.into_iter().for_each(drop);
    }

    #[test]
    fn unchecked_errors_do_not_panic_again_during_a_panic() {
        let result = catch_unwind(|| {
            let mut errors = Collector::new();
            errors.push("lost");
            panic!("the first panic");
        });
        let panic = result.unwrap_err();
        assert_eq!(panic.downcast_ref::<&str>(), Some(&"the first panic"));
    }
}
