//! The time budget of one file: a deadline the readers check in their loops,
//! so that no input — however it was crafted — keeps a worker busy for ever.
//! The other limits bound sizes; this one bounds what they cannot foresee.

use std::time::{Duration, Instant};

use crate::ReadError;

/// How many loop rounds pass between two looks at the clock: a look costs
/// tens of nanoseconds, a round (a content-stream operator, an XML event)
/// about as much, so the check stays under a percent of the work.
pub const CHECK_EVERY: usize = 4096;

/// When a file's time is up.
#[derive(Clone, Copy, Debug)]
pub struct Deadline {
    at: Option<Instant>,
    limit: Duration,
}

impl Deadline {
    /// A deadline `budget` from now; `None` never passes.
    ///
    /// ```
    /// use std::time::Duration;
    /// use referat_parser::budget::Deadline;
    /// assert!(Deadline::after(None).check().is_ok());
    /// assert!(Deadline::after(Some(Duration::ZERO)).check().is_err());
    /// ```
    pub fn after(budget: Option<Duration>) -> Deadline {
        let now = Instant::now();
        Deadline {
            at: budget.map(|b| {
                now.checked_add(b)
                    .unwrap_or(now + Duration::from_secs(86_400))
            }),
            limit: budget.unwrap_or(Duration::MAX),
        }
    }

    /// A deadline that never passes.
    pub fn none() -> Deadline {
        Deadline::after(None)
    }

    /// A deadline at `share` (0–1) of the time left to this one: a stage
    /// that may use most of the budget (OCR) ends early enough for the
    /// stages after it. A deadline that never passes gives one that never
    /// passes.
    ///
    /// ```
    /// use std::time::Duration;
    /// use referat_parser::budget::Deadline;
    /// assert!(!Deadline::none().share_of_rest(0.5).passed());
    /// assert!(Deadline::after(Some(Duration::ZERO)).share_of_rest(0.5).passed());
    /// ```
    pub fn share_of_rest(&self, share: f32) -> Deadline {
        let Some(at) = self.at else {
            return *self;
        };
        let now = Instant::now();
        let rest = at.saturating_duration_since(now);
        Deadline {
            at: Some(now + rest.mul_f32(share.clamp(0.0, 1.0))),
            limit: self.limit,
        }
    }

    /// Whether the time is up.
    pub fn passed(&self) -> bool {
        self.at.is_some_and(|at| Instant::now() >= at)
    }

    /// `Err(ReadError::TimedOut)` once the time is up.
    pub fn check(&self) -> Result<(), ReadError> {
        if self.passed() {
            Err(ReadError::TimedOut { limit: self.limit })
        } else {
            Ok(())
        }
    }

    /// [`Self::check`] on every [`CHECK_EVERY`]th round of a loop.
    pub fn check_every(&self, round: usize) -> Result<(), ReadError> {
        if round.is_multiple_of(CHECK_EVERY) {
            self.check()
        } else {
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_zero_budget_has_passed_and_says_its_limit() {
        let d = Deadline::after(Some(Duration::ZERO));
        assert!(d.passed());
        match d.check() {
            Err(ReadError::TimedOut { limit }) => assert_eq!(limit, Duration::ZERO),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_long_budget_has_not_passed() {
        let d = Deadline::after(Some(Duration::from_secs(3600)));
        assert!(!d.passed());
        assert!(d.check().is_ok());
        // A budget too large for the clock does not overflow.
        assert!(!Deadline::after(Some(Duration::MAX)).passed());
    }

    #[test]
    fn check_every_looks_only_at_multiples() {
        let d = Deadline::after(Some(Duration::ZERO));
        assert!(d.check_every(1).is_ok());
        assert!(d.check_every(CHECK_EVERY).is_err());
        assert!(d.check_every(0).is_err());
    }
}
