//! The edit form and the two questions (delete? save changes?), drawn over the view.

use super::block;
use crate::i18n::fill;
use crate::plan::merge::Choice;
use crate::text;
use crate::tui::app::{App, Deletion, Modal};
use crate::tui::form::{Field, Form, Input, Subject};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};
use unicode_segmentation::UnicodeSegmentation;

/// Rows a multi-line field shows at once.
const MULTILINE_ROWS: usize = 3;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    match &app.modal() {
        Some(Modal::Form(form)) => draw_form(frame, area, app, form, theme),
        Some(Modal::Confirm(what)) => {
            question(frame, area, theme, &delete_question(app, *what), app)
        }
        Some(Modal::QuitPrompt(_)) => {
            question(frame, area, theme, app.lang().text().ui.q_save_changes, app)
        }
        Some(Modal::Conflict { conflicts, at, .. }) => {
            if let Some(c) = conflicts.get(*at) {
                let t = app.lang().text();
                let cut = |s: String| text::fit(&text::escape(&s), 200, theme.glyphs().ellipsis);
                let text = fill(
                    t.ui.q_conflict,
                    &[
                        &(at + 1),
                        &conflicts.len(),
                        &cut(c.what(app.lang())),
                        &cut(c.show(Choice::Mine, app.lang())),
                        &cut(c.show(Choice::Theirs, app.lang())),
                        &cut(c.author(t)),
                    ],
                );
                question(frame, area, theme, &text, app);
            }
        }
        Some(Modal::Recover(kept)) => {
            let t = app.lang().text();
            let written = &kept.recovery.written;
            let when = written.get(..16).unwrap_or(written).replacen('T', " ", 1);
            // What the kept edits hold: the first few programmes and fields.
            let changed = &kept.changed;
            let mut what: Vec<String> = changed
                .iter()
                .take(3)
                .map(|(subject, field)| text::escape(&format!("{subject} {field}")).into_owned())
                .collect();
            if changed.len() > 3 {
                what.push(fill(t.ui.q_recover_more, &[&(changed.len() - 3)]));
            }
            if kept.recovery.form.is_some() {
                what.push(t.ui.q_recover_form.to_string());
            }
            question(
                frame,
                area,
                theme,
                &fill(t.ui.q_recover, &[&when, &what.join(", ")]),
                app,
            );
        }
        Some(Modal::PrintFormat) => {
            // The formats as this officer's keys give them (a configuration
            // may rebind them), in the order the key table lists them.
            let formats: Vec<String> = app
                .keymap
                .bindings
                .iter()
                .filter(|b| b.context == crate::tui::keymap::Context::PrintFormat)
                .map(|b| {
                    let keys = super::status_bar::hint_keys(b, theme.ascii);
                    format!("{keys} {}", b.help.hint(app.lang()))
                })
                .collect();
            let t = app.lang().text();
            let mut text = fill(t.ui.q_print_format, &[&formats.join("   ")]);
            if let Some(folder) = app.reports() {
                let folder = text::escape_path(folder);
                text = format!("{text}\n{}", fill(t.ui.q_print_folder, &[&folder]));
            }
            question(frame, area, theme, &text, app)
        }
        Some(Modal::Status { program, selected }) => {
            status_list(frame, area, app, *program, *selected, theme)
        }
        None => {}
    }
}

/// The statuses, numbered as their keys pick them; the highlighted one
/// marked as a list's selection is, the programme's own said beside it.
fn status_list(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    program: usize,
    selected: usize,
    theme: &Theme,
) {
    use crate::plan::model::Status;
    let t = app.lang().text();
    let Some(p) = app.plan().programs.get(program) else {
        return;
    };
    let lines: Vec<Line> = Status::ALL
        .iter()
        .enumerate()
        .map(|(i, status)| {
            let now = if *status == p.status {
                format!("  {}", t.ui.q_status_now)
            } else {
                String::new()
            };
            let spans = vec![Span::raw(format!("{} {}{now}", i + 1, t.status(*status)))];
            super::row(spans, i == selected, true, theme)
        })
        .collect();
    let title = fill(t.ui.q_status, &[&text::escape(&p.id)]);
    let widest = lines.iter().map(Line::width).max().unwrap_or(0);
    let width = (widest.max(text::width(&title) + 2) + 4) as u16;
    let popup = centred(area, width, lines.len() as u16 + 2);
    frame.render_widget(Clear, popup);
    let outer = block(
        Span::styled(format!(" {title} "), theme.title()),
        true,
        theme,
    );
    frame.render_widget(Paragraph::new(lines).block(outer), popup);
}

fn centred(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

fn question(frame: &mut Frame, area: Rect, theme: &Theme, text: &str, app: &App) {
    let t = app.lang().text();
    let width = (text::width(text) as u16 + 4).clamp(30, area.width.min(70));
    let inner_width = usize::from(width.saturating_sub(2)).max(1);
    let rows = text::wrap(text, inner_width).len() as u16;
    let popup = centred(area, width, rows + 2);
    frame.render_widget(Clear, popup);
    let outer = block(
        Span::styled(format!(" {} ", t.ui.q_title), theme.title()),
        true,
        theme,
    );
    frame.render_widget(
        Paragraph::new(text.to_string())
            .wrap(Wrap { trim: true })
            .block(outer),
        popup,
    );
}

fn delete_question(app: &App, what: Deletion) -> String {
    let t = app.lang().text();
    let plan = app.plan();
    let name = |i: usize| {
        plan.programs
            .get(i)
            .map(|p| format!("{} {}", p.id, p.name))
            .unwrap_or_default()
    };
    let thing = match what {
        Deletion::Program(i) => fill(t.ui.q_delete_program, &[&text::escape(&name(i))]),
        Deletion::Milestone(i, m) => {
            let title = plan
                .programs
                .get(i)
                .and_then(|p| p.milestones.get(m))
                .map_or("", |m| m.title.as_str());
            fill(t.ui.q_delete_milestone, &[&text::escape(title)])
        }
        Deletion::Target(i, x) => {
            let indicator = plan
                .programs
                .get(i)
                .and_then(|p| p.targets.get(x))
                .map_or("", |x| x.indicator.as_str());
            fill(t.ui.q_delete_target, &[&text::escape(indicator)])
        }
        Deletion::Budget(i, b) => {
            let year = plan
                .programs
                .get(i)
                .and_then(|p| p.budget.get(b))
                .map_or(0, |b| b.year);
            fill(t.ui.q_delete_budget, &[&year, &text::escape(&name(i))])
        }
        Deletion::Evidence(i, e) => {
            let document = plan
                .programs
                .get(i)
                .and_then(|p| p.evidence.get(e))
                .map_or("", |e| e.name.as_str());
            fill(t.ui.q_delete_evidence, &[&text::escape(document)])
        }
    };
    format!("{thing} {}", t.ui.q_yes_no)
}

fn title(form: &Form, app: &App) -> String {
    let t = app.lang().text();
    let plan = app.plan();
    match form.subject {
        Subject::Program { new: Some(_), .. } => t.ui.t_new_program.to_string(),
        // The form's own id: a programme deleted meanwhile never lends its
        // row's neighbour to the title.
        Subject::Program { index, .. } => fill(
            t.ui.t_edit_program,
            &[&form
                .program_id()
                .or_else(|| plan.programs.get(index).map(|p| p.id.as_str()))
                .map_or(String::new(), |id| text::escape(id).into_owned())],
        ),
        Subject::Milestone { new: true, .. } => t.ui.t_new_milestone.to_string(),
        Subject::Milestone { .. } => t.ui.t_edit_milestone.to_string(),
        Subject::Target { new: true, .. } => t.ui.t_new_target.to_string(),
        Subject::Target { .. } => t.ui.t_edit_target.to_string(),
        Subject::Budget { new: true, .. } => t.ui.t_new_budget.to_string(),
        Subject::Budget { .. } => t.ui.t_edit_budget.to_string(),
        Subject::Evidence { new: true, .. } => t.ui.t_new_evidence.to_string(),
        Subject::Evidence { .. } => t.ui.t_edit_evidence.to_string(),
        Subject::Dimension { index } => fill(
            t.ui.t_edit_dimension,
            &[&plan
                .dimensions
                .get(index)
                .map_or(String::new(), |d| text::escape(&d.name).into_owned())],
        ),
        Subject::Header => t.ui.t_edit_plan.to_string(),
        Subject::Score { year, aspect } => fill(
            t.ui.t_edit_score,
            &[&app.lang().evaluation().aspects[aspect as usize], &year],
        ),
    }
}

fn rows(field: &Field) -> usize {
    match &field.input {
        Input::Text {
            multiline: true, ..
        } => MULTILINE_ROWS,
        _ => 1,
    }
}

fn draw_form(frame: &mut Frame, area: Rect, app: &App, form: &Form, theme: &Theme) {
    let t = app.lang().text();
    let g = theme.glyphs();
    let body_rows: usize = form.fields.iter().map(rows).sum();
    // Borders, a blank line and the footer.
    let height = (body_rows + 4) as u16;
    let popup = centred(area, 76, height);
    frame.render_widget(Clear, popup);
    let outer = block(
        Span::styled(format!(" {} ", title(form, app)), theme.title()),
        true,
        theme,
    );
    let inner = outer.inner(popup);
    frame.render_widget(outer, popup);
    if inner.width < 10 || inner.height == 0 {
        return;
    }
    let label_cols = form
        .fields
        .iter()
        .map(|f| text::width(f.key.label(app.lang())))
        .max()
        .unwrap_or(0)
        + 1;
    let value_cols = usize::from(inner.width).saturating_sub(label_cols + 1);

    let mut lines: Vec<Line> = Vec::new();
    // The focused field's rows in `lines`, and the cursor within them.
    let mut focus_rows = 0..0;
    let mut cursor: Option<(usize, u16)> = None;
    for (i, field) in form.fields.iter().enumerate() {
        let focused = i == form.focus;
        let label_style = if focused {
            theme.selected()
        } else {
            theme.header()
        };
        let error = match (&field.error, &field.changed) {
            (Some(e), _) => format!(" {} {e}", g.arrow_left),
            (None, Some(theirs)) => {
                format!(" {}", fill(t.ui.e_field_changed, &[&text::escape(theirs)]))
            }
            (None, None) => String::new(),
        };
        let room = value_cols.saturating_sub(text::width(&error));
        let (shown, at) = render_value(field, room, focused, theme);
        for (row, spans) in shown.into_iter().enumerate() {
            let label = if row == 0 {
                field.key.label(app.lang())
            } else {
                ""
            };
            let mut all = vec![
                Span::styled(format!("{label:<label_cols$}"), label_style),
                Span::raw(" "),
            ];
            let used: usize = spans.iter().map(|s| s.width()).sum();
            all.extend(spans);
            if row == 0 && !error.is_empty() {
                all.push(Span::raw(" ".repeat(room.saturating_sub(used))));
                all.push(Span::styled(error.clone(), theme.late()));
            }
            lines.push(Line::from(all));
        }
        if focused {
            focus_rows = lines.len() - rows(field)..lines.len();
            if let Some((row, col)) = at {
                cursor = Some((
                    focus_rows.start + row,
                    inner.x + (label_cols + 1 + col) as u16,
                ));
            }
        }
    }
    // A form taller than the screen scrolls so that the field being typed
    // in stays in view, with the keys' line kept below it: a key never acts
    // on a field the officer cannot see.
    let room = usize::from(inner.height).saturating_sub(2);
    let skip = focus_rows.end.saturating_sub(room).min(focus_rows.start);
    let mut lines: Vec<Line> = lines.into_iter().skip(skip).take(room).collect();
    let cursor = cursor.and_then(|(line, x)| {
        let y = inner.y + u16::try_from(line.checked_sub(skip)?).ok()?;
        (y < inner.bottom() && x < inner.right()).then_some(Position { x, y })
    });
    lines.push(Line::default());
    let footer = match &form.problem {
        Some(problem) => Line::styled(
            text::fit(problem, usize::from(inner.width), g.ellipsis),
            theme.late(),
        ),
        None => Line::styled(
            text::fit(t.ui.t_form_keys, usize::from(inner.width), g.ellipsis),
            theme.muted(),
        ),
    };
    lines.push(footer);
    frame.render_widget(Paragraph::new(lines), inner);
    if let Some(position) = cursor {
        frame.set_cursor_position(position);
    }
}

/// The rows a field shows in `cols` columns, and where the cursor goes (row, column).
fn render_value(
    field: &Field,
    cols: usize,
    focused: bool,
    theme: &Theme,
) -> (Vec<Vec<Span<'static>>>, Option<(usize, usize)>) {
    let g = theme.glyphs();
    match &field.input {
        Input::Text {
            input,
            multiline: false,
        } => {
            let before = &input.value[..input.cursor];
            let (shown, col) = window(&input.value, Some(before), cols.saturating_sub(1));
            (
                vec![vec![Span::raw(shown)]],
                if focused { col.map(|c| (0, c)) } else { None },
            )
        }
        Input::Text {
            input,
            multiline: true,
        } => {
            // Wrapped at the field's width, three rows around the cursor.
            let (rows, at) =
                wrap_with_cursor(&input.value, input.cursor, cols.saturating_sub(1).max(1));
            let first =
                at.0.saturating_sub(MULTILINE_ROWS - 1)
                    .min(rows.len().saturating_sub(MULTILINE_ROWS));
            let mut shown: Vec<Vec<Span<'static>>> = rows
                .into_iter()
                .skip(first)
                .take(MULTILINE_ROWS)
                .map(|r| vec![Span::raw(r)])
                .collect();
            while shown.len() < MULTILINE_ROWS {
                shown.push(vec![]);
            }
            (
                shown,
                if focused {
                    Some((at.0 - first, at.1))
                } else {
                    None
                },
            )
        }
        Input::Choice { options, at } => {
            let label = options.get(*at).map_or("", |(_, l)| l.as_str());
            let shown = text::fit(label, cols.saturating_sub(4), g.ellipsis);
            let style = if focused {
                theme.selected()
            } else {
                theme.base()
            };
            (
                vec![vec![
                    Span::raw(format!("{} ", g.pick_left)),
                    Span::styled(shown, style),
                    Span::raw(format!(" {}", g.pick_right)),
                ]],
                None,
            )
        }
        Input::Many {
            options,
            chosen,
            at,
        } => {
            let mut spans = Vec::new();
            let mut used = 0;
            for (i, (option, on)) in options.iter().zip(chosen).enumerate() {
                let item = format!(
                    "{} {} ",
                    if *on { g.check } else { g.open },
                    text::escape(option)
                );
                used += text::width(&item);
                if used > cols {
                    spans.push(Span::raw(g.ellipsis));
                    break;
                }
                let style = if focused && i == *at {
                    theme.selected()
                } else {
                    theme.base()
                };
                spans.push(Span::styled(item, style));
            }
            (vec![spans], None)
        }
        Input::Toggle(on) => {
            let style = if focused {
                theme.selected()
            } else {
                theme.base()
            };
            (
                vec![vec![Span::styled(
                    if *on { g.check } else { g.open },
                    style,
                )]],
                None,
            )
        }
    }
}

/// Text broken into rows of at most `cols` columns (at line breaks and where
/// a row is full), escaped, and the cursor's (row, column).
fn wrap_with_cursor(value: &str, cursor: usize, cols: usize) -> (Vec<String>, (usize, usize)) {
    let mut rows = vec![String::new()];
    let mut col = 0;
    let mut at = (0, 0);
    let mut offset = 0;
    for g in value.graphemes(true) {
        if offset == cursor {
            at = (rows.len() - 1, col);
        }
        offset += g.len();
        if g == "\n" || g == "\r\n" {
            rows.push(String::new());
            col = 0;
            continue;
        }
        let shown = text::escape(g);
        let w = text::width(&shown);
        if col + w > cols {
            rows.push(String::new());
            col = 0;
            if offset - g.len() == cursor {
                at = (rows.len() - 1, 0);
            }
        }
        if let Some(row) = rows.last_mut() {
            row.push_str(&shown);
        }
        col += w;
    }
    if offset == cursor {
        if col >= cols {
            rows.push(String::new());
            col = 0;
        }
        at = (rows.len() - 1, col);
    }
    (rows, at)
}

/// `line` escaped and cut to `cols` columns so that the cursor (given as the
/// text before it on this line) stays visible; and the cursor's column.
fn window(line: &str, before_cursor: Option<&str>, cols: usize) -> (String, Option<usize>) {
    let line = text::escape(line).into_owned();
    let Some(before) = before_cursor else {
        return (text::fit(&line, cols, ""), None);
    };
    let before = text::escape(before).into_owned();
    let mut skip = 0;
    let mut cursor_col = text::width(&before);
    let graphemes: Vec<&str> = line.graphemes(true).collect();
    while cursor_col > cols && skip < graphemes.len() {
        cursor_col -= text::width(graphemes[skip]);
        skip += 1;
    }
    let rest: String = graphemes[skip..].concat();
    (text::fit(&rest, cols, ""), Some(cursor_col))
}
