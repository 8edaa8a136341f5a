//! The command line's own help and usage errors (clap's words), for
//! `--help` and a mistyped command in the officer's language. English is
//! what `src/cli/` says; the tables give the help of each command and
//! option in the other language, and a test checks they name every one.

/// The command line's help and usage errors.
pub struct Usage {
    pub about: &'static str,
    pub after_help: &'static str,
    /// `pantau set --help` after the options; `{0}`: every field `set`
    /// takes, one line per list, from the schema.
    pub set_help: &'static str,
    pub import_after_help: &'static str,
    pub merge_driver_after_help: &'static str,
    pub usage_heading: &'static str,
    pub options_heading: &'static str,
    pub arguments_heading: &'static str,
    pub commands_heading: &'static str,
    pub html_heading: &'static str,
    pub help_flag: &'static str,
    pub version_flag: &'static str,
    /// `{0}`: the default value(s).
    pub default_value: &'static str,
    /// `{0}`: the values, comma-separated.
    pub possible_values: &'static str,
    /// `{0}`: an argument given that no command takes.
    pub e_unknown_argument: &'static str,
    /// `{0}`: a word that is no command.
    pub e_invalid_subcommand: &'static str,
    /// `{0}`: the value, `{1}`: the option.
    pub e_invalid_value: &'static str,
    /// `{0}`: the option that needs a value.
    pub e_value_required: &'static str,
    /// `{0}`: the values that could be given.
    pub e_values_are: &'static str,
    /// The required arguments missing are listed after it.
    pub e_missing: &'static str,
    /// `{0}`: an option, `{1}`: the one it cannot go with.
    pub e_conflict: &'static str,
    /// `{0}`: a value too many, `{1}`: the option.
    pub e_too_many: &'static str,
    pub e_missing_command: &'static str,
    pub e_tip: &'static str,
    /// `{0}`: a command near the one typed.
    pub e_similar_command: &'static str,
    /// `{0}`: an option near the one typed.
    pub e_similar_argument: &'static str,
    /// `{0}`: a value near the one typed.
    pub e_similar_value: &'static str,
    /// `{0}`: `--help`.
    pub e_more_info: &'static str,
    /// `{0}`: what was given, `{1}` and `{2}`: the narrowest and widest.
    pub e_not_width: &'static str,
    /// `{0}`: what was given.
    pub e_not_date: &'static str,
    /// Each command's about, by its path (`git setup`); empty in English,
    /// whose words are clap's own from `src/cli/`.
    pub commands: &'static [(&'static str, &'static str)],
    /// Each option's help, by command path (`""` for every command) and id.
    pub args: &'static [(&'static str, &'static str, &'static str)],
}

/// `pantau set --help`'s text after the options, in `lang`: the fields come
/// from the schema, so the help names every field `set` takes.
pub fn set_help(lang: super::Lang) -> String {
    use crate::plan::schema::{Item, ProgramField};
    let mut lines = Vec::new();
    let mut line = String::from(" ");
    for f in ProgramField::ALL {
        if line.len() + 1 + f.name().len() > 72 {
            lines.push(std::mem::replace(&mut line, String::from(" ")));
        }
        line.push(' ');
        line.push_str(f.name());
    }
    lines.push(line);
    lines.extend(
        Item::ALL
            .iter()
            .map(|i| format!("  {}.N.{}", i.name(), i.fields().join("|"))),
    );
    super::fill(lang.text().usage.set_help, &[&lines.join("\n")])
}
