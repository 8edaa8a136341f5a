//! The configuration file: what is wrong in it, and `pantau config`.

/// The configuration file: what is wrong in it, and `pantau config`.
pub struct Config {
    /// `{0}`: a language given in the file.
    pub unknown_lang: &'static str,
    /// `{0}`: a colour, `{1}`: the colours there are.
    pub unknown_colour: &'static str,
    /// `{0}`: a role, `{1}`: the roles there are.
    pub unknown_role: &'static str,
    /// `{0}`: an action, `{1}`: the actions there are.
    pub unknown_action: &'static str,
    /// `{0}`: what was written as a key.
    pub bad_key: &'static str,
    pub alt_key: &'static str,
    pub shift_char: &'static str,
    /// `{0}`: the key written, `{1}`: the key a terminal sends for it.
    pub same_key: &'static str,
    /// `{0}`: an action named twice.
    pub duplicate_action: &'static str,
    /// `{0}`: an action given an empty list.
    pub no_keys: &'static str,
    /// `{0}`: the key, `{1}`: the action given it, `{2}`: what it does already.
    pub collision: &'static str,
    pub not_used_hint: &'static str,
    /// `pantau config`: `{0}` the file.
    pub c_file: &'static str,
    pub c_file_missing: &'static str,
    pub c_file_bad: &'static str,
    pub c_setting: &'static str,
    pub c_value: &'static str,
    pub c_from: &'static str,
    /// `{0}`: the flag, e.g. `--lang`.
    pub c_from_flag: &'static str,
    /// `{0}`: the variable and its value, `LANG=id_ID.UTF-8`.
    pub c_from_env: &'static str,
    pub c_from_default: &'static str,
    pub c_none: &'static str,
    pub c_login_only: &'static str,
    /// `numbers` unset: `{0}` the language that decides.
    pub c_numbers_lang: &'static str,
    pub c_yes: &'static str,
    pub c_no: &'static str,
    pub c_keys: &'static str,
}
