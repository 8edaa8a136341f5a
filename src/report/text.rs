//! Plain-text reports: for paper and terminals.
//!
//! Every line fits the width in display columns, data strings are escaped, and
//! the only control character pantau writes of its own is the form feed of
//! `--pages`. A report is a header (repeated on every page) and a body of
//! lines, some of which are kept with the line after them (a heading is never
//! the last line of a page).

use super::document::{Block, Document, TargetRow};
use super::layout::{Col, Doc, Line, Table, cells, columns, paginate, table};
use super::{Ctx, Kind, ReportError};
use crate::i18n::Lang;
use crate::i18n::format::number;
use crate::plan::model::{Plan, Program};
use crate::report::overview as summary;
use crate::text::Glyphs;
use crate::text::{escape, fit, pad, width, wrap};

pub(crate) fn render(ctx: &Ctx) -> Result<String, ReportError> {
    let doc = document(ctx);
    paginate(&doc, ctx.request.pages)
}

/// The report as a header and a body, not yet cut into pages.
pub(crate) fn document(ctx: &Ctx) -> Doc {
    let mut doc = Doc::default();
    // The overview in text is the summary, as `pantau summary` writes it.
    if ctx.request.kind == Kind::Overview {
        overview(ctx, &mut doc);
        return doc;
    }
    let document = super::build::document(ctx);
    header(ctx, &mut doc, &document.title);
    let chart = |w| super::timeline::chart(ctx, w);
    blocks(
        &mut doc,
        &document,
        ctx.lang,
        ctx.request.width,
        ctx.g,
        &chart,
    );
    doc
}

/// Title, region and period, the report's title, the filter, a double rule.
fn header(ctx: &Ctx, doc: &mut Doc, title: &str) {
    let (w, g) = (ctx.request.width, &ctx.g);
    doc.header.push(fit(&ctx.plan.title, w, g.ellipsis));
    doc.header.push(fit(&ctx.subtitle(), w, g.ellipsis));
    doc.header.push(fit(title, w, g.ellipsis));
    if let Some(filter) = ctx.filter_line() {
        doc.header.push(fit(&filter, w, g.ellipsis));
    }
    doc.header.push(g.rule.repeat(w));
}

/// The summary, as is; a filter line joins its header when a filter is set.
fn overview(ctx: &Ctx, doc: &mut Doc) {
    let r = ctx.request;
    let filtered;
    let plan = if ctx.sel.narrowed {
        filtered = crate::plan::model::Plan {
            version: ctx.plan.version,
            region: ctx.plan.region.clone(),
            code: ctx.plan.code.clone(),
            province: ctx.plan.province.clone(),
            title: ctx.plan.title.clone(),
            vision: ctx.plan.vision.clone(),
            period: ctx.plan.period,
            bands: ctx.plan.bands,
            dimensions: ctx.plan.dimensions.clone(),
            followups: ctx.plan.followups.clone(),
            programs: ctx
                .plan
                .programs
                .iter()
                .filter(|p| ctx.sel.keeps(p))
                .cloned()
                .collect(),
            evaluation: ctx.plan.evaluation.clone(),
        };
        &filtered
    } else {
        ctx.plan
    };
    let options = summary::Options {
        width: r.width,
        today: ctx.today,
        lang: ctx.lang,
        ascii: r.ascii,
        dimension: ctx.sel.dimension.map(|d| d.id.as_str()),
        days: r.days,
    };
    let text = self::summary(plan, &options);
    let mut lines = text.lines();
    // The summary's header: title, region and period, a rule.
    doc.header
        .extend(lines.by_ref().take(2).map(str::to_string));
    // The summary's table already shows which dimension; other filters are said.
    if let Some(filter) = ctx.filter_line().filter(|_| ctx.sel.narrowed) {
        doc.header.push(fit(&filter, r.width, ctx.g.ellipsis));
    }
    doc.header
        .extend(lines.by_ref().take(1).map(str::to_string));
    for line in lines {
        doc.line(line);
    }
}

/// `pantau summary`: the summary's own lines, then the three questions from
/// the blocks Markdown and HTML lay out too.
pub(crate) fn summary(plan: &Plan, o: &summary::Options) -> String {
    let mut out = summary::render(plan, o);
    let g = Glyphs::of(o.ascii);
    let w = o.width.max(summary::MIN_WIDTH);
    let asked = |p: &Program| o.dimension.is_none_or(|d| p.dimension == d);
    let year = i32::from(o.today.year());
    let document = Document::report(
        String::new(),
        super::questions::blocks(plan, year, asked, o.lang, g),
    );
    // A blank line after the targets, as between the summary's own parts.
    let mut doc = Doc::default();
    doc.line("");
    blocks(&mut doc, &document, o.lang, w, g, &|_| {
        (Vec::new(), Vec::new())
    });
    for line in doc.body {
        out.push_str(&line.text);
        out.push('\n');
    }
    out
}

/// How the timeline is drawn at a width: its axis and its lines.
type Chart<'a> = &'a dyn Fn(usize) -> (Vec<String>, Vec<Line>);

/// `pantau rollup` as text: its title, then its parts.
pub(crate) fn listing(document: &Document, lang: Lang, w: usize, g: &Glyphs) -> String {
    let mut doc = Doc::default();
    doc.header
        .push(fit(&escape(&document.title), w, g.ellipsis));
    blocks(&mut doc, document, lang, w, g, &|_| {
        (Vec::new(), Vec::new())
    });
    // Without pages there is nothing to refuse.
    paginate(&doc, None).unwrap_or_default()
}

/// The blocks of a built document as lines. Aligned tables share one
/// layout, so their columns line up down the page.
fn blocks(doc: &mut Doc, document: &Document, lang: Lang, w: usize, g: &Glyphs, chart: Chart) {
    let none = lang.report().none;
    let mut aligned = document.blocks.iter().filter_map(|b| match b {
        Block::Table(t) if t.aligned => Some(t),
        _ => None,
    });
    let mut shared = aligned.next().map(|first| {
        let rows: Vec<Vec<String>> = std::iter::once(first)
            .chain(aligned)
            .flat_map(|t| cells(t, lang))
            .collect();
        let lines = table(&columns(first), &rows, w, 2, true, g);
        let mut lines = lines.into_iter();
        let head: Vec<String> = lines.by_ref().take(2).collect();
        (head, lines)
    });
    let mut cards = Cards::new(document, lang, w, g);
    let mut after: Option<&Block> = None;
    for block in &document.blocks {
        match block {
            Block::Heading(_, text) if document.listing => {
                doc.line("");
                doc.line(text.as_str());
            }
            Block::Heading(2, text) => doc.heading(text, w, g),
            Block::Heading(_, text) => {
                doc.blank();
                doc.keep(fit(text, w, g.ellipsis));
            }
            Block::Subject { id, name } => doc.heading(&format!("{id}  {name}"), w, g),
            Block::Targets(rows) if rows.is_empty() => doc.line(format!("  {none}")),
            Block::Targets(rows) => {
                for t in rows {
                    cards.card(doc, t, w, g);
                }
            }
            Block::Timeline => {
                let (axis, body) = chart(w);
                doc.header.extend(axis);
                doc.body.extend(body);
            }
            Block::Fields(fields) => field_lines(doc, fields, w, g),
            Block::Note(text) => {
                for l in wrap(text, w.saturating_sub(2).max(20)) {
                    doc.line(format!("  {l}"));
                }
            }
            Block::List(items) => {
                for item in items {
                    doc.line(fit(&format!("  {}", escape(item)), w, g.ellipsis));
                }
            }
            Block::Nothing(text) => {
                doc.blank();
                doc.line(format!("  {text}"));
            }
            Block::Table(t) => {
                for line in t.caption.iter().flat_map(|c| wrap(c, w)) {
                    doc.keep(line);
                }
                // A table of its own stands apart from the sentences before
                // it, and in a listing from the part before it.
                if !t.aligned {
                    match after {
                        Some(Block::Note(_)) if !t.rows.is_empty() => doc.blank(),
                        Some(Block::Note(_) | Block::Heading(..)) => {}
                        _ if document.listing => doc.line(""),
                        _ => {}
                    }
                }
                if t.rows.is_empty() {
                    doc.line(format!("  {none}"));
                } else if let (true, Some((head, rows))) = (t.aligned, shared.as_mut()) {
                    let part = head
                        .iter()
                        .cloned()
                        .chain(rows.by_ref().take(t.rows.len()))
                        .collect();
                    doc.table(part, true);
                } else {
                    let rows = cells(t, lang);
                    let indent = if t.flush { 0 } else { 2 };
                    let header = !t.bare;
                    doc.table(table(&columns(t), &rows, w, indent, header, g), header);
                }
            }
        }
        after = Some(block);
    }
}

/// Labels in a column, each value wrapped beside its label.
fn field_lines(doc: &mut Doc, fields: &[(String, String)], w: usize, g: &Glyphs) {
    let label_cols = fields.iter().map(|(l, _)| width(l)).max().unwrap_or(0);
    let value_cols = w.saturating_sub(label_cols + 2).max(10);
    for (label, value) in fields {
        for (i, line) in wrap(value, value_cols).into_iter().enumerate() {
            let label = if i == 0 { label } else { "" };
            let text = format!("{}  {line}", pad(label, label_cols, g.ellipsis));
            doc.line(fit(text.trim_end(), w, g.ellipsis));
        }
    }
}

/// Targets in two lines each: year, programme and indicator; then baseline
/// → target, actual, achievement and band, in columns aligned down the page
/// across every list of targets in the document; what a target says of
/// itself below, muted.
struct Cards {
    id_cols: usize,
    lead: usize,
    second: std::vec::IntoIter<String>,
    third: std::vec::IntoIter<String>,
}

impl Cards {
    fn new(document: &Document, lang: Lang, w: usize, g: &Glyphs) -> Cards {
        let rows: Vec<&TargetRow> = document
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Targets(rows) => Some(rows),
                _ => None,
            })
            .flatten()
            .collect();
        let id_cols = rows
            .iter()
            .filter_map(|t| t.id.as_deref())
            .map(|id| width(&escape(id)))
            .max()
            .unwrap_or(0)
            .min(12);
        let show_id = rows.first().is_some_and(|t| t.id.is_some());
        let lead = 2 + 4 + 2 + if show_id { id_cols + 2 } else { 0 };
        let figures: Vec<Vec<String>> = rows.iter().map(|t| figure_cells(t, lang, w, g)).collect();
        let cols = [Col::right(""), Col::left(""), Col::right(""), Col::left("")];
        // One line of figures under the indicator when there is room, further
        // left when not; on a narrow page achievement and band go on a third line.
        let all_figures = Table::new(&cols, &figures, false);
        let (second, third) = if all_figures.natural_width() + 2 <= w {
            let indent = lead.min(w - all_figures.natural_width());
            (all_figures.render(w, indent, g), Vec::new())
        } else {
            let (plans, bands): (Vec<Vec<String>>, Vec<Vec<String>>) = figures
                .iter()
                .cloned()
                .map(|mut f| {
                    let band = f.split_off(2);
                    (f, band)
                })
                .unzip();
            let lines = |cols: &[Col], rows: &[Vec<String>]| {
                let table = Table::new(cols, rows, false);
                let indent = lead.min(w.saturating_sub(table.natural_width())).max(2);
                table.render(w, indent, g)
            };
            (lines(&cols[..2], &plans), lines(&cols[2..], &bands))
        };
        Cards {
            id_cols,
            lead,
            second: second.into_iter(),
            third: third.into_iter(),
        }
    }

    fn card(&mut self, doc: &mut Doc, t: &TargetRow, w: usize, g: &Glyphs) {
        let mut first = format!("  {}  ", t.year);
        if let Some(id) = &t.id {
            first.push_str(&pad(id, self.id_cols, g.ellipsis));
            first.push_str("  ");
        }
        let room = w.saturating_sub(width(&first));
        first.push_str(&fit(&t.indicator, room, g.ellipsis));
        first.truncate(first.trim_end().len());
        doc.keep(fit(&first, w, g.ellipsis));
        let figures = self.second.next().unwrap_or_default();
        match self.third.next() {
            Some(band) if !band.is_empty() => {
                doc.keep(figures);
                if t.about.is_some() {
                    doc.keep(band);
                } else {
                    doc.line(band);
                }
            }
            _ if t.about.is_some() => doc.keep(figures),
            _ => doc.line(figures),
        }
        // Which way is good and where the figure comes from, muted below.
        if let Some(about) = &t.about {
            let indent = self.lead.min(w / 3);
            let lines = wrap(about, w.saturating_sub(indent).max(20));
            let n = lines.len();
            for (i, l) in lines.into_iter().enumerate() {
                let text = fit(&format!("{}{l}", " ".repeat(indent)), w, g.ellipsis);
                if i + 1 < n {
                    doc.keep(text)
                } else {
                    doc.line(text)
                }
            }
        }
    }
}

/// "0 → 150 titik", "actual 150", "100%", "Very good"
fn figure_cells(t: &TargetRow, lang: Lang, w: usize, g: &Glyphs) -> Vec<String> {
    let figure = |out: &mut String, v: Option<f64>| match v {
        Some(v) => out.push_str(&number(v, lang)),
        None => out.push_str(g.none),
    };
    let mut plan = String::with_capacity(32);
    figure(&mut plan, t.baseline);
    plan.push(' ');
    plan.push_str(g.arrow);
    plan.push(' ');
    plan.push_str(&t.goal);
    if !t.unit.is_empty() {
        plan.push(' ');
        plan.push_str(&t.unit);
    }
    let mut actual = String::with_capacity(24);
    actual.push_str(lang.report().actual_inline);
    actual.push(' ');
    figure(&mut actual, t.actual);
    vec![
        fit(&plan, (w / 3).max(20), g.ellipsis),
        actual,
        t.percent.clone(),
        t.band.clone(),
    ]
}
