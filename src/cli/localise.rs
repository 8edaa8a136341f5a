//! The command line in Indonesian: every about, help, heading and error
//! clap lets a program set, from the strings' [`Usage`] tables.

use super::report_args::HTML;
use crate::i18n::{Lang, Usage, fill};

/// One argument's help in Indonesian (`help`, else clap's own), under the
/// Indonesian heading, with its default and possible values said in
/// Indonesian instead of by clap.
fn localise_arg(a: clap::Arg, help: Option<&str>, u: &'static Usage) -> clap::Arg {
    let heading = if a.get_help_heading() == Some(HTML) {
        u.html_heading
    } else if a.is_positional() {
        u.arguments_heading
    } else {
        u.options_heading
    };
    let mut text = help.map_or_else(
        || a.get_help().map(|h| h.to_string()).unwrap_or_default(),
        str::to_string,
    );
    let defaults: Vec<String> = a
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    let mut a = a;
    if !defaults.is_empty() && !a.is_hide_default_value_set() {
        text.push(' ');
        text.push_str(&fill(u.default_value, &[&defaults.join(", ")]));
        a = a.hide_default_value(true);
    }
    let values: Vec<String> = a
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect();
    if !values.is_empty() && !a.is_hide_possible_values_set() && a.get_action().takes_values() {
        text.push(' ');
        text.push_str(&fill(u.possible_values, &[&values.join(", ")]));
        a = a.hide_possible_values(true);
    }
    a.help(text).long_help(None).help_heading(heading)
}

pub(super) fn localise(mut cmd: clap::Command, path: &str, u: &'static Usage) -> clap::Command {
    use clap::{Arg, ArgAction};
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        u.usage_heading
    );
    cmd = cmd
        .help_template(template)
        .subcommand_help_heading(u.commands_heading)
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(u.help_flag)
                .help_heading(u.options_heading),
        );
    if path.is_empty() {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(u.version_flag)
                .help_heading(u.options_heading),
        );
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .filter(|id| id != "help" && id != "version")
        .collect();
    for id in ids {
        let help = u
            .args
            .iter()
            .find(|(p, i, _)| *p == path && *i == id)
            .or_else(|| u.args.iter().find(|(p, i, _)| *p == "*" && *i == id))
            .map(|(_, _, h)| *h);
        cmd = cmd.mut_arg(&id, |a| localise_arg(a, help, u));
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        let sub_path = if path.is_empty() {
            name.clone()
        } else {
            format!("{path} {name}")
        };
        let about = u
            .commands
            .iter()
            .find(|(p, _)| *p == sub_path)
            .map(|(_, a)| *a);
        cmd = cmd.mut_subcommand(&name, |s| {
            let mut s = match about {
                Some(about) => s.about(about).long_about(None),
                None => s,
            };
            s = match name.as_str() {
                "set" => s.after_help(crate::i18n::set_help(Lang::Id)),
                "merge-driver" => s.after_help(u.merge_driver_after_help),
                "import" => s.after_help(u.import_after_help),
                _ => s,
            };
            localise(s, &sub_path, u)
        });
    }
    cmd
}

/// A usage error as clap writes it, in `lang`: in Indonesian for the errors
/// a person makes at the keyboard (an unknown option or command, a bad or
/// missing value, with clap's "did you mean"), clap's own words otherwise.
pub fn render_error(e: &clap::Error, lang: Lang) -> String {
    use clap::error::{ContextKind as C, ErrorKind as K};
    if lang == Lang::En
        || matches!(
            e.kind(),
            K::DisplayHelp | K::DisplayVersion | K::DisplayHelpOnMissingArgumentOrSubcommand
        )
    {
        return e.render().to_string();
    }
    let t = lang.text();
    let u = &t.usage;
    let Some(message) = usage_message(e, u) else {
        return e.render().to_string();
    };
    let list = |kind| context_list(e, kind);
    let mut out = format!("{}: {message}\n", t.error);
    let mut tips: Vec<String> = Vec::new();
    for (kind, template) in [
        (C::SuggestedSubcommand, u.e_similar_command),
        (C::SuggestedArg, u.e_similar_argument),
        (C::SuggestedValue, u.e_similar_value),
    ] {
        let near = list(kind);
        if !near.is_empty() {
            tips.push(fill(template, &[&near.join("', '")]));
        }
    }
    // clap's other tips (`-- --x` to pass a value that looks like an option).
    tips.extend(list(C::Suggested));
    if !tips.is_empty() {
        out.push('\n');
        for tip in tips {
            out.push_str(&format!("  {}: {tip}\n", u.e_tip));
        }
    }
    if let Some(usage) = context(e, C::Usage) {
        let usage = match usage.strip_prefix("Usage:") {
            Some(rest) => format!("{}{rest}", u.usage_heading),
            None => usage,
        };
        out.push_str(&format!("\n{usage}\n"));
    }
    out.push_str(&format!("\n{}\n", fill(u.e_more_info, &[&"--help"])));
    out
}

/// A value clap gives with its error (the argument, the value), as text.
fn context(e: &clap::Error, kind: clap::error::ContextKind) -> Option<String> {
    use clap::error::ContextValue as V;
    match e.get(kind) {
        Some(V::String(s)) => Some(s.clone()),
        Some(V::Strings(v)) => Some(v.join(", ")),
        Some(V::StyledStr(s)) => Some(s.to_string()),
        _ => None,
    }
}

/// The values clap gives with its error (the valid ones, the near ones).
fn context_list(e: &clap::Error, kind: clap::error::ContextKind) -> Vec<String> {
    use clap::error::ContextValue as V;
    match e.get(kind) {
        Some(V::Strings(v)) => v.clone(),
        Some(V::String(s)) => vec![s.clone()],
        Some(V::StyledStrs(v)) => v.iter().map(ToString::to_string).collect(),
        _ => Vec::new(),
    }
}

/// What went wrong, in Indonesian, for the errors a person makes at the
/// keyboard; `None` for the rest, which clap words itself.
fn usage_message(e: &clap::Error, u: &Usage) -> Option<String> {
    use clap::error::{ContextKind as C, ErrorKind as K};
    let get = |kind| context(e, kind);
    let list = |kind| context_list(e, kind);
    match e.kind() {
        K::UnknownArgument => get(C::InvalidArg).map(|a| fill(u.e_unknown_argument, &[&a])),
        K::InvalidSubcommand => {
            get(C::InvalidSubcommand).map(|a| fill(u.e_invalid_subcommand, &[&a]))
        }
        K::InvalidValue | K::ValueValidation => match (get(C::InvalidArg), get(C::InvalidValue)) {
            (Some(arg), Some(value)) if value.is_empty() && e.kind() == K::InvalidValue => {
                Some(fill(u.e_value_required, &[&arg]))
            }
            (Some(arg), Some(value)) => {
                let mut m = fill(u.e_invalid_value, &[&value, &arg]);
                if let Some(source) = std::error::Error::source(e) {
                    m.push_str(&format!(": {source}"));
                }
                let valid = list(C::ValidValue);
                if !valid.is_empty() {
                    m.push_str("\n  ");
                    m.push_str(&fill(u.possible_values, &[&valid.join(", ")]));
                }
                Some(m)
            }
            _ => None,
        },
        K::MissingRequiredArgument => {
            let missing = list(C::InvalidArg);
            (!missing.is_empty()).then(|| format!("{}\n  {}", u.e_missing, missing.join("\n  ")))
        }
        K::ArgumentConflict => match (get(C::InvalidArg), get(C::PriorArg)) {
            (Some(arg), Some(prior)) => Some(fill(u.e_conflict, &[&arg, &prior])),
            _ => None,
        },
        K::TooManyValues => match (get(C::InvalidValue), get(C::InvalidArg)) {
            (Some(value), Some(arg)) => Some(fill(u.e_too_many, &[&value, &arg])),
            _ => None,
        },
        K::MissingSubcommand => Some(u.e_missing_command.to_string()),
        _ => None,
    }
}
