//! Screenshots of every view, drawn by the real renderer into `screenshots/`:
//! `<scene>.txt` (the screen as plain text) and `<scene>.svg` (with colours).
//!
//! Regenerate after a UI change, as every golden (`common::golden`):
//!
//!     INSTA_UPDATE=always cargo test --test it screenshots
//!
//! PNGs are made from the SVGs with librsvg (Debian: `apt-get install -y
//! librsvg2-bin fonts-dejavu-core`); the test does not check them:
//!
//!     for f in screenshots/*.svg; do rsvg-convert -o "${f%.svg}.png" "$f"; done

use pantau::i18n::Lang;
use pantau::tui::action::{Action, View};
use pantau::tui::theme::Theme;
use pantau::tui::update::update;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::{Buffer, Cell, CellWidth};
use ratatui::style::{Color, Modifier};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::common::{example_app, interface::today};

const STALE: &str = "screenshots are stale: accept with \
     `INSTA_UPDATE=always cargo test --test it screenshots`, then review with `git diff`";

struct Scene {
    name: &'static str,
    size: (u16, u16),
    lang: Lang,
    theme: Theme,
    actions: Vec<Action>,
}

const COLOUR: Theme = Theme {
    mono: false,
    ascii: false,
    palette: pantau::tui::theme::Palette::DEFAULT,
};

fn scene(name: &'static str, actions: Vec<Action>) -> Scene {
    Scene {
        name,
        size: (80, 24),
        lang: Lang::En,
        theme: COLOUR,
        actions,
    }
}

fn scenes() -> Vec<Scene> {
    use Action::*;
    let mut filter = vec![Show(View::Dimensions), Open, StartFilter];
    filter.extend("app".chars().map(FilterInput));
    vec![
        scene("dashboard", vec![]),
        scene("dimensions", vec![Show(View::Dimensions), Open, Down, Down]),
        scene("detail", vec![Show(View::Dimensions), Open, Open]),
        scene("timeline", vec![Show(View::Timeline), Down, Down]),
        scene("filter", filter),
        scene("help", vec![Show(View::Dimensions), ToggleHelp]),
        Scene {
            size: (40, 10),
            ..scene("too-small", vec![])
        },
        Scene {
            lang: Lang::Id,
            ..scene("dashboard-id", vec![])
        },
        Scene {
            theme: Theme {
                mono: true,
                ascii: false,
                palette: pantau::tui::theme::Palette::DEFAULT,
            },
            ..scene("dashboard-mono", vec![])
        },
        Scene {
            theme: Theme {
                mono: false,
                ascii: true,
                palette: pantau::tui::theme::Palette::DEFAULT,
            },
            ..scene("timeline-ascii", vec![Show(View::Timeline), Down, Down])
        },
        Scene {
            size: (120, 40),
            ..scene("dashboard-120x40", vec![])
        },
        scene("evaluation", vec![Show(View::Evaluation), Down, Down]),
        Scene {
            size: (120, 40),
            lang: Lang::Id,
            ..scene("evaluation-id-120x40", vec![Show(View::Evaluation)])
        },
        // Editing: the program form mid-edit, a milestone form refusing a
        // bad date, and the question on quitting with unsaved changes.
        scene("edit-form", {
            // The detail opens on the first milestone: up to the program line.
            let mut keys = vec![Show(View::Dimensions), Open, Open, Up, Edit];
            keys.extend(" (tahap II)".chars().map(FormChar));
            keys
        }),
        scene("edit-milestone-invalid", {
            let mut keys = vec![
                Show(View::Dimensions),
                Open,
                Open,
                Down,
                Edit,
                FormNext,
                FormClear,
            ];
            keys.extend("03/31/2023".chars().map(FormChar));
            keys.push(FormEnter);
            keys
        }),
        scene(
            "quit-prompt",
            vec![
                Show(View::Dimensions),
                Open,
                ChooseStatus,
                ChoiceMove { down: true },
                Yes,
                Quit,
            ],
        ),
        Scene {
            lang: Lang::Id,
            ..scene(
                "quit-prompt-id",
                vec![
                    Show(View::Dimensions),
                    Open,
                    ChooseStatus,
                    ChoiceMove { down: true },
                    Yes,
                    Quit,
                ],
            )
        },
    ]
}

fn render(scene: &Scene) -> Buffer {
    let mut app = example_app(scene.lang, today(), scene.size);
    let (w, h) = scene.size;
    for action in &scene.actions {
        update(&mut app, action.clone());
    }
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal
        .draw(|f| pantau::tui::ui::draw(f, &app, &scene.theme))
        .unwrap();
    terminal.backend().buffer().clone()
}

/// The cells of each row that are on screen, with their column: a wide
/// symbol takes two columns and hides the cell after it.
fn rows(buffer: &Buffer) -> Vec<Vec<(u16, &Cell)>> {
    let area = buffer.area;
    (0..area.height)
        .map(|y| {
            let mut row = Vec::new();
            let mut x = 0;
            while x < area.width {
                let cell = &buffer[(area.x + x, area.y + y)];
                if !cell.symbol().is_empty() {
                    row.push((x, cell));
                }
                x += cell.cell_width().max(1);
            }
            row
        })
        .collect()
}

fn to_text(buffer: &Buffer) -> String {
    let mut out = String::new();
    for row in rows(buffer) {
        let line: String = row.iter().map(|(_, c)| c.symbol()).collect();
        out.push_str(line.trim_end_matches(' '));
        out.push('\n');
    }
    out
}

// ---- SVG ----------------------------------------------------------------

const CELL_W: f64 = 8.4;
const LINE_H: f64 = 17.0;
const FONT_SIZE: f64 = 14.0;
/// The text baseline below a row's top: DejaVu Sans Mono's ascent at 14 px,
/// centred in the line.
const BASELINE: f64 = 13.0;
const BACKGROUND: &str = "#1c1c1c";
const FOREGROUND: &str = "#d0d0d0";

/// xterm's 16 colours, but for blue: xterm's #0000ee is unreadable on a dark
/// background, so blue is Windows Terminal's (Campbell) bright blue.
fn hex(colour: Color) -> Option<String> {
    let named = match colour {
        Color::Reset => return None,
        Color::Black => "#000000",
        Color::Red => "#cd0000",
        Color::Green => "#00cd00",
        Color::Yellow => "#cdcd00",
        Color::Blue => "#3b78ff",
        Color::Magenta => "#cd00cd",
        Color::Cyan => "#00cdcd",
        Color::Gray => "#e5e5e5",
        Color::DarkGray => "#7f7f7f",
        Color::LightRed => "#ff0000",
        Color::LightGreen => "#00ff00",
        Color::LightYellow => "#ffff00",
        Color::LightBlue => "#5c5cff",
        Color::LightMagenta => "#ff00ff",
        Color::LightCyan => "#00ffff",
        Color::White => "#ffffff",
        Color::Rgb(r, g, b) => return Some(format!("#{r:02x}{g:02x}{b:02x}")),
        Color::Indexed(i) => return Some(indexed(i)),
    };
    Some(named.to_string())
}

/// xterm's 256-colour palette.
fn indexed(i: u8) -> String {
    const BASIC: [Color; 16] = [
        Color::Black,
        Color::Red,
        Color::Green,
        Color::Yellow,
        Color::Blue,
        Color::Magenta,
        Color::Cyan,
        Color::Gray,
        Color::DarkGray,
        Color::LightRed,
        Color::LightGreen,
        Color::LightYellow,
        Color::LightBlue,
        Color::LightMagenta,
        Color::LightCyan,
        Color::White,
    ];
    match i {
        0..16 => hex(BASIC[usize::from(i)]).unwrap(),
        16..232 => {
            let level = |v: u8| if v == 0 { 0 } else { 55 + 40 * v };
            let n = i - 16;
            let (r, g, b) = (level(n / 36), level(n / 6 % 6), level(n % 6));
            format!("#{r:02x}{g:02x}{b:02x}")
        }
        _ => {
            let v = 8 + 10 * (i - 232);
            format!("#{v:02x}{v:02x}{v:02x}")
        }
    }
}

/// What a cell looks like on screen: colours after reverse video, and the
/// attributes that change how its text is drawn.
#[derive(Clone, PartialEq)]
struct Look {
    fg: String,
    /// `None` is the terminal's background, drawn once for the whole screen.
    bg: Option<String>,
    bold: bool,
    italic: bool,
    dim: bool,
    underline: bool,
    strike: bool,
    hidden: bool,
}

fn look(cell: &Cell) -> Look {
    let m = cell.modifier;
    let (mut fg, mut bg) = (hex(cell.fg), hex(cell.bg));
    if m.contains(Modifier::REVERSED) {
        (fg, bg) = (
            Some(bg.unwrap_or_else(|| BACKGROUND.to_string())),
            Some(fg.unwrap_or_else(|| FOREGROUND.to_string())),
        );
    }
    Look {
        fg: fg.unwrap_or_else(|| FOREGROUND.to_string()),
        bg,
        bold: m.contains(Modifier::BOLD),
        italic: m.contains(Modifier::ITALIC),
        dim: m.contains(Modifier::DIM),
        underline: m.contains(Modifier::UNDERLINED),
        strike: m.contains(Modifier::CROSSED_OUT),
        hidden: m.contains(Modifier::HIDDEN),
    }
}

/// Block elements drawn as rectangles so they fill the cell exactly:
/// (left, top, width, height) as fractions of the cell, and opacity.
fn block_element(symbol: &str) -> Option<(f64, f64, f64, f64, f64)> {
    Some(match symbol {
        "█" => (0.0, 0.0, 1.0, 1.0, 1.0),
        "▓" => (0.0, 0.0, 1.0, 1.0, 0.75),
        "▒" => (0.0, 0.0, 1.0, 1.0, 0.5),
        "░" => (0.0, 0.0, 1.0, 1.0, 0.25),
        "▀" => (0.0, 0.0, 1.0, 0.5, 1.0),
        "▄" => (0.0, 0.5, 1.0, 0.5, 1.0),
        "▌" => (0.0, 0.0, 0.5, 1.0, 1.0),
        "▐" => (0.5, 0.0, 0.5, 1.0, 1.0),
        _ => return None,
    })
}

/// Box-drawing lines drawn as strokes from the cell's centre so they join
/// across cells and rows: which arms (up, down, left, right) and how thick.
fn box_drawing(symbol: &str) -> Option<([bool; 4], f64)> {
    const LIGHT: f64 = 1.0;
    const HEAVY: f64 = 2.2;
    let (arms, weight) = match symbol {
        "─" => ("  lr", LIGHT),
        "│" => ("ud  ", LIGHT),
        "┌" | "╭" => (" d r", LIGHT),
        "┐" | "╮" => (" dl ", LIGHT),
        "└" | "╰" => ("u  r", LIGHT),
        "┘" | "╯" => ("u l ", LIGHT),
        "├" => ("ud r", LIGHT),
        "┤" => ("udl ", LIGHT),
        "┬" => (" dlr", LIGHT),
        "┴" => ("u lr", LIGHT),
        "┼" => ("udlr", LIGHT),
        "━" => ("  lr", HEAVY),
        "┃" => ("ud  ", HEAVY),
        "┏" => (" d r", HEAVY),
        "┓" => (" dl ", HEAVY),
        "┗" => ("u  r", HEAVY),
        "┛" => ("u l ", HEAVY),
        "┣" => ("ud r", HEAVY),
        "┫" => ("udl ", HEAVY),
        "┳" => (" dlr", HEAVY),
        "┻" => ("u lr", HEAVY),
        "╋" => ("udlr", HEAVY),
        _ => return None,
    };
    let b = arms.as_bytes();
    Some((
        [b[0] != b' ', b[1] != b' ', b[2] != b' ', b[3] != b' '],
        weight,
    ))
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A coordinate with at most two decimals and no trailing zeros.
fn num(v: f64) -> String {
    let s = format!("{v:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.into() }
}

fn to_svg(buffer: &Buffer) -> String {
    let (w, h) = (buffer.area.width, buffer.area.height);
    let (width, height) = (num(f64::from(w) * CELL_W), num(f64::from(h) * LINE_H));
    let mut out = String::new();
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}">"#
    );
    let _ = writeln!(
        out,
        r#"<rect width="100%" height="100%" fill="{BACKGROUND}"/>"#
    );
    let _ = writeln!(
        out,
        r#"<g font-family="DejaVu Sans Mono, monospace" font-size="{FONT_SIZE}" xml:space="preserve">"#
    );
    for (y, row) in rows(buffer).iter().enumerate() {
        let top = y as f64 * LINE_H;
        let cells: Vec<(u16, u16, &Cell, Look)> = row
            .iter()
            .map(|&(x, c)| (x, c.cell_width().max(1), c, look(c)))
            .collect();
        // Backgrounds, merged across neighbouring cells of the same colour.
        let mut i = 0;
        while i < cells.len() {
            let (x, _, _, ref l) = cells[i];
            let mut j = i;
            let mut end = x;
            while j < cells.len() && cells[j].3.bg == l.bg && cells[j].0 == end {
                end += cells[j].1;
                j += 1;
            }
            if let Some(bg) = &l.bg {
                let _ = writeln!(
                    out,
                    r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{bg}"/>"#,
                    num(f64::from(x) * CELL_W),
                    num(top),
                    num(f64::from(end - x) * CELL_W),
                    num(LINE_H)
                );
            }
            i = j;
        }
        // Foregrounds: shapes for blocks and lines, text runs for the rest.
        let mut i = 0;
        while i < cells.len() {
            let (x, _, cell, ref l) = cells[i];
            let symbol = cell.symbol();
            let opacity = if l.dim { 0.6 } else { 1.0 };
            let left = f64::from(x) * CELL_W;
            if l.hidden {
                i += 1;
                continue;
            }
            if let Some((fx, fy, fw, fh, alpha)) = block_element(symbol) {
                // One rectangle for a row of equal blocks: no seams between cells.
                let mut j = i + 1;
                while fw == 1.0
                    && j < cells.len()
                    && cells[j].2.symbol() == symbol
                    && cells[j].3 == *l
                    && cells[j].0 == cells[j - 1].0 + cells[j - 1].1
                {
                    j += 1;
                }
                let cols = f64::from(cells[j - 1].0 + cells[j - 1].1 - x);
                let _ = writeln!(
                    out,
                    r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{}"{}/>"#,
                    num(left + fx * CELL_W),
                    num(top + fy * LINE_H),
                    num((cols - 1.0 + fw) * CELL_W),
                    num(fh * LINE_H),
                    l.fg,
                    opacity_attr(alpha * opacity)
                );
                i = j;
                continue;
            }
            if let Some((_, weight)) = box_drawing(symbol) {
                // One path for neighbouring lines of the same look: vertical
                // strokes per cell, horizontal ones joined into long segments.
                let mut d = String::new();
                let mut horizontal: Option<(f64, f64)> = None;
                let mut j = i;
                while j < cells.len() && cells[j].3 == *l {
                    let Some((arms, w)) = box_drawing(cells[j].2.symbol()) else {
                        break;
                    };
                    if w != weight || (j > i && cells[j].0 != cells[j - 1].0 + cells[j - 1].1) {
                        break;
                    }
                    let left = f64::from(cells[j].0) * CELL_W;
                    let (cx, cy) = (left + CELL_W / 2.0, top + LINE_H / 2.0);
                    let [up, down, west, east] = arms;
                    if up || down {
                        let y0 = if up { top } else { cy };
                        let y1 = if down { top + LINE_H } else { cy };
                        let _ = write!(d, "M{} {}V{}", num(cx), num(y0), num(y1));
                    }
                    if west || east {
                        let x0 = if west { left } else { cx };
                        let x1 = if east { left + CELL_W } else { cx };
                        horizontal = match horizontal {
                            Some((a, b)) if west && (b - x0).abs() < 1e-6 => Some((a, x1)),
                            Some((a, b)) => {
                                let _ = write!(d, "M{} {}H{}", num(a), num(cy), num(b));
                                Some((x0, x1))
                            }
                            None => Some((x0, x1)),
                        };
                    }
                    j += 1;
                }
                if let Some((a, b)) = horizontal {
                    let _ = write!(d, "M{} {}H{}", num(a), num(top + LINE_H / 2.0), num(b));
                }
                let weight = if l.bold { weight * 1.5 } else { weight };
                let _ = writeln!(
                    out,
                    r#"<path d="{d}" stroke="{}" stroke-width="{}" stroke-linecap="square" fill="none"{}/>"#,
                    l.fg,
                    num(weight),
                    opacity_attr(opacity)
                );
                i = j;
                continue;
            }
            // A run: following cells of the same look, each one character,
            // placed at its own column so the grid holds whatever the font.
            let mut j = i;
            let mut text = String::new();
            let mut xs = Vec::new();
            while j < cells.len() {
                let (cx, _, c, ref cl) = cells[j];
                let s = c.symbol();
                let single = s.chars().count() == 1;
                if j > i
                    && (cl != l
                        || !single
                        || block_element(s).is_some()
                        || box_drawing(s).is_some())
                {
                    break;
                }
                text.push_str(s);
                xs.push(num(f64::from(cx) * CELL_W));
                j += 1;
                if !single {
                    break;
                }
            }
            if !(l.underline || l.strike) {
                // Trailing blanks draw nothing.
                while text.ends_with(' ') {
                    text.pop();
                    xs.pop();
                }
            }
            if !text.is_empty() {
                let mut attrs = format!(r#" fill="{}""#, l.fg);
                if l.bold {
                    attrs.push_str(r#" font-weight="bold""#);
                }
                if l.italic {
                    attrs.push_str(r#" font-style="italic""#);
                }
                let decorations: Vec<&str> =
                    [(l.underline, "underline"), (l.strike, "line-through")]
                        .iter()
                        .filter(|(on, _)| *on)
                        .map(|(_, d)| *d)
                        .collect();
                if !decorations.is_empty() {
                    let _ = write!(attrs, r#" text-decoration="{}""#, decorations.join(" "));
                }
                attrs.push_str(&opacity_attr(opacity));
                let _ = writeln!(
                    out,
                    r#"<text x="{}" y="{}"{attrs}>{}</text>"#,
                    xs.join(" "),
                    num(top + BASELINE),
                    escape(&text)
                );
            }
            i = j;
        }
    }
    out.push_str("</g>\n</svg>\n");
    out
}

fn opacity_attr(opacity: f64) -> String {
    if opacity < 1.0 {
        format!(r#" opacity="{}""#, num(opacity))
    } else {
        String::new()
    }
}

// ---- Tests --------------------------------------------------------------

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("screenshots")
}

#[test]
fn screenshots_are_up_to_date() {
    let dir = dir();
    let mut files = Vec::new();
    for scene in scenes() {
        let buffer = render(&scene);
        files.push((format!("{}.txt", scene.name), to_text(&buffer)));
        files.push((format!("{}.svg", scene.name), to_svg(&buffer)));
    }
    let update = crate::common::golden::accepting();
    // Screenshots of scenes that no longer exist are stale too.
    let mut orphans = Vec::new();
    if let Ok(entries) = std::fs::read_dir(&dir) {
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let ours = name.ends_with(".txt") || name.ends_with(".svg");
            if ours && !files.iter().any(|(f, _)| *f == name) {
                orphans.push(name);
            }
        }
    }
    orphans.sort();
    if update {
        std::fs::create_dir_all(&dir).unwrap();
        for (name, content) in &files {
            let path = dir.join(name);
            if std::fs::read_to_string(&path).ok().as_deref() != Some(content) {
                std::fs::write(&path, content).unwrap();
            }
        }
        for name in &orphans {
            std::fs::remove_file(dir.join(name)).unwrap();
        }
        return;
    }
    let mut stale: Vec<String> = files
        .iter()
        .filter_map(
            |(name, content)| match std::fs::read_to_string(dir.join(name)) {
                Ok(on_disk) if on_disk == *content => None,
                Ok(_) => Some(format!("{name} (differs)")),
                Err(_) => Some(format!("{name} (missing)")),
            },
        )
        .collect();
    stale.extend(orphans.iter().map(|n| format!("{n} (no such scene)")));
    assert!(stale.is_empty(), "{STALE}\n  {}", stale.join("\n  "));
}

#[test]
fn mono_has_no_colour() {
    let scene = scenes()
        .into_iter()
        .find(|s| s.name == "dashboard-mono")
        .unwrap();
    assert!(scene.theme.mono);
    let buffer = render(&scene);
    for (i, cell) in buffer.content.iter().enumerate() {
        let at = buffer.pos_of(i);
        assert_eq!(
            (cell.fg, cell.bg),
            (Color::Reset, Color::Reset),
            "cell {at:?} {:?} has colour",
            cell.symbol()
        );
    }
}

#[test]
fn text_drops_cells_hidden_by_wide_symbols() {
    let mut buffer = Buffer::empty(ratatui::layout::Rect::new(0, 0, 6, 1));
    buffer.set_string(0, 0, "a界b ", ratatui::style::Style::default());
    assert_eq!(to_text(&buffer), "a界b\n");
    let svg = to_svg(&buffer);
    assert!(
        svg.contains(r##"<text x="0 8.4 25.2" y="13" fill="#d0d0d0">a界b</text>"##),
        "{svg}"
    );
}
