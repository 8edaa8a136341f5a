//! The one way pantau writes a plan: pretty RON with a fixed field order.
//!
//! Hand-written rather than `ron::ser` so that milestones and targets sit one
//! per line (a file people read and edit), every field is always present, and
//! the same plan always gives the same bytes — so loading and saving an
//! unchanged file leaves it byte-identical and diffs stay small.

use crate::plan::followup::FollowUp;
use crate::plan::model::{
    AspectScore, Budget, BudgetChange, Dimension, Evaluation, Evidence, FiscalPeriod, Milestone,
    OfficialResult, Plan, Program, SubActivity, Target,
};
use crate::plan::schema::{LISTS_AFTER, ProgramField, Value};
use std::fmt::Write;

const I1: &str = "    ";
const I2: &str = "        ";
const I3: &str = "            ";
const I4: &str = "                ";
const I5: &str = "                    ";
const I6: &str = "                        ";

/// Renders `plan` as canonical RON, with `preamble` (the comment lines that
/// opened the file, each ending in `\n`) kept at the top.
pub fn to_ron(plan: &Plan, preamble: &str) -> String {
    // Roughly 1 KB per programme; reserving avoids repeated regrowth on 10 MB plans.
    let mut out = String::with_capacity(preamble.len() + 1024 + plan.programs.len() * 1100);
    out.push_str(preamble);
    out.push_str("(\n");
    field_num(&mut out, I1, "version", plan.version);
    field_str(&mut out, I1, "region", &plan.region);
    // Only when set, so a file without them saves byte for byte as it was.
    if !plan.code.is_empty() {
        field_str(&mut out, I1, "code", &plan.code);
    }
    if !plan.province.is_empty() {
        field_str(&mut out, I1, "province", &plan.province);
    }
    field_str(&mut out, I1, "title", &plan.title);
    field_str(&mut out, I1, "vision", &plan.vision);
    let _ = writeln!(
        out,
        "{I1}period: (start: {}, end: {}),",
        plan.period.start, plan.period.end
    );
    // Only another regime than LKjIP's, so a file without it saves as it was.
    if !plan.bands.is_lkjip() {
        let _ = writeln!(out, "{I1}bands: {},", plan.bands.key());
    }
    out.push_str(I1);
    out.push_str("dimensions: [");
    if !plan.dimensions.is_empty() {
        out.push('\n');
        for dimension in &plan.dimensions {
            write_dimension(&mut out, dimension);
        }
        out.push_str(I1);
    }
    out.push_str("],\n");
    out.push_str(I1);
    out.push_str("programs: [");
    if !plan.programs.is_empty() {
        out.push('\n');
        for program in &plan.programs {
            write_program(&mut out, program);
        }
        out.push_str(I1);
    }
    out.push_str("],\n");
    // Only when there are some, so older files keep their bytes.
    write_followups(&mut out, &plan.followups, I1);
    // Only a plan that uses the evaluation has the section, so a version-1
    // file saves byte for byte as it was.
    if !plan.evaluation.is_empty() {
        write_evaluation(&mut out, &plan.evaluation);
    }
    out.push_str(")\n");
    out
}

fn write_evaluation(out: &mut String, e: &Evaluation) {
    out.push_str(I1);
    out.push_str("evaluation: (\n");
    if let Some(w) = e.weights {
        out.push_str(I2);
        out.push_str("weights: Some((baseline: ");
        number(out, w.baseline);
        out.push_str(", output: ");
        number(out, w.output);
        out.push_str(", outcome: ");
        number(out, w.outcome);
        out.push_str(", impact: ");
        number(out, w.impact);
        out.push_str(", quick_win: ");
        number(out, w.quick_win);
        out.push_str(")),\n");
    }
    if !e.scores.is_empty() {
        out.push_str(I2);
        out.push_str("scores: [\n");
        for s in &e.scores {
            write_score(out, s);
        }
        out.push_str(I2);
        out.push_str("],\n");
    }
    if !e.results.is_empty() {
        out.push_str(I2);
        out.push_str("results: [\n");
        for r in &e.results {
            write_result(out, r);
        }
        out.push_str(I2);
        out.push_str("],\n");
    }
    if !e.survey.is_empty() {
        out.push_str(I2);
        out.push_str("survey: {");
        for (i, (year, score)) in e.survey.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            let _ = write!(out, "{year}: ");
            number(out, *score);
        }
        out.push_str("},\n");
    }
    out.push_str(I1);
    out.push_str("),\n");
}

fn write_score(out: &mut String, s: &AspectScore) {
    out.push_str(I3);
    let _ = write!(
        out,
        "(year: {}, aspect: {}, score: ",
        s.year,
        s.aspect.key()
    );
    number(out, s.score);
    if !s.note.is_empty() {
        out.push_str(", note: ");
        push_string(out, &s.note);
    }
    out.push_str("),\n");
}

fn write_result(out: &mut String, r: &OfficialResult) {
    out.push_str(I3);
    let _ = write!(out, "(year: {}, index: ", r.year);
    number(out, r.index);
    let subs = [
        ("baseline", r.baseline),
        ("output", r.output),
        ("outcome", r.outcome),
        ("impact", r.impact),
        ("quick_win", r.quick_win),
    ];
    for (name, value) in subs {
        if let Some(v) = value {
            let _ = write!(out, ", {name}: Some(");
            number(out, v);
            out.push(')');
        }
    }
    if !r.letter.is_empty() {
        out.push_str(", letter: ");
        push_string(out, &r.letter);
    }
    out.push_str("),\n");
}

fn write_dimension(out: &mut String, d: &Dimension) {
    out.push_str(I2);
    out.push_str("(\n");
    field_str(out, I3, "id", &d.id);
    field_str(out, I3, "name", &d.name);
    field_str(out, I3, "lead", &d.lead);
    field_list(out, I3, "elements", &d.elements);
    out.push_str(I2);
    out.push_str("),\n");
}

fn write_program(out: &mut String, p: &Program) {
    out.push_str(I2);
    out.push_str("(\n");
    let mut fields = ProgramField::ALL.iter();
    for &f in fields.by_ref() {
        write_value(out, f, p);
        if f == LISTS_AFTER {
            break;
        }
    }
    out.push_str(I3);
    out.push_str("milestones: [");
    if !p.milestones.is_empty() {
        out.push('\n');
        for m in &p.milestones {
            write_milestone(out, m);
        }
        out.push_str(I3);
    }
    out.push_str("],\n");
    out.push_str(I3);
    out.push_str("targets: [");
    if !p.targets.is_empty() {
        out.push('\n');
        for t in &p.targets {
            write_target(out, t);
        }
        out.push_str(I3);
    }
    out.push_str("],\n");
    // Budget and evidence only when there are some, so older files keep their bytes.
    if !p.budget.is_empty() {
        out.push_str(I3);
        out.push_str("budget: [\n");
        for b in &p.budget {
            write_budget(out, b);
        }
        out.push_str(I3);
        out.push_str("],\n");
    }
    if !p.evidence.is_empty() {
        out.push_str(I3);
        out.push_str("evidence: [\n");
        for e in &p.evidence {
            write_evidence(out, e);
        }
        out.push_str(I3);
        out.push_str("],\n");
    }
    write_fiscal(out, p);
    write_followups(out, &p.followups, I3);
    for &f in fields {
        write_value(out, f, p);
    }
    out.push_str(I2);
    out.push_str("),\n");
}

/// One of a programme's own fields, by its type; one the schema writes only
/// when set is left out while it says nothing.
fn write_value(out: &mut String, f: ProgramField, p: &Program) {
    let value = f.value(p);
    if value.is_empty() && f.row().is_some_and(|r| r.optional) {
        return;
    }
    let name = f.name();
    match value {
        Value::Text(s) => field_str(out, I3, name, s),
        Value::Maybe(s) => {
            let _ = write!(out, "{I3}{name}: ");
            match s {
                Some(s) => {
                    out.push_str("Some(");
                    push_string(out, s);
                    out.push_str("),\n");
                }
                None => out.push_str("None,\n"),
            }
        }
        Value::List(l) => field_list(out, I3, name, l),
        Value::Year(y) => field_num(out, I3, name, y),
        Value::Status(s) => field_num(out, I3, name, s.key()),
        Value::Horizon(h) => field_num(out, I3, name, h.key()),
    }
}

fn write_milestone(out: &mut String, m: &Milestone) {
    out.push_str(I4);
    out.push_str("(title: ");
    push_string(out, &m.title);
    out.push_str(", due: ");
    push_string(out, &m.due);
    out.push_str(if m.done {
        ", done: true"
    } else {
        ", done: false"
    });
    if let Some(weight) = m.weight {
        out.push_str(", weight: Some(");
        number(out, weight);
        out.push(')');
    }
    out.push_str("),\n");
}

fn write_budget(out: &mut String, b: &Budget) {
    out.push_str(I4);
    let _ = write!(out, "(year: {}, allocation: ", b.year);
    number(out, b.allocation);
    if let Some(spent) = b.spent {
        out.push_str(", spent: Some(");
        number(out, spent);
        out.push(')');
    }
    if !b.source.is_empty() {
        out.push_str(", source: ");
        push_string(out, &b.source);
    }
    out.push_str("),\n");
}

fn write_evidence(out: &mut String, e: &Evidence) {
    out.push_str(I4);
    out.push_str("(name: ");
    push_string(out, &e.name);
    let _ = write!(out, ", kind: {}, state: {}", e.kind.key(), e.state.key());
    if !e.link.is_empty() {
        out.push_str(", link: ");
        push_string(out, &e.link);
    }
    out.push_str("),\n");
}

/// The fiscal year's lists, each only when it has items.
fn write_fiscal(out: &mut String, p: &Program) {
    fn list<T>(out: &mut String, name: &str, items: &[T], write: fn(&mut String, &T)) {
        if items.is_empty() {
            return;
        }
        let _ = writeln!(out, "{I3}{name}: [");
        for item in items {
            out.push_str(I4);
            out.push('(');
            write(out, item);
            out.push_str("),\n");
        }
        out.push_str(I3);
        out.push_str("],\n");
    }
    list(out, "periods", &p.periods, write_period);
    list(
        out,
        "budget_changes",
        &p.budget_changes,
        write_budget_change,
    );
    list(out, "subactivities", &p.subactivities, write_subactivity);
}

fn write_period(out: &mut String, x: &FiscalPeriod) {
    let _ = write!(out, "year: {}", x.year);
    if let Some(q) = x.quarter {
        let _ = write!(out, ", quarter: Some({q})");
    }
    if let Some(m) = x.month {
        let _ = write!(out, ", month: Some({m})");
    }
    for (name, value) in [
        ("cash_plan", x.cash_plan),
        ("spent", x.spent),
        ("physical", x.physical),
    ] {
        if let Some(v) = value {
            let _ = write!(out, ", {name}: Some(");
            number(out, v);
            out.push(')');
        }
    }
    for (name, text) in [("problems", &x.problems), ("follow_up", &x.follow_up)] {
        if !text.is_empty() {
            let _ = write!(out, ", {name}: ");
            push_string(out, text);
        }
    }
}

fn write_budget_change(out: &mut String, c: &BudgetChange) {
    let _ = write!(out, "year: {}, date: ", c.year);
    push_string(out, &c.date);
    out.push_str(", allocation: ");
    number(out, c.allocation);
    let _ = write!(out, ", kind: {}", c.kind.key());
    if !c.note.is_empty() {
        out.push_str(", note: ");
        push_string(out, &c.note);
    }
}

fn write_subactivity(out: &mut String, s: &SubActivity) {
    out.push_str("code: ");
    push_string(out, &s.code);
    for (name, text) in [("name", &s.name), ("agency", &s.agency)] {
        if !text.is_empty() {
            let _ = write!(out, ", {name}: ");
            push_string(out, text);
        }
    }
    if let Some(a) = s.allocation {
        out.push_str(", allocation: Some(");
        number(out, a);
        out.push(')');
    }
}

/// A list of follow-ups at `indent` (the plan's, or a programme's one
/// level deeper), one field a line as a programme's own fields: they are
/// read and edited by hand, and a merge by git sees one changed line.
fn write_followups(out: &mut String, items: &[FollowUp], indent: &str) {
    if items.is_empty() {
        return;
    }
    // The item's bracket and its fields one and two steps in.
    let (open, inner) = if indent == I1 { (I2, I3) } else { (I4, I5) };
    let note = if indent == I1 { I4 } else { I6 };
    out.push_str(indent);
    out.push_str("followups: [\n");
    for f in items {
        out.push_str(open);
        out.push_str("(\n");
        field_str(out, inner, "id", &f.id);
        field_str(out, inner, "what", &f.what);
        field_num(out, inner, "source", f.source.key());
        for (name, value) in [
            ("reference", &f.reference),
            ("source_date", &f.source_date),
            ("created", &f.created),
        ] {
            if !value.is_empty() {
                field_str(out, inner, name, value);
            }
        }
        field_str(out, inner, "pic", &f.pic);
        field_str(out, inner, "agency", &f.agency);
        field_str(out, inner, "deadline", &f.deadline);
        field_num(out, inner, "status", f.status.key());
        for (name, value) in [("reason", &f.reason), ("evidence", &f.evidence)] {
            if !value.is_empty() {
                field_str(out, inner, name, value);
            }
        }
        if !f.progress.is_empty() {
            out.push_str(inner);
            out.push_str("progress: [\n");
            for n in &f.progress {
                out.push_str(note);
                out.push_str("(date: ");
                push_string(out, &n.date);
                out.push_str(", note: ");
                push_string(out, &n.note);
                out.push_str("),\n");
            }
            out.push_str(inner);
            out.push_str("],\n");
        }
        out.push_str(open);
        out.push_str("),\n");
    }
    out.push_str(indent);
    out.push_str("],\n");
}

fn write_target(out: &mut String, t: &Target) {
    out.push_str(I4);
    let _ = write!(out, "(year: {}, indicator: ", t.year);
    push_string(out, &t.indicator);
    out.push_str(", unit: ");
    push_string(out, &t.unit);
    out.push_str(", baseline: ");
    option_number(out, t.baseline);
    out.push_str(", target: ");
    number(out, t.target);
    out.push_str(", actual: ");
    option_number(out, t.actual);
    // The later fields only when set: an older target keeps its exact line.
    if !t.measures.is_output() {
        out.push_str(", measures: ");
        out.push_str(t.measures.key());
    }
    if !t.direction.is_higher() {
        out.push_str(", direction: ");
        out.push_str(t.direction.key());
    }
    if let Some(upper) = t.upper {
        out.push_str(", upper: Some(");
        number(out, upper);
        out.push(')');
    }
    if let Some(year) = t.base_year {
        let _ = write!(out, ", base_year: Some({year})");
    }
    if !t.source.is_empty() {
        out.push_str(", source: ");
        push_string(out, &t.source);
    }
    if !t.definition.is_empty() {
        out.push_str(", definition: ");
        push_string(out, &t.definition);
    }
    out.push_str("),\n");
}

fn field_str(out: &mut String, indent: &str, name: &str, value: &str) {
    out.push_str(indent);
    out.push_str(name);
    out.push_str(": ");
    push_string(out, value);
    out.push_str(",\n");
}

fn field_num(out: &mut String, indent: &str, name: &str, value: impl std::fmt::Display) {
    let _ = writeln!(out, "{indent}{name}: {value},");
}

fn field_list(out: &mut String, indent: &str, name: &str, values: &[String]) {
    out.push_str(indent);
    out.push_str(name);
    out.push_str(": [");
    for (i, value) in values.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        push_string(out, value);
    }
    out.push_str("],\n");
}

fn option_number(out: &mut String, value: Option<f64>) {
    match value {
        Some(v) => {
            out.push_str("Some(");
            number(out, v);
            out.push(')');
        }
        None => out.push_str("None"),
    }
}

/// The shortest text that reads back as the same `f64`, always with a
/// decimal point or exponent so RON never takes it for an integer.
fn number(out: &mut String, value: f64) {
    if value.is_nan() {
        out.push_str("NaN");
    } else if value.is_infinite() {
        out.push_str(if value > 0.0 { "inf" } else { "-inf" });
    } else {
        let _ = write!(out, "{value:?}");
    }
}

/// A RON string literal. Only what RON requires is escaped, plus control
/// characters so the file stays readable and safe to `cat`; other Unicode
/// (Indonesian, Bugis, emoji) is written as is.
pub fn push_string(out: &mut String, value: &str) {
    out.push('"');
    // Runs that need no escape (nearly all text) are copied whole.
    let mut run = 0;
    for (at, c) in value.char_indices() {
        let escaped = match c {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            c if c.is_control() || crate::text::is_bidi_control(c) => "",
            _ => continue,
        };
        out.push_str(&value[run..at]);
        if escaped.is_empty() {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        } else {
            out.push_str(escaped);
        }
        run = at + c.len_utf8();
    }
    out.push_str(&value[run..]);
    out.push('"');
}
