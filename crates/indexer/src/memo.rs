//! One value derived from data that can change, kept in memory while the
//! key of what it was made from stays the same: a server that answers many
//! requests with one open index or archive builds it once, and never serves
//! it staler than its key.

use std::sync::{Arc, Mutex};

/// One derived value and the key it was built for.
///
/// ```
/// let memo: referat_indexer::Memo<u32, String> = Default::default();
/// let v = memo.get_or_try(7, || Ok::<_, ()>("seven".to_string()));
/// assert_eq!(v.as_deref().map(String::as_str), Ok("seven"));
/// ```
pub struct Memo<K, T> {
    slot: Mutex<Option<(K, Arc<T>)>>,
}

impl<K, T> Default for Memo<K, T> {
    fn default() -> Self {
        Memo {
            slot: Mutex::new(None),
        }
    }
}

impl<K: PartialEq, T> Memo<K, T> {
    /// The value built for `key`, building it when the memo holds none or
    /// one for another key. Two callers racing may both build; the last
    /// one's value stays (both are right for `key`).
    pub fn get_or_try<E>(&self, key: K, build: impl FnOnce() -> Result<T, E>) -> Result<Arc<T>, E> {
        if let Ok(slot) = self.slot.lock() {
            if let Some((k, value)) = slot.as_ref() {
                if *k == key {
                    return Ok(Arc::clone(value));
                }
            }
        }
        let value = Arc::new(build()?);
        if let Ok(mut slot) = self.slot.lock() {
            *slot = Some((key, Arc::clone(&value)));
        }
        Ok(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_once_per_key_and_again_for_a_new_key() {
        let memo: Memo<u32, String> = Memo::default();
        let builds = std::cell::Cell::new(0);
        let get = |key: u32| {
            memo.get_or_try(key, || {
                builds.set(builds.get() + 1);
                Ok::<_, ()>(format!("v{key}"))
            })
        };
        assert_eq!(get(1).as_deref().ok().map(String::as_str), Some("v1"));
        assert_eq!(get(1).as_deref().ok().map(String::as_str), Some("v1"));
        assert_eq!(get(2).as_deref().ok().map(String::as_str), Some("v2"));
        assert_eq!(builds.get(), 2);
    }

    #[test]
    fn a_failed_build_is_not_kept() {
        let memo: Memo<u32, String> = Memo::default();
        assert!(memo.get_or_try(1, || Err::<String, _>("no")).is_err());
        let v = memo.get_or_try(1, || Ok::<_, &str>("yes".to_string()));
        assert_eq!(v.as_deref().map(String::as_str), Ok("yes"));
    }
}
