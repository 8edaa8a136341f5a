//! Every view drawn into a `TestBackend`: snapshots at 80×24 and 120×40 in
//! both languages, monochrome without a single colour, no panic at any size,
//! and few bytes per key press.

use pantau::i18n::Lang;
use pantau::store;
use pantau::tui::action::{Action, View};
use pantau::tui::app::App;
use pantau::tui::theme::Theme;
use pantau::tui::update::update;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Color;
use ratatui::{Terminal, TerminalOptions, Viewport};
use std::path::{Path, PathBuf};

use crate::common::{example_app, interface::today};
use crate::generator;

fn app(lang: Lang, w: u16, h: u16) -> App {
    example_app(lang, today(), (w, h))
}

/// The scenes a user sees, as the actions that lead there.
fn scenes() -> Vec<(&'static str, Vec<Action>)> {
    use Action::*;
    vec![
        ("dashboard", vec![]),
        ("dimensions", vec![Show(View::Dimensions), Open, Down, Down]),
        ("detail", vec![Show(View::Dimensions), Open, Open]),
        ("timeline", vec![Show(View::Timeline), Down, Down]),
        (
            "filter",
            vec![
                Show(View::Dimensions),
                Open,
                StartFilter,
                FilterInput('a'),
                FilterInput('p'),
                FilterInput('p'),
            ],
        ),
        ("help", vec![Show(View::Dimensions), ToggleHelp]),
        ("evaluation", vec![Show(View::Evaluation), Down, Down]),
    ]
}

fn render(app: &App, theme: &Theme, w: u16, h: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal
        .draw(|f| pantau::tui::ui::draw(f, app, theme))
        .unwrap();
    terminal.backend().buffer().clone()
}

fn text(buffer: &Buffer) -> String {
    let area = buffer.area;
    let mut out = String::new();
    for y in 0..area.height {
        let mut line = String::new();
        for x in 0..area.width {
            line.push_str(buffer[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn scene(name: &str, lang: Lang, w: u16, h: u16) -> App {
    let mut app = app(lang, w, h);
    let actions = scenes().into_iter().find(|(n, _)| *n == name).unwrap().1;
    for action in actions {
        update(&mut app, action);
    }
    app
}

const COLOUR: Theme = Theme {
    mono: false,
    ascii: false,
    palette: pantau::tui::theme::Palette::DEFAULT,
};
const MONO: Theme = Theme {
    mono: true,
    ascii: false,
    palette: pantau::tui::theme::Palette::DEFAULT,
};

#[test]
fn views_at_80x24_and_120x40_in_both_languages() {
    for (name, _) in scenes() {
        for (lang, code) in [(Lang::En, "en"), (Lang::Id, "id")] {
            for (w, h) in [(80, 24), (120, 40)] {
                let app = scene(name, lang, w, h);
                let screen = text(&render(&app, &MONO, w, h));
                insta::assert_snapshot!(format!("{name}-{code}-{w}x{h}"), screen);
            }
        }
    }
}

/// At 60 columns the dashboard keeps the dimensions and their counts; the
/// three questions' counts and the lead agency give way first.
#[test]
fn the_dashboard_at_60_columns_in_both_languages() {
    for (lang, code) in [(Lang::En, "en"), (Lang::Id, "id")] {
        let app = scene("dashboard", lang, 60, 24);
        let screen = text(&render(&app, &MONO, 60, 24));
        insta::assert_snapshot!(format!("dashboard-{code}-60x24"), screen);
    }
}

#[test]
fn ascii_mode_draws_only_ascii() {
    let theme = Theme {
        mono: true,
        ascii: true,
        palette: pantau::tui::theme::Palette::DEFAULT,
    };
    for (name, _) in scenes() {
        let app = scene(name, Lang::En, 80, 24);
        let screen = text(&render(&app, &theme, 80, 24));
        let bad: Vec<char> = screen.chars().filter(|c| !c.is_ascii()).collect();
        // The data itself is ASCII in the example; anything else is ours.
        assert!(bad.is_empty(), "{name}: non-ASCII {bad:?}\n{screen}");
        if name == "timeline" {
            insta::assert_snapshot!("timeline-ascii-80x24", screen);
        }
    }
}

#[test]
fn no_color_means_not_one_coloured_cell() {
    for (name, _) in scenes() {
        let app = scene(name, Lang::En, 80, 24);
        let buffer = render(&app, &MONO, 80, 24);
        for cell in buffer.content() {
            assert_eq!(
                (cell.fg, cell.bg),
                (Color::Reset, Color::Reset),
                "{name}: {cell:?}"
            );
        }
    }
}

#[test]
fn selection_is_visible_without_colour() {
    let app = scene("dimensions", Lang::En, 80, 24);
    let screen = text(&render(&app, &MONO, 80, 24));
    assert!(
        screen.lines().any(|l| l.contains("> GOV-03")),
        "a `>` marks the selected program:\n{screen}"
    );
}

/// At 80×24 every dimension shows with the vice-regent's three questions'
/// counts in both languages, their letters explained on the screen; the
/// lead agency gives way to them there and shows where there is room.
#[test]
fn all_six_dimensions_fit_on_the_dashboard_at_80x24() {
    for (lang, letters, legend) in [
        (
            Lang::En,
            " U Q I ",
            "UQI=with a use/quality/impact indicator",
        ),
        (
            Lang::Id,
            " P K D ",
            "PKD=berindikator pemanfaatan/kualitas/dampak",
        ),
    ] {
        let app = scene("dashboard", lang, 80, 24);
        let screen = text(&render(&app, &COLOUR, 80, 24));
        assert!(screen.contains(letters), "{screen}");
        assert!(screen.contains(legend), "{screen}");
        for d in &app.plan().dimensions {
            let row = screen
                .lines()
                .find(|l| l.contains(&d.name))
                .unwrap_or_else(|| panic!("{} missing", d.name));
            // The three counts end the row, before the border.
            let counts = row.trim_end_matches(['│', ' ']).rsplitn(4, ' ').take(3);
            assert!(
                counts.clone().all(|c| c.parse::<usize>().is_ok()),
                "{lang:?} {}: {row}",
                d.name
            );
        }
    }
    let app = scene("dashboard", Lang::En, 120, 40);
    let screen = text(&render(&app, &COLOUR, 120, 40));
    for d in &app.plan().dimensions {
        let row = screen.lines().find(|l| l.contains(&d.name));
        assert!(row.is_some_and(|row| row.contains(&d.lead)), "{screen}");
    }
}

#[test]
fn tiny_terminals_get_a_message_and_never_a_panic() {
    for (w, h) in [(1, 1), (2, 1), (10, 3), (40, 10), (49, 24), (80, 11)] {
        let app = scene("dashboard", Lang::En, w, h);
        let screen = text(&render(&app, &COLOUR, w, h));
        if w >= 40 {
            insta::assert_snapshot!(format!("too-small-{w}x{h}"), screen);
        }
    }
    // Every view at every size from 1×1 up: nothing may panic.
    for (name, _) in scenes() {
        let app = scene(name, Lang::Id, 80, 24);
        for w in (1..=130).step_by(7) {
            for h in (1..=45).step_by(4) {
                render(&app, &COLOUR, w, h);
                render(
                    &app,
                    &Theme {
                        mono: true,
                        ascii: true,
                        palette: pantau::tui::theme::Palette::DEFAULT,
                    },
                    w,
                    h,
                );
            }
        }
    }
}

#[test]
fn control_characters_in_data_are_shown_escaped() {
    let mut doc = store::parse(store::EXAMPLE, Path::new("luwu-utara.ron")).unwrap();
    doc.plan.programs[0].name = "Super\u{1b}]0;pwned\u{7}App".into();
    doc.plan.dimensions[0].lead = "Bad\u{202e}Lead".into();
    let mut app = crate::common::app_with(doc, "luwu-utara.ron", today(), Lang::En, (80, 24));
    for action in [Action::Show(View::Dimensions), Action::Open] {
        update(&mut app, action);
    }
    let screen = text(&render(&app, &COLOUR, 120, 40));
    assert!(screen.contains("Super\\u{1b}]0;pwn"), "{screen}");
    assert!(!screen.contains('\u{1b}') && !screen.contains('\u{202e}'));
    update(&mut app, Action::Open);
    let detail = text(&render(&app, &COLOUR, 120, 40));
    assert!(
        detail.contains("\\u{1b}") && !detail.contains('\u{1b}'),
        "{detail}"
    );
}

/// Counts what the backend writes, as a terminal would receive it.
#[derive(Clone, Default)]
struct Wire(std::rc::Rc<std::cell::Cell<usize>>);

impl std::io::Write for Wire {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.set(self.0.get() + buf.len());
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The bytes a real terminal receives for one key press after the first frame.
fn bytes_for(keys: &[Action], setup: &[Action]) -> usize {
    let wire = Wire::default();
    let backend = ratatui::backend::CrosstermBackend::new(wire.clone());
    let options = TerminalOptions {
        viewport: Viewport::Fixed(ratatui::layout::Rect::new(0, 0, 80, 24)),
    };
    let mut terminal = Terminal::with_options(backend, options).unwrap();
    let mut app = app(Lang::En, 80, 24);
    for action in setup {
        update(&mut app, action.clone());
    }
    terminal
        .draw(|f| pantau::tui::ui::draw(f, &app, &COLOUR))
        .unwrap();
    wire.0.set(0);
    for action in keys {
        update(&mut app, action.clone());
    }
    terminal
        .draw(|f| pantau::tui::ui::draw(f, &app, &COLOUR))
        .unwrap();
    wire.0.get()
}

#[test]
fn one_cursor_move_sends_under_a_kilobyte() {
    let cases: [(&str, Vec<Action>); 3] = [
        ("dashboard", vec![]),
        (
            "programs",
            vec![Action::Show(View::Dimensions), Action::Open],
        ),
        ("timeline", vec![Action::Show(View::Timeline)]),
    ];
    for (name, setup) in cases {
        let bytes = bytes_for(&[Action::Down], &setup);
        println!("{name}: {bytes} bytes for one move down");
        assert!(bytes > 0, "{name}: the move shows");
        assert!(bytes < 1024, "{name}: {bytes} bytes for one cursor move");
    }
}

#[test]
fn the_detail_lists_the_programs_latest_changes_from_the_audit_log() {
    let entry = |when: &str, subject: &str, new: &str| pantau::store::audit::Entry {
        when: when.into(),
        user: "andi".into(),
        from: "10.1.2.3".into(),
        subject: subject.into(),
        field: "status".into(),
        old: "InProgress".into(),
        new: new.into(),
        ..Default::default()
    };
    let mut app = crate::common::interface::app_opened(|s| {
        s.audit = vec![
            entry("2026-11-01T09:00:00+08:00", "GOV-01", "Delayed"),
            entry("2026-11-02T09:00:00+08:00", "GOV-02", "Cancelled"),
            entry("2026-11-03T10:15:00+08:00", "GOV-01", "Done"),
        ]
    });
    update(&mut app, Action::Resize(120, 40));
    for action in [Action::Show(View::Dimensions), Action::Open, Action::Open] {
        update(&mut app, action);
    }
    // At the end of the detail, below the budget and the evidence.
    let screen = draw_after(&mut app, &[Action::Last], 120, 40);
    let at = screen
        .find("Recent changes")
        .expect("a Recent changes section");
    let below = &screen[at..];
    let newest = below
        .find("2026-11-03 10:15  andi (10.1.2.3)  GOV-01 status: In progress -> Done")
        .expect(&screen);
    let older = below
        .find("2026-11-01 09:00")
        .expect("the older change too");
    assert!(newest < older, "newest first");
    assert!(!below.contains("GOV-02"), "only this program's changes");
}

#[test]
fn keys_scroll_the_same_whether_or_not_a_frame_was_drawn_between_them() {
    // Down a long detail to its notes, back up, a page down, in the
    // overdue list too: every list and page that keeps a scroll.
    use Action::*;
    let keys = [
        Show(View::Dimensions),
        Open,
        Open,
        Last,
        Up,
        Up,
        First,
        PageDown,
        Down,
        Back,
        Back,
        Last,
        Show(View::Dashboard),
        Last,
        Show(View::Timeline),
        Last,
        Up,
        Show(View::Evaluation),
        Last,
        Up,
    ];
    let (mut drawn, mut undrawn) = (app(Lang::En, 80, 24), app(Lang::En, 80, 24));
    let mut screen = String::new();
    for (n, action) in keys.iter().enumerate() {
        update(&mut drawn, action.clone());
        screen = text(&render(&drawn, &MONO, 80, 24));
        update(&mut undrawn, action.clone());
        assert_eq!(
            drawn.focus(),
            undrawn.focus(),
            "after {} keys ({action:?})",
            n + 1
        );
        if n == 3 {
            assert!(
                matches!(
                    undrawn.focus(),
                    pantau::tui::app::Focus::Program { opened: true, .. }
                ),
                "End in the detail reads on down past the last item to the notes"
            );
        }
    }
    assert_eq!(
        screen,
        text(&render(&undrawn, &MONO, 80, 24)),
        "drawn after every key against drawn only at the end"
    );
}

/// Draws, as the event loop does after every key, and returns the screen.
fn draw_after(app: &mut App, actions: &[Action], w: u16, h: u16) -> String {
    let mut screen = text(&render(app, &MONO, w, h));
    for action in actions {
        update(app, action.clone());
        screen = text(&render(app, &MONO, w, h));
    }
    screen
}

#[test]
fn the_detail_at_80x24_scrolls_on_past_the_targets_to_the_notes_and_recent_changes() {
    let mut app = crate::common::interface::app_opened(|s| {
        s.audit = vec![pantau::store::audit::Entry {
            when: "2026-11-03T10:15:00+08:00".into(),
            user: "andi".into(),
            from: "local".into(),
            subject: "GOV-01".into(),
            field: "lead".into(),
            old: "Diskominfo".into(),
            new: "Bappelitbangda".into(),
            ..Default::default()
        }]
    });
    let notes = app.plan().program("GOV-01").unwrap().notes.clone();
    let open = [Action::Show(View::Dimensions), Action::Open, Action::Open];
    let screen = draw_after(&mut app, &open, 80, 24);
    assert!(screen.contains("more below"), "{screen}");
    assert!(!screen.contains(&notes));
    // j, one line at a time, until nothing is below.
    let mut presses = 0;
    let mut screen = screen;
    while screen.contains("more below") {
        screen = draw_after(&mut app, &[Action::Down], 80, 24);
        presses += 1;
        assert!(presses < 40, "j never reached the end:\n{screen}");
    }
    assert!(screen.contains(&notes), "the notes in view:\n{screen}");
    assert!(screen.contains("Recent changes") && screen.contains("Bappelitbangda"));
    let end = screen.clone();
    assert_eq!(
        draw_after(&mut app, &[Action::Down], 80, 24),
        end,
        "j at the very end stays"
    );
    // Back to the top, then End and PgDn reach the same end.
    draw_after(&mut app, &[Action::First], 80, 24);
    assert_eq!(draw_after(&mut app, &[Action::Last], 80, 24), end, "End");
    draw_after(&mut app, &[Action::First], 80, 24);
    let paged = draw_after(
        &mut app,
        &[Action::PageDown, Action::PageDown, Action::PageDown],
        80,
        24,
    );
    assert_eq!(paged, end, "PgDn");
    // Going up from below the targets selects the last target again.
    let last_target = app.plan().program("GOV-01").unwrap().targets.len() - 1;
    for _ in 0..presses + 2 {
        draw_after(&mut app, &[Action::Up], 80, 24);
        if let pantau::tui::app::Focus::Target { index, .. } = app.focus() {
            assert_eq!(index, last_target);
            return;
        }
    }
    panic!("k never came back to the last target");
}

#[test]
fn the_detail_opens_on_its_first_milestone() {
    let mut app = app(Lang::En, 80, 24);
    let screen = draw_after(
        &mut app,
        &[Action::Show(View::Dimensions), Action::Open, Action::Open],
        80,
        24,
    );
    let first = &app.plan().program("GOV-01").unwrap().milestones[0];
    assert!(
        screen
            .lines()
            .any(|l| l.contains("> [") && l.contains(&first.title)),
        "the first milestone is marked:\n{screen}"
    );
    assert!(matches!(
        app.focus(),
        pantau::tui::app::Focus::Milestone { index: 0, .. }
    ));
}

#[test]
fn a_kept_filter_shares_the_status_bar_with_messages_and_the_files_state() {
    let mut app = app(Lang::En, 80, 24);
    let mut actions = vec![Action::Show(View::Dimensions), Action::StartFilter];
    actions.extend("super".chars().map(Action::FilterInput));
    actions.extend([
        Action::FilterAccept,
        Action::Open,
        Action::ChooseStatus,
        Action::ChoiceMove { down: true },
        Action::Yes,
    ]);
    let screen = draw_after(&mut app, &actions, 80, 24);
    let bar = screen.lines().last().unwrap();
    assert!(bar.contains("status is now"), "the message: {bar:?}");
    assert!(bar.contains("Filter: super"), "and the filter: {bar:?}");
    let screen = draw_after(&mut app, &[Action::Down], 80, 24);
    let bar = screen.lines().last().unwrap();
    assert!(
        bar.contains("[+]") && bar.contains("Filter: super"),
        "unsaved, and the filter: {bar:?}"
    );
}

#[test]
fn the_timeline_marks_overdue_milestones_with_the_printed_glyph_without_colour() {
    let mut app = app(Lang::En, 120, 80);
    let (program, _) = app.index().overdue[0];
    let id = app.plan().programs[program].id.clone();
    let screen = draw_after(&mut app, &[Action::Show(View::Timeline)], 120, 80);
    let row = screen
        .lines()
        .find(|l| l.contains(&format!(" {id} ")))
        .unwrap_or_else(|| panic!("{id}'s row:\n{screen}"));
    assert!(row.contains('!'), "{id} has an overdue milestone: {row:?}");
    assert!(screen.contains("! overdue"), "the legend names it");
    // A program with none overdue has no mark.
    let calm = app
        .plan()
        .programs
        .iter()
        .find(|p| {
            p.milestones
                .iter()
                .all(|m| !pantau::plan::model::is_overdue(p, m, app.today()))
        })
        .unwrap();
    let row = screen
        .lines()
        .find(|l| l.contains(&format!(" {} ", calm.id)))
        .unwrap();
    let bars = row.split_once(calm.name.as_str()).map_or(row, |(_, r)| r);
    assert!(!bars.contains('!'), "{row:?}");
}

/// A generated Sulawesi Selatan (24 regencies and cities of 20 programmes)
/// with the bundled Luwu Utara in place of its generated one, and a broken plan.
fn province(lang: Lang, w: u16, h: u16) -> pantau::tui::province::Province {
    let mut plans: Vec<(PathBuf, Result<store::Document, String>)> = (1..=24)
        .map(|n| {
            let plan = generator::generate_region(20, n as u64, n);
            let path = PathBuf::from(format!("sulsel/{n:02}/plan.ron"));
            let doc = store::Document {
                plan,
                preamble: String::new(),
            };
            (path, Ok(doc))
        })
        .collect();
    plans[18].1 = Ok(store::parse(store::EXAMPLE, Path::new("luwu-utara.ron")).unwrap());
    plans.push((
        PathBuf::from("sulsel/broken.ron"),
        Err("sulsel/broken.ron:1:21: the file ends too early".into()),
    ));
    let mut p = pantau::tui::province::Province::new(
        "sulsel".into(),
        plans,
        jiff::civil::date(2026, 12, 2),
        lang,
    );
    p.update(Action::Resize(w, h));
    p
}

fn render_province(p: &pantau::tui::province::Province, w: u16, h: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal
        .draw(|f| pantau::tui::ui::province::draw(f, p, &MONO))
        .unwrap();
    terminal.backend().buffer().clone()
}

#[test]
fn the_province_dashboard_at_80x24_and_a_region_drilled_into() {
    for (lang, code) in [(Lang::En, "en"), (Lang::Id, "id")] {
        let mut p = province(lang, 80, 24);
        let screen = text(&render_province(&p, 80, 24));
        insta::assert_snapshot!(format!("province-{code}-80x24"), screen);
        // Down to Luwu Utara (73.22, the 19th by code), then its own dashboard.
        for _ in 0..18 {
            p.update(Action::Down);
        }
        p.update(Action::Open);
        let screen = text(&render_province(&p, 80, 24));
        insta::assert_snapshot!(format!("province-region-{code}-80x24"), screen);
    }
    let p = province(Lang::En, 120, 40);
    let screen = text(&render_province(&p, 120, 40));
    insta::assert_snapshot!("province-en-120x40", screen);
    // Never wider than the screen, at any size.
    for (w, h) in [(50, 12), (60, 20), (200, 60), (10, 5)] {
        let p = province(Lang::En, w, h);
        render_province(&p, w, h);
    }
}

#[test]
fn a_form_taller_than_the_screen_scrolls_to_the_field_being_typed_in() {
    // 80×18 leaves the programme form fewer rows than its fields: the field
    // the officer tabs to, and the keys' line, must stay on screen.
    let mut app = app(Lang::En, 80, 18);
    let open = [Action::Show(View::Dimensions), Action::Open, Action::Edit];
    let first = draw_after(&mut app, &open, 80, 18);
    assert!(first.contains("Name "), "{first}");
    assert!(first.contains("Enter accept"), "{first}");
    assert!(
        !first.contains("Notes "),
        "the last field is below: {first}"
    );
    let fields = match &app.modal() {
        Some(pantau::tui::app::Modal::Form(form)) => form.fields.len(),
        _ => panic!("the form is open"),
    };
    let last = draw_after(&mut app, &vec![Action::FormNext; fields - 1], 80, 18);
    assert!(
        last.contains("Notes "),
        "the focused last field shows: {last}"
    );
    assert!(last.contains("Enter accept"), "{last}");
    assert!(
        !last.contains("Name "),
        "the first field scrolled away: {last}"
    );
    // Typing lands in the field on screen.
    let typed = draw_after(&mut app, &[Action::FormChar('X')], 80, 18);
    let notes = typed.lines().find(|l| l.contains("Notes ")).unwrap();
    assert!(notes.contains("X"), "{typed}");
}

/// The detail view writes a range as a range, says which side is better,
/// and gives the figure with two decimals and the plan's band names.
#[test]
fn the_detail_shows_a_range_its_direction_and_the_two_decimal_figure() {
    let single = r#"unit: "layanan", baseline: Some(0.0), target: 15.0, actual: Some(12.0)),"#;
    let range =
        r#"unit: "%", baseline: Some(0.0), target: 80.0, actual: Some(92.0), upper: Some(90.0)),"#;
    assert!(store::EXAMPLE.contains(single));
    let text = store::EXAMPLE.replacen(single, range, 1);
    for (lang, line, about) in [
        (
            Lang::Id,
            "0 → 80–90 % · realisasi 92 · 102,22 % Sangat Tinggi",
            "makin tinggi makin baik",
        ),
        (
            Lang::En,
            "0 → 80–90 % · actual 92 · 102.22 % Very high",
            "higher is better",
        ),
    ] {
        let mut app = crate::common::interface::app_of(&text, "plan.ron", today(), lang, (120, 40));
        let open = [Action::Show(View::Dimensions), Action::Open, Action::Open];
        let screen = draw_after(&mut app, &open, 120, 40);
        assert!(screen.contains(line), "{screen}");
        assert!(screen.contains(about), "{screen}");
    }
}

/// The notice of a form whose programme was deleted meanwhile is read whole
/// at 80×24, in both languages: what Enter and Esc do.
#[test]
fn a_deleted_programmes_form_says_enter_and_esc_whole_at_80_by_24() {
    for (lang, last) in [(Lang::En, "Esc closes"), (Lang::Id, "Esc menutup")] {
        let mut app = crate::common::example_app(lang, crate::common::interface::today(), (80, 24));
        crate::editing::press(&mut app, "2⏎e (rev)");
        let mut doc = pantau::store::Document {
            plan: app.plan().clone(),
            preamble: String::new(),
        };
        doc.plan.programs.retain(|p| p.id != "GOV-01");
        let _ = update(
            &mut app,
            pantau::tui::action::Outcome::Reloaded {
                doc: Box::new(doc),
                fingerprint: 9,
            },
        );
        let screen = text(&render(&app, &COLOUR, 80, 24));
        let flat = screen.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains("Enter") && flat.contains(last), "{screen}");
    }
}
