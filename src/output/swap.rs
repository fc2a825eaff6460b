//! The one-step swap of the published output: a new symlink renamed over
//! the old one (`rename` replaces it atomically). An output folder that is
//! still a real folder (written before versions existed) is exchanged with
//! the link by `renameat2(RENAME_EXCHANGE)` on Linux; elsewhere, or on a
//! file system without it, it is moved aside first, the only case with a
//! moment without a site.

use std::io;
use std::path::Path;

/// A symlink at `link` to the folder `to` (relative to the link's folder).
pub fn symlink_dir(to: &Path, link: &Path) -> io::Result<()> {
    #[cfg(unix)]
    return std::os::unix::fs::symlink(to, link);
    #[cfg(windows)]
    return std::os::windows::fs::symlink_dir(to, link);
    #[cfg(not(any(unix, windows)))]
    return Err(io::Error::new(
        io::ErrorKind::Unsupported,
        format!("symlinks are not supported here ({})", link.display()),
    ));
}

/// Puts the symlink `link` at `target`, replacing what is there.
pub fn replace(link: &Path, target: &Path) -> io::Result<()> {
    let real_dir = std::fs::symlink_metadata(target).is_ok_and(|m| m.is_dir());
    if !real_dir {
        #[cfg(windows)]
        if target.exists() {
            std::fs::remove_dir(target)?;
        }
        return std::fs::rename(link, target);
    }
    if exchange(link, target)? {
        // `link` now names the old folder.
        return std::fs::remove_dir_all(link);
    }
    let aside = link.with_extension("old");
    std::fs::rename(target, &aside)?;
    std::fs::rename(link, target)?;
    std::fs::remove_dir_all(&aside)
}

/// Swaps the two paths in one step; `Ok(false)` when the system cannot.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<bool> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let c = |p: &Path| {
        CString::new(p.as_os_str().as_bytes()).map_err(|e| io::Error::other(e.to_string()))
    };
    let (ca, cb) = (c(a)?, c(b)?);
    // SAFETY: both paths are valid NUL-terminated strings that outlive the call.
    let rc = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            ca.as_ptr(),
            libc::AT_FDCWD,
            cb.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if rc == 0 {
        return Ok(true);
    }
    let e = io::Error::last_os_error();
    match e.raw_os_error() {
        Some(libc::EINVAL | libc::ENOSYS | libc::EOPNOTSUPP) => Ok(false),
        _ => Err(e),
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_a: &Path, _b: &Path) -> io::Result<bool> {
    Ok(false)
}
