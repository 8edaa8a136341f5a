//! Who is saving: the login of the real user id, from the system's user
//! database (`getpwuid_r`: files, LDAP, SSSD alike), never an environment
//! variable a colleague can set; under sudo, the officer behind it. The SSH
//! address is what the session claims (`SSH_CONNECTION`), recorded as such.

use super::safe;

/// Who is saving.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Who {
    /// The login, from the real user id (`sari`, or `sari (sudo)` behind sudo).
    pub user: String,
    /// A name the officer gave (`--officer`, `PANTAU_OFFICER`), for offices
    /// that share one login; recorded beside the login, never instead of it.
    pub officer: String,
    /// The client address the SSH session claims, or `local`.
    pub from: String,
    /// Local time of the save, RFC 3339 with offset.
    pub when: String,
}

impl Who {
    /// This process's officer (the process edge calls this).
    pub fn from_env(env: impl Fn(&str) -> Option<String>, when: String) -> Who {
        Who::from_ids(safe::real_uid(), safe::effective_uid(), env, when)
    }

    /// This process's officer, saving at `when`, under `officer` when the
    /// settings give a name.
    pub fn named(officer: Option<&str>, when: String) -> Who {
        let mut who = Who::from_env(|k| std::env::var(k).ok(), when);
        if let Some(officer) = officer {
            who.officer = officer.to_string();
        }
        who
    }

    /// From the user ids and the environment: `SUDO_USER` counts only when
    /// pantau really runs under sudo (effective root, and `SUDO_UID` is that
    /// user's id); `USER` and `LOGNAME` never count.
    pub fn from_ids(
        uid: u32,
        euid: u32,
        env: impl Fn(&str) -> Option<String>,
        when: String,
    ) -> Who {
        let set = |k: &str| env(k).filter(|v| !v.is_empty());
        let user = match sudo_officer(euid, &env) {
            Some((name, _)) => format!("{name} (sudo)"),
            None => user_name(uid).unwrap_or_else(|| format!("uid {uid}")),
        };
        // SSH_CONNECTION is "address port address port"; SSH_CLIENT "address port port".
        let from = set("SSH_CONNECTION")
            .or_else(|| set("SSH_CLIENT"))
            .and_then(|v| v.split_whitespace().next().map(String::from))
            .unwrap_or_else(|| "local".into());
        let officer = set("PANTAU_OFFICER").unwrap_or_default();
        Who {
            user,
            officer,
            from,
            when,
        }
    }
}

/// The officer behind sudo, and their user id: `SUDO_USER` counts only
/// when pantau really runs under sudo (effective root, and `SUDO_UID` is
/// that login's id).
pub fn sudo_officer(euid: u32, env: impl Fn(&str) -> Option<String>) -> Option<(String, u32)> {
    let set = |k: &str| env(k).filter(|v| !v.is_empty());
    match (euid, set("SUDO_USER"), set("SUDO_UID")) {
        (0, Some(name), Some(id)) => {
            let id: u32 = id.parse().ok()?;
            (user_id(&name) == Some(id)).then_some((name, id))
        }
        _ => None,
    }
}

/// The login of user id `uid`, from the system's user database (files,
/// LDAP, SSSD: whatever `getpwuid_r` consults).
pub fn user_name(uid: u32) -> Option<String> {
    lookup(|pwd, buf, result| {
        // SAFETY: every pointer is to storage alive for the call, `buf` of
        // the length passed; getpwuid_r writes only within them.
        unsafe { libc::getpwuid_r(uid, pwd, buf.as_mut_ptr(), buf.len(), result) }
    })
    .map(|(name, _)| name)
}

/// The user id of login `name`, from the system's user database.
pub fn user_id(name: &str) -> Option<u32> {
    let c = std::ffi::CString::new(name).ok()?;
    lookup(|pwd, buf, result| {
        // SAFETY: as in `user_name`; `c` is NUL-terminated and outlives the call.
        unsafe { libc::getpwnam_r(c.as_ptr(), pwd, buf.as_mut_ptr(), buf.len(), result) }
    })
    .map(|(_, uid)| uid)
}

/// The name of group id `gid`, from the system's group database (files,
/// LDAP, SSSD: whatever `getgrgid_r` consults).
pub fn group_name(gid: u32) -> Option<String> {
    let mut size = 1024;
    loop {
        let mut buf = vec![0 as libc::c_char; size];
        // SAFETY: group is plain data; all-zero is a valid value to overwrite.
        let mut grp: libc::group = unsafe { std::mem::zeroed() };
        let mut result: *mut libc::group = std::ptr::null_mut();
        // SAFETY: every pointer is to storage alive for the call, `buf` of
        // the length passed; getgrgid_r writes only within them.
        let rc =
            unsafe { libc::getgrgid_r(gid, &mut grp, buf.as_mut_ptr(), buf.len(), &mut result) };
        match rc {
            libc::ERANGE if size < 1 << 20 => size *= 4,
            0 if !result.is_null() && !grp.gr_name.is_null() => {
                // SAFETY: on success gr_name points to a NUL-terminated
                // string inside `buf`, which is still alive.
                let name = unsafe { std::ffi::CStr::from_ptr(grp.gr_name) };
                return Some(name.to_string_lossy().into_owned());
            }
            _ => return None,
        }
    }
}

/// Runs a reentrant passwd lookup with a buffer that grows while the
/// system says it is too small; the login and id found, if any.
fn lookup(
    call: impl Fn(*mut libc::passwd, &mut [libc::c_char], *mut *mut libc::passwd) -> libc::c_int,
) -> Option<(String, u32)> {
    let mut size = 1024;
    loop {
        let mut buf = vec![0 as libc::c_char; size];
        // SAFETY: passwd is plain data; all-zero is a valid value to overwrite.
        let mut pwd: libc::passwd = unsafe { std::mem::zeroed() };
        let mut result: *mut libc::passwd = std::ptr::null_mut();
        match call(&mut pwd, &mut buf, &mut result) {
            libc::ERANGE if size < 1 << 20 => size *= 4,
            0 if !result.is_null() && !pwd.pw_name.is_null() => {
                // SAFETY: on success pw_name points to a NUL-terminated
                // string inside `buf`, which is still alive.
                let name = unsafe { std::ffi::CStr::from_ptr(pwd.pw_name) };
                return Some((name.to_string_lossy().into_owned(), pwd.pw_uid));
            }
            _ => return None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::tests::env;

    #[test]
    fn group_names_come_from_the_system_group_database() {
        // gid 0 is root's group on every Unix this runs on; an id no group
        // has gives nothing, and doctor then prints the number.
        assert_eq!(group_name(0).as_deref(), Some("root"));
        assert_eq!(group_name(u32::MAX - 7), None);
    }

    #[test]
    fn who_is_the_real_user_whatever_the_environment_claims() {
        let forged = env(&[
            ("SUDO_USER", "andi"),
            ("SUDO_UID", "1000"),
            ("USER", "andi"),
            ("LOGNAME", "andi"),
            ("SSH_CLIENT", "10.9.9.9 1 22"),
        ]);
        // Not running as root: SUDO_USER and USER are just text someone set.
        let who = Who::from_ids(0xfff0, 0xfff0, &forged, String::new());
        assert_eq!(
            who.user, "uid 65520",
            "the real user id, named from /etc/passwd"
        );
        assert_eq!(
            who.from, "10.9.9.9",
            "the address, as the session claims it"
        );
        // Under sudo, the officer behind it, when SUDO_UID is that login's id.
        let root = user_id("root").unwrap_or(0);
        let sudo = env(&[("SUDO_USER", "root"), ("SUDO_UID", "0")]);
        assert_eq!(
            Who::from_ids(root, 0, &sudo, String::new()).user,
            "root (sudo)"
        );
        let mismatched = env(&[("SUDO_USER", "root"), ("SUDO_UID", "4242")]);
        assert_eq!(Who::from_ids(0, 0, &mismatched, String::new()).user, "root");
        let named = env(&[("PANTAU_OFFICER", "Sari")]);
        let who = Who::from_ids(0, 0, &named, String::new());
        assert_eq!((who.user.as_str(), who.officer.as_str()), ("root", "Sari"));
    }
}
