//! The schema's promise, checked: every programme field has a row, and every
//! consumer that loops over the rows (the form, the detail view, the sheet,
//! the data file, `pantau set --help`, a merge's question and the audit log)
//! shows, writes or names it, in both languages. A field added to the
//! registry without a row, or a consumer that went back to a hand list,
//! fails here.

use crate::i18n::Lang;
use crate::plan::field::{Context, ProgramField};
use crate::plan::merge::{Choice, Field, merge, program_changes};
use crate::plan::model::{Horizon, Plan, Program, Status};
use crate::plan::schema::{Detail, Kind, PROGRAMME, Row};
use crate::report::sheet::{Column, Sheet};
use crate::tui::action::{Action, View};
use crate::tui::app::App;
use crate::tui::form::{Form, Key};
use crate::tui::update::update;
use std::path::Path;

const LANGS: [Lang; 2] = [Lang::En, Lang::Id];

fn example() -> Plan {
    crate::store::parse(crate::store::EXAMPLE, Path::new("x"))
        .unwrap()
        .plan
}

/// The `nth` value of the row's kind that differs from `p`'s, as text to
/// parse: two sides of a merge change a field two different ways.
fn other_value(row: &Row, plan: &Plan, p: &Program, nth: usize) -> String {
    let nth_other = |all: Vec<String>, own: String| {
        all.into_iter()
            .filter(|v| *v != own)
            .nth(nth)
            .unwrap_or_else(|| panic!("{:?} has no {nth}th other value", row.field))
    };
    match row.kind {
        Kind::Line => format!("{} ({nth})", row.field.get(p)),
        Kind::Prose => format!("first line\nline {nth}"),
        Kind::List | Kind::Sources => format!("Bappeda, Dinas {nth}"),
        Kind::Dimension => nth_other(
            plan.dimensions.iter().map(|d| d.id.clone()).collect(),
            p.dimension.clone(),
        ),
        Kind::Element => nth_other(
            plan.dimension(&p.dimension)
                .map(|d| d.elements.clone())
                .unwrap_or_default(),
            p.element.clone(),
        ),
        Kind::Year => nth_other(
            (plan.period.start..=plan.period.end)
                .map(|y| y.to_string())
                .collect(),
            row.field.get(p),
        ),
        Kind::Status => nth_other(
            Status::ALL.iter().map(|s| s.key().to_string()).collect(),
            row.field.get(p),
        ),
        Kind::Horizon => nth_other(
            Horizon::ALL.iter().map(|h| h.key().to_string()).collect(),
            row.field.get(p),
        ),
        other => panic!("no programme field is of kind {other:?} yet: teach this test"),
    }
}

/// Programme 0 with `row`'s field changed to its `nth` other value, and
/// nothing else.
fn changed(plan: &Plan, row: &Row, nth: usize) -> Program {
    let p = &plan.programs[0];
    let mut q = p.clone();
    let cx = Context {
        plan,
        index: Some(0),
        words: &crate::i18n::BothLanguages,
    };
    row.field
        .parse_into(&mut q, &other_value(row, plan, p, nth), cx)
        .unwrap();
    assert!(!row.field.same(p, &q), "{:?} did not change", row.field);
    q
}

fn screen(app: &App, w: u16, h: u16) -> String {
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
    let theme = crate::tui::theme::Theme::from_env(None, false);
    terminal
        .draw(|f| crate::tui::ui::draw(f, app, &theme))
        .unwrap();
    let buffer = terminal.backend().buffer();
    buffer.content().iter().map(|c| c.symbol()).collect()
}

#[test]
fn every_field_has_one_row_and_the_sheet_places_do_not_collide() {
    for &f in ProgramField::ALL {
        let rows = PROGRAMME.iter().filter(|r| r.field == f).count();
        assert_eq!(rows, 1, "{f:?} has {rows} rows in plan::schema::PROGRAMME");
    }
    // The dimension's name and the worked-out figures hold these columns.
    let mut taken = vec![0, 11, 12, 13, 14, 15];
    for at in PROGRAMME.iter().filter_map(|r| r.sheet) {
        assert!(
            !taken.contains(&at),
            "two columns at {at} of the programmes sheet"
        );
        taken.push(at);
    }
}

#[test]
fn every_field_reaches_every_consumer() {
    let plan = example();
    let p = &plan.programs[0];
    for lang in LANGS {
        let form = Form::program(&plan, 0, p, false, lang);
        let help = crate::i18n::set_help(lang);
        let columns = Sheet::Programmes.columns();
        let headers: Vec<&str> = columns.iter().map(|c| c.header(lang)).collect();
        for row in PROGRAMME {
            let f = row.field;
            let label = f.label(lang);
            assert!(
                !label.is_empty() && !f.heading(lang).is_empty(),
                "{f:?} has no words"
            );
            assert_eq!(
                row.form,
                form.fields.iter().any(|x| x.key == Key::Program(f)),
                "{f:?} in the form"
            );
            if row.sheet.is_some() {
                assert!(columns.contains(&Column::Program(f)), "{f:?} in the sheet");
                assert!(headers.contains(&f.heading(lang)), "{f:?}'s sheet heading");
                assert!(
                    Sheet::Programmes.imports(Column::Program(f)),
                    "{f:?} imports"
                );
            }
            assert!(
                help.split([' ', '\n']).any(|w| w == f.name()),
                "{f:?} in pantau set --help ({lang:?})"
            );

            // Changed on one side only: the data file keeps it, the log names it.
            let q = changed(&plan, row, 0);
            let mut mine = plan.clone();
            mine.programs[0] = q.clone();
            let written = crate::plan::canonical::to_ron(&mine, "");
            let read = crate::store::parse(&written, Path::new("x")).unwrap().plan;
            assert!(
                f.same(&read.programs[0], &q),
                "{f:?} survives the data file"
            );
            let logged = program_changes(p, &q);
            assert!(
                logged.iter().any(|(_, name, _, _)| name == f.name()),
                "{f:?} in the audit log"
            );
            let (_, old, new) = logged
                .iter()
                .find(|(_, name, _, _)| name == f.name())
                .map(|(_, n, o, w)| (n, o, w))
                .unwrap();
            let described = lang.text().logged_change(f.name(), old, new);
            assert!(
                described.contains(f.name()),
                "{f:?} in pantau log: {described}"
            );

            // Changed two ways: a merge asks, in words. A programme is
            // matched by its id, so an id changed two ways is two new
            // programmes, not a question.
            if f == ProgramField::Id {
                continue;
            }
            let mut theirs = plan.clone();
            theirs.programs[0] = changed(&plan, row, 1);
            let (_, conflicts) = merge(&plan, &mine, &theirs, &|_| None);
            let c = conflicts
                .iter()
                .find(|c| c.field == Field::Program(f))
                .unwrap_or_else(|| panic!("{f:?} changed two ways is asked"));
            assert_eq!(c.label(lang), label);
            assert!(!c.show(Choice::Mine, lang).is_empty());
        }
    }
}

#[test]
fn every_field_of_the_detail_view_has_its_line_or_paragraph() {
    let mut plan = example();
    // Every programme with its paragraphs and its fields shown only when set
    // filled, whichever the view opens.
    for i in 0..plan.programs.len() {
        let mut q = plan.programs[i].clone();
        let cx = Context {
            plan: &plan,
            index: Some(i),
            words: &crate::i18n::BothLanguages,
        };
        for row in PROGRAMME
            .iter()
            .filter(|r| r.kind == Kind::Prose || r.optional)
        {
            let value = other_value(row, &plan, &q, 0);
            row.field.parse_into(&mut q, &value, cx).unwrap();
        }
        plan.programs[i] = q;
    }
    let written = crate::plan::canonical::to_ron(&plan, "");
    for lang in LANGS {
        let doc = crate::store::parse(&written, Path::new("x")).unwrap();
        let today = crate::tui::app::Today::Given(jiff::civil::date(2026, 12, 2));
        let mut app = App::new(doc, "x".into(), today, lang);
        update(&mut app, Action::Resize(160, 120));
        for action in [Action::Show(View::Dimensions), Action::Open, Action::Open] {
            update(&mut app, action);
        }
        let shown = screen(&app, 160, 120);
        for row in PROGRAMME {
            let words = match row.detail {
                Detail::Title => continue,
                Detail::Years => lang.text().ui.u_years,
                Detail::Line | Detail::Paragraph | Detail::Closing => row.field.heading(lang),
            };
            assert!(shown.contains(words), "{:?} in the detail view", row.field);
        }
    }
}
