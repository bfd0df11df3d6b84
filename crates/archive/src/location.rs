//! Where an archive's index lives by default, and the corpus bundled with
//! the source tree.

use std::path::{Path, PathBuf};

/// The index directory: `explicit` if given (`--index`, `$REFERAT_INDEX`),
/// else `$XDG_DATA_HOME/referat/index`, else `~/.local/share/referat/index`,
/// else `.referat-index` in the working directory.
///
/// ```
/// let dir = referat_archive::location::resolve(Some(std::path::Path::new("/tmp/idx")));
/// assert_eq!(dir, std::path::Path::new("/tmp/idx"));
/// ```
pub fn resolve(explicit: Option<&Path>) -> PathBuf {
    if let Some(p) = explicit {
        return p.to_path_buf();
    }
    let data_home = std::env::var_os("XDG_DATA_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME")
                .filter(|v| !v.is_empty())
                .map(|h| PathBuf::from(h).join(".local").join("share"))
        });
    match data_home {
        Some(d) => d.join("referat").join("index"),
        None => PathBuf::from(".referat-index"),
    }
}

/// The corpus bundled with the source tree, if this library was built from
/// one that still exists.
pub fn bundled_corpus() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("..")
        .join("corpus");
    p.is_dir().then(|| p.canonicalize().unwrap_or(p))
}

/// Whether an index has been created at `dir`.
pub fn exists(dir: &Path) -> bool {
    dir.join("meta.json").is_file()
}
