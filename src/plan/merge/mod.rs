//! Three-way merge of plans, for two officers saving the same file.
//!
//! `base` is the plan both started from, `mine` this session's, `theirs`
//! what another officer saved meanwhile. Every list is merged item by item
//! (programmes and dimensions matched by id, milestones and targets by the
//! rule of [`by_match`]), every item field by field through the field
//! registry, and the order of each list and the top comment three ways too.
//! Only the same field of the same item changed two different ways is a
//! conflict, and the caller decides it: two officers who tick different
//! milestones of one programme, or each add one, both keep their work.
//!
//! This file is the engine; beside it live what a conflict is (`conflict`),
//! which item is which (`identity`), undo's rebase (`rebase`) and the audit
//! diff (`diff`), each re-exported here under its old path.

use crate::plan::edit::{Edit, Header};
use crate::plan::field::{
    BudgetChangeField, BudgetField, DimensionField, EvidenceField, FollowUpField, HeaderField,
    MilestoneField, PeriodField, ProgramField, SubActivityField, TargetField,
};
use crate::plan::followup::FollowUp;
use crate::plan::model::{
    Budget, BudgetChange, Dimension, Evidence, FiscalPeriod, Milestone, Plan, Program, SubActivity,
    Target,
};
use std::collections::HashMap;

mod conflict;
mod diff;
mod identity;
mod ids;
mod rebase;

pub use conflict::{Author, Choice, Conflict, Field, List, Subject, logged_under};
pub use diff::{Logged, changes, program_changes};
pub use identity::{
    BUDGET_CHANGE_KEYS, BUDGET_KEYS, EVIDENCE_KEYS, FOLLOWUP_KEYS, MILESTONE_KEYS, PERIOD_KEYS,
    SUBACTIVITY_KEYS, TARGET_KEYS, find_again, find_again_in,
};
use identity::{Ident, by_key, by_match};
pub use ids::{Renamed, Why, next_id, renamed_programs, renames};
pub use rebase::rebase;

fn show_milestone(m: &Milestone) -> String {
    format!("[{}] {} {}", if m.done { "x" } else { " " }, m.due, m.title)
}

fn show_target(t: &Target) -> String {
    let opt = |v: Option<f64>| v.map_or_else(|| "-".to_string(), |n| n.to_string());
    format!(
        "{} {}: {} -> {} (actual {})",
        t.year,
        t.indicator,
        opt(t.baseline),
        t.target,
        opt(t.actual)
    )
}

fn show_budget(b: &Budget) -> String {
    let spent = b.spent.map_or_else(|| "-".to_string(), |n| n.to_string());
    format!("{}: {} (spent {spent}) {}", b.year, b.allocation, b.source)
        .trim_end()
        .to_string()
}

fn show_followup(f: &FollowUp) -> String {
    format!("{} [{}] {} {}", f.id, f.status.key(), f.deadline, f.what)
        .trim_end()
        .to_string()
}

fn show_evidence(e: &Evidence) -> String {
    format!(
        "[{}] {} ({}) {}",
        e.state.key(),
        e.name,
        e.kind.key(),
        e.link
    )
    .trim_end()
    .to_string()
}

fn show_period(x: &FiscalPeriod) -> String {
    let opt = |v: Option<f64>| v.map_or_else(|| "-".to_string(), |n| n.to_string());
    format!(
        "{} {}: plan {} spent {} physical {}",
        x.year,
        x.tag(),
        opt(x.cash_plan),
        opt(x.spent),
        opt(x.physical)
    )
}

fn show_budget_change(c: &BudgetChange) -> String {
    format!(
        "{} {}: {} ({}) {}",
        c.year,
        c.date,
        c.allocation,
        c.kind.key(),
        c.note
    )
    .trim_end()
    .to_string()
}

fn show_subactivity(s: &SubActivity) -> String {
    let allocation = s.allocation.map_or_else(String::new, |a| a.to_string());
    format!("{} {} ({}) {allocation}", s.code, s.name, s.agency)
        .trim_end()
        .to_string()
}

/// Asks `decide` about each conflict; what it leaves open is collected and
/// theirs is kept for now.
struct Asker<'a> {
    decide: &'a dyn Fn(&Conflict) -> Option<Choice>,
    open: Vec<Conflict>,
    /// Programmes the other side renamed: what this side's work follows.
    renamed: Vec<Renamed>,
}

impl Asker<'_> {
    fn ask(&mut self, conflict: Conflict) -> Choice {
        match (self.decide)(&conflict) {
            Some(choice) => choice,
            None => {
                self.open.push(conflict);
                Choice::Theirs
            }
        }
    }

    /// One field three ways: whether mine is the value to keep. Mine where
    /// only I changed it; where both did, differently, the question is asked.
    /// Without a base (both added the item) every difference is asked.
    fn take_mine(
        &mut self,
        changed: impl Fn(Pick) -> bool,
        same_both: bool,
        conflict: impl FnOnce() -> Conflict,
    ) -> bool {
        if !changed(Pick::Mine) || same_both {
            return false;
        }
        !changed(Pick::Theirs) || self.ask(conflict()) == Choice::Mine
    }
}

#[derive(Clone, Copy)]
enum Pick {
    Mine,
    Theirs,
}

fn conflict(subject: &Subject, field: Field, mine: String, theirs: String) -> Conflict {
    Conflict {
        subject: subject.clone(),
        field,
        mine: Some(mine),
        theirs: Some(theirs),
        by: None,
        changed: Vec::new(),
    }
}

/// Merges. `decide` answers each conflict; with `None` from it the conflict
/// is collected and theirs is kept for now. Returns the merged plan and the
/// undecided conflicts. Linear in the plan: programmes are matched by id
/// through maps, and a programme only one side changed costs a comparison.
pub fn merge(
    base: &Plan,
    mine: &Plan,
    theirs: &Plan,
    decide: &dyn Fn(&Conflict) -> Option<Choice>,
) -> (Plan, Vec<Conflict>) {
    let merged = merge_following(base, mine, theirs, decide);
    (merged.plan, merged.open)
}

/// What a merge made: the plan, the conflicts `decide` left open (theirs
/// kept for now), and the ids of this side's items that changed under it.
#[derive(Debug)]
pub struct Merged {
    pub plan: Plan,
    pub open: Vec<Conflict>,
    pub renamed: Vec<Renamed>,
}

/// [`merge`], saying which of mine's ids changed: a programme or dimension
/// both sides added under one id, differently, is two (mine under the next
/// free id, [`Why::Taken`]), and a programme renamed on one side is matched
/// across the rename, so the other side's edits land on it under its new id
/// ([`Why::RenamedThere`] where theirs renamed it).
pub fn merge_following(
    base: &Plan,
    mine: &Plan,
    theirs: &Plan,
    decide: &dyn Fn(&Conflict) -> Option<Choice>,
) -> Merged {
    let renumbered = ids::renumber(base, mine, theirs);
    let (mine, mut renamed) = match &renumbered {
        Some((plan, renamed)) => (plan, renamed.clone()),
        None => (mine, Vec::new()),
    };
    let mut asker = Asker {
        decide,
        open: Vec::new(),
        renamed: Vec::new(),
    };
    let plan = merge_plan(&mut asker, base, mine, theirs);
    renamed.append(&mut asker.renamed);
    Merged {
        plan,
        open: asker.open,
        renamed,
    }
}

/// The top comment, three ways: whoever changed it, or asked when both did.
pub fn merge_comment(
    base: &str,
    mine: &str,
    theirs: &str,
    decide: &dyn Fn(&Conflict) -> Option<Choice>,
) -> (String, Option<Conflict>) {
    let mut asker = Asker {
        decide,
        open: Vec::new(),
        renamed: Vec::new(),
    };
    let keep_mine = asker.take_mine(
        |side| match side {
            Pick::Mine => mine != base,
            Pick::Theirs => theirs != base,
        },
        mine == theirs,
        || conflict(&Subject::Plan, Field::Comment, mine.into(), theirs.into()),
    );
    let text = if keep_mine { mine } else { theirs };
    (text.to_string(), asker.open.pop())
}

fn merge_plan(asker: &mut Asker, base: &Plan, mine: &Plan, theirs: &Plan) -> Plan {
    let header = merge_header(
        asker,
        &Header::of(base),
        &Header::of(mine),
        &Header::of(theirs),
    );
    // A dimension renamed on one side is that dimension on the other, and
    // the other side's programmes in it follow it to its new id.
    let dims_mine = ids::renamed_dimensions(base, mine);
    let dims_theirs = ids::renamed_dimensions(base, theirs);
    let (dm, dt) = by_key(
        &base.dimensions,
        [&mine.dimensions, &theirs.dimensions],
        |d| d.id.as_str(),
        [&dims_mine, &dims_theirs],
    );
    let mut dimensions = merge_list(
        asker,
        &Subject::Plan,
        [&base.dimensions, &mine.dimensions, &theirs.dimensions],
        [&dm, &dt],
    );
    let mut moved_dimension: HashMap<String, String> = HashMap::new();
    for &(b, j) in &dims_theirs {
        let (from, to) = (&base.dimensions[b].id, &theirs.dimensions[j].id);
        moved_dimension.insert(from.clone(), to.clone());
        asker.renamed.push(Renamed {
            list: List::Dimensions,
            from: from.clone(),
            to: to.clone(),
            why: Why::RenamedThere,
            by: None,
        });
    }
    for &(b, i) in &dims_mine {
        let (from, to) = (&base.dimensions[b].id, &mine.dimensions[i].id);
        match moved_dimension.get(from).cloned() {
            // Renamed on both sides, differently: theirs stands, and mine
            // follows it there.
            Some(theirs) => {
                moved_dimension.insert(to.clone(), theirs);
            }
            None => {
                // The merged dimension took theirs' (the old) id.
                for d in dimensions.iter_mut().filter(|d| d.id == *from) {
                    d.id.clone_from(to);
                }
                moved_dimension.insert(from.clone(), to.clone());
            }
        }
    }
    let renamed_mine = renamed_programs(&base.programs, &mine.programs);
    let renamed_theirs = renamed_programs(&base.programs, &theirs.programs);
    asker
        .renamed
        .extend(renamed_theirs.iter().map(|&(b, j)| Renamed {
            list: List::Programs,
            from: base.programs[b].id.clone(),
            to: theirs.programs[j].id.clone(),
            why: Why::RenamedThere,
            by: None,
        }));
    let (pm, pt) = by_key(
        &base.programs,
        [&mine.programs, &theirs.programs],
        |p| p.id.as_str(),
        [&renamed_mine, &renamed_theirs],
    );
    let mut programs = merge_list(
        asker,
        &Subject::Plan,
        [&base.programs, &mine.programs, &theirs.programs],
        [&pm, &pt],
    );
    if !moved_dimension.is_empty() {
        for p in &mut programs {
            if let Some(to) = moved_dimension.get(&p.dimension) {
                p.dimension.clone_from(to);
            }
        }
    }
    // The evaluation section as one field; its values shown as the file has them.
    let (eb, em, et) = (&base.evaluation, &mine.evaluation, &theirs.evaluation);
    let shown = |e: &crate::plan::model::Evaluation| ron::to_string(e).unwrap_or_default();
    let keep = asker.take_mine(
        |side| match side {
            Pick::Mine => em != eb,
            Pick::Theirs => et != eb,
        },
        em == et,
        || conflict(&Subject::Plan, Field::Evaluation, shown(em), shown(et)),
    );
    let evaluation = if keep { em.clone() } else { et.clone() };
    let mut plan = Plan {
        evaluation,
        version: theirs.version,
        region: String::new(),
        code: String::new(),
        province: String::new(),
        title: String::new(),
        vision: String::new(),
        period: header.period,
        bands: header.bands,
        dimensions,
        programs,
        followups: merge_followups(
            asker,
            &Subject::Plan,
            &base.followups,
            &mine.followups,
            &theirs.followups,
        ),
    };
    header.apply(&mut plan);
    plan
}

/// The plan's own fields, three ways.
fn merge_header(asker: &mut Asker, base: &Header, mine: &Header, theirs: &Header) -> Header {
    let mut header = theirs.clone();
    for &f in HeaderField::ALL {
        let (b, m, t) = (f.get(base), f.get(mine), f.get(theirs));
        let keep = asker.take_mine(
            |side| match side {
                Pick::Mine => m != b,
                Pick::Theirs => t != b,
            },
            m == t,
            || conflict(&Subject::Plan, Field::Header(f), m.clone(), t.clone()),
        );
        if keep {
            f.copy(&mut header, mine);
        }
    }
    header
}

/// A kind of list item: what it is called in a conflict and how two
/// versions of it merge, field by field through the registry.
trait Item: Clone + PartialEq {
    const LIST: List;
    /// The item as a conflict names it; `owner` is the list's owner
    /// (the plan, or the programme of a milestone), `number` counts from 1.
    fn subject(&self, owner: &Subject, number: usize) -> Subject;
    /// A one-line summary, for a deleted-or-changed question and an order.
    fn summary(&self) -> String;
    /// The fields `now` differs from `base` in, for a deleted-versus-changed
    /// question: what the side that kept the item did to it.
    fn fields_changed(base: &Self, now: &Self) -> Vec<Field>;
    fn merge3(
        asker: &mut Asker,
        subject: &Subject,
        base: Option<&Self>,
        mine: &Self,
        theirs: &Self,
    ) -> Self;
}

/// Field by field over a registry: `same` and `copy` per field, `get` for the question.
macro_rules! merge_fields {
    ($asker:expr, $subject:expr, $base:expr, $mine:expr, $theirs:expr, $fields:ty, $variant:path) => {{
        let mut result = $theirs.clone();
        for &f in <$fields>::ALL {
            let keep = $asker.take_mine(
                |side| {
                    let value = match side {
                        Pick::Mine => $mine,
                        Pick::Theirs => $theirs,
                    };
                    $base.is_none_or(|b| !f.same(value, b))
                },
                f.same($mine, $theirs),
                || conflict($subject, $variant(f), f.get($mine), f.get($theirs)),
            );
            if keep {
                f.copy(&mut result, $mine);
            }
        }
        result
    }};
}

/// The fields of a registry `now` differs from `base` in.
macro_rules! fields_changed {
    ($base:expr, $now:expr, $fields:ty, $variant:path) => {
        <$fields>::ALL
            .iter()
            .filter(|f| !f.same($base, $now))
            .map(|&f| $variant(f))
            .collect()
    };
}

impl Item for Dimension {
    const LIST: List = List::Dimensions;
    fn subject(&self, _: &Subject, _: usize) -> Subject {
        Subject::Dimension {
            id: self.id.clone(),
            name: self.name.clone(),
        }
    }
    fn summary(&self) -> String {
        self.name.clone()
    }
    fn fields_changed(base: &Self, now: &Self) -> Vec<Field> {
        fields_changed!(base, now, DimensionField, Field::Dimension)
    }
    fn merge3(
        asker: &mut Asker,
        subject: &Subject,
        base: Option<&Self>,
        mine: &Self,
        theirs: &Self,
    ) -> Self {
        merge_fields!(
            asker,
            subject,
            base,
            mine,
            theirs,
            DimensionField,
            Field::Dimension
        )
    }
}

impl Item for Program {
    const LIST: List = List::Programs;
    fn subject(&self, _: &Subject, _: usize) -> Subject {
        Subject::Program {
            id: self.id.clone(),
            name: self.name.clone(),
        }
    }
    fn summary(&self) -> String {
        self.id.clone()
    }
    fn fields_changed(base: &Self, now: &Self) -> Vec<Field> {
        let mut changed: Vec<Field> = fields_changed!(base, now, ProgramField, Field::Program);
        let lists = [
            (base.milestones != now.milestones, List::Milestones),
            (base.targets != now.targets, List::Targets),
            (base.budget != now.budget, List::Budget),
            (base.evidence != now.evidence, List::Evidence),
        ];
        changed.extend(
            lists
                .iter()
                .filter(|(differ, _)| *differ)
                .map(|&(_, l)| Field::List(l)),
        );
        changed
    }
    fn merge3(
        asker: &mut Asker,
        subject: &Subject,
        base: Option<&Self>,
        mine: &Self,
        theirs: &Self,
    ) -> Self {
        // Nearly every programme of a large plan: changed by one side or none.
        if base == Some(mine) || mine == theirs {
            return theirs.clone();
        }
        if base == Some(theirs) {
            return mine.clone();
        }
        let mut result = merge_fields!(
            asker,
            subject,
            base,
            mine,
            theirs,
            ProgramField,
            Field::Program
        );
        let empty = Program {
            milestones: Vec::new(),
            targets: Vec::new(),
            budget: Vec::new(),
            evidence: Vec::new(),
            periods: Vec::new(),
            budget_changes: Vec::new(),
            subactivities: Vec::new(),
            followups: Vec::new(),
            ..mine.clone()
        };
        let b = base.unwrap_or(&empty);
        result.milestones = merge_items(
            asker,
            subject,
            &b.milestones,
            &mine.milestones,
            &theirs.milestones,
        );
        result.targets = merge_items(asker, subject, &b.targets, &mine.targets, &theirs.targets);
        result.budget = merge_items(asker, subject, &b.budget, &mine.budget, &theirs.budget);
        result.evidence = merge_items(
            asker,
            subject,
            &b.evidence,
            &mine.evidence,
            &theirs.evidence,
        );
        result.periods = merge_items(asker, subject, &b.periods, &mine.periods, &theirs.periods);
        result.budget_changes = merge_items(
            asker,
            subject,
            &b.budget_changes,
            &mine.budget_changes,
            &theirs.budget_changes,
        );
        result.subactivities = merge_items(
            asker,
            subject,
            &b.subactivities,
            &mine.subactivities,
            &theirs.subactivities,
        );
        result.followups = merge_followups(
            asker,
            subject,
            &b.followups,
            &mine.followups,
            &theirs.followups,
        );
        result
    }
}

fn owner_id(owner: &Subject) -> String {
    match owner {
        Subject::Program { id, .. } => id.clone(),
        _ => String::new(),
    }
}

/// One list three ways: each item merged (or kept, or deleted) by its
/// ident, then put in order. The order is theirs unless only I reordered
/// the items we share (then mine; asked when both did, differently); items
/// the other side added go right after the item they followed there.
fn merge_list<T: Item>(
    asker: &mut Asker,
    owner: &Subject,
    [base, mine, theirs]: [&[T]; 3],
    [im, it]: [&[Ident]; 2],
) -> Vec<T> {
    let at_mine: HashMap<Ident, usize> = im.iter().enumerate().map(|(i, k)| (*k, i)).collect();
    let at_theirs: HashMap<Ident, usize> = it.iter().enumerate().map(|(j, k)| (*k, j)).collect();
    let mut value: HashMap<Ident, T> = HashMap::with_capacity(theirs.len() + mine.len());

    for (b, item) in base.iter().enumerate() {
        let ident = Ident::Base(b);
        let subject = || item.subject(owner, b + 1);
        let kept = match (at_mine.get(&ident), at_theirs.get(&ident)) {
            (Some(&i), Some(&j)) => Some(T::merge3(
                asker,
                &subject(),
                Some(item),
                &mine[i],
                &theirs[j],
            )),
            // They deleted it: gone, unless I changed it and say keep.
            (Some(&i), None) => (mine[i] != *item
                && asker.ask(Conflict {
                    subject: subject(),
                    field: Field::Presence,
                    mine: Some(mine[i].summary()),
                    theirs: None,
                    by: None,
                    changed: T::fields_changed(item, &mine[i]),
                }) == Choice::Mine)
                .then(|| mine[i].clone()),
            // I deleted it: gone, unless they changed it and I say keep theirs.
            (None, Some(&j)) => (theirs[j] != *item
                && asker.ask(Conflict {
                    subject: subject(),
                    field: Field::Presence,
                    mine: None,
                    theirs: Some(theirs[j].summary()),
                    by: None,
                    changed: T::fields_changed(item, &theirs[j]),
                }) == Choice::Theirs)
                .then(|| theirs[j].clone()),
            (None, None) => None,
        };
        if let Some(kept) = kept {
            value.insert(ident, kept);
        }
    }
    for (i, ident) in im.iter().enumerate() {
        if let Ident::Mine(_) = ident {
            let kept = match at_theirs.get(ident) {
                Some(&j) => {
                    let subject = mine[i].subject(owner, i + 1);
                    T::merge3(asker, &subject, None, &mine[i], &theirs[j])
                }
                None => mine[i].clone(),
            };
            value.insert(*ident, kept);
        }
    }
    for (j, ident) in it.iter().enumerate() {
        if let Ident::Theirs(_) = ident {
            value.insert(*ident, theirs[j].clone());
        }
    }

    // The order: theirs, with what I moved moved too; mine where only I
    // moved items; asked only when both moved the same items differently.
    let (mine_moved, theirs_moved) = (moved(im), moved(it));
    let mut detached = std::collections::HashSet::new();
    let mine_order = if mine_moved.is_empty() {
        false
    } else if theirs_moved.is_empty() {
        true
    } else if mine_moved.is_disjoint(&theirs_moved) {
        // Each moved different items: theirs stands, and mine are taken out
        // of it to go where I put them.
        detached = mine_moved;
        false
    } else {
        let shared = |side: &[Ident], other: &HashMap<Ident, usize>| -> Vec<Ident> {
            side.iter()
                .filter(|k| matches!(k, Ident::Base(_)) && other.contains_key(k))
                .copied()
                .collect()
        };
        let (sm, st) = (shared(im, &at_theirs), shared(it, &at_mine));
        sm != st && {
            let at = sm.iter().zip(&st).take_while(|(a, b)| a == b).count();
            let show = |order: &[Ident]| -> String {
                let named = |k: &Ident| match k {
                    Ident::Base(b) => base[*b].summary(),
                    _ => String::new(),
                };
                let mut text: Vec<String> = order[at..].iter().take(5).map(named).collect();
                if at > 0 {
                    text.insert(0, "…".into());
                }
                if order.len() > at + 5 {
                    text.push("…".into());
                }
                text.join(", ")
            };
            asker.ask(conflict(owner, Field::Order(T::LIST), show(&sm), show(&st))) == Choice::Mine
        }
    };
    let (skeleton, other) = if mine_order { (im, it) } else { (it, im) };
    let in_skeleton: std::collections::HashSet<Ident> = skeleton
        .iter()
        .filter(|k| !detached.contains(k))
        .copied()
        .collect();
    let mut front = Vec::new();
    let mut after: HashMap<Ident, Vec<Ident>> = HashMap::new();
    let mut prev: Option<Ident> = None;
    for k in other {
        if in_skeleton.contains(k) {
            prev = Some(*k);
        } else if value.contains_key(k) {
            match prev {
                Some(p) => after.entry(p).or_default().push(*k),
                None => front.push(*k),
            }
        }
    }
    let mut out = Vec::with_capacity(value.len());
    let mut take = |k: &Ident, out: &mut Vec<T>| {
        if let Some(v) = value.remove(k) {
            out.push(v);
        }
    };
    for k in &front {
        take(k, &mut out);
    }
    for k in skeleton {
        if !detached.contains(k) {
            take(k, &mut out);
        }
        if let Some(following) = after.get(k) {
            for f in following {
                take(f, &mut out);
            }
        }
    }
    debug_assert!(value.is_empty(), "every kept item is placed");
    out
}

/// The base items a side moved: those outside a longest run that kept the
/// base's order (so a swap of two neighbours moves one of them, not all the
/// list after it). O(n log n), for 10,000 programmes.
fn moved(side: &[Ident]) -> std::collections::HashSet<Ident> {
    let kept: Vec<usize> = side
        .iter()
        .filter_map(|k| match k {
            Ident::Base(b) => Some(*b),
            _ => None,
        })
        .collect();
    // Patience: `tails[l]` is the position in `kept` of the smallest last
    // item of an increasing run of length l + 1; `back` links each to the one before.
    let mut tails: Vec<usize> = Vec::new();
    let mut back: Vec<Option<usize>> = vec![None; kept.len()];
    for (i, &b) in kept.iter().enumerate() {
        let l = tails.partition_point(|&t| kept[t] < b);
        back[i] = l.checked_sub(1).map(|p| tails[p]);
        if l == tails.len() {
            tails.push(i);
        } else {
            tails[l] = i;
        }
    }
    let mut in_run = vec![false; kept.len()];
    let mut at = tails.last().copied();
    while let Some(i) = at {
        in_run[i] = true;
        at = back[i];
    }
    kept.iter()
        .zip(in_run)
        .filter(|(_, run)| !run)
        .map(|(b, _)| Ident::Base(*b))
        .collect()
}

/// A programme's list as the audit log names it: its items' path
/// (`milestone`), the merge's matching rule, and which registry fields of
/// two versions of an item differ.
trait Listed: Item + 'static {
    const NAME: &'static str;
    const KEYS: &'static [fn(&Self, &Self) -> bool];
    /// (field name, old, new) for each field that differs.
    fn changed(a: &Self, b: &Self) -> Vec<(&'static str, String, String)>;
}

/// A programme's list, once: how its items are named in a conflict and a
/// log, matched and merged field by field through their registry.
macro_rules! listed {
    ($($item:ty: $name:literal, $list:ident, $keys:expr, $fields:ty, $field:path, $show:path,
       |$it:ident, $program:ident, $number:ident| $subject:expr;)+) => {$(
        impl Item for $item {
            const LIST: List = List::$list;
            fn subject(&self, owner: &Subject, $number: usize) -> Subject {
                let ($it, $program) = (self, owner_id(owner));
                $subject
            }
            fn summary(&self) -> String {
                $show(self)
            }
            fn fields_changed(base: &Self, now: &Self) -> Vec<Field> {
                fields_changed!(base, now, $fields, $field)
            }
            fn merge3(
                asker: &mut Asker,
                subject: &Subject,
                base: Option<&Self>,
                mine: &Self,
                theirs: &Self,
            ) -> Self {
                merge_fields!(asker, subject, base, mine, theirs, $fields, $field)
            }
        }

        impl Listed for $item {
            const NAME: &'static str = $name;
            const KEYS: &'static [fn(&Self, &Self) -> bool] = &$keys;
            fn changed(a: &Self, b: &Self) -> Vec<(&'static str, String, String)> {
                <$fields>::ALL
                    .iter()
                    .filter(|f| !f.same(a, b))
                    .map(|f| (f.name(), f.get(a), f.get(b)))
                    .collect()
            }
        }
    )+};
}

listed! {
    Milestone: "milestone", Milestones, MILESTONE_KEYS, MilestoneField, Field::Milestone, show_milestone,
        |m, program, number| Subject::Milestone { program, number, title: m.title.clone() };
    Target: "target", Targets, TARGET_KEYS, TargetField, Field::Target, show_target,
        |t, program, number| Subject::Target {
            program,
            number,
            year: t.year,
            indicator: t.indicator.clone(),
        };
    Budget: "budget", Budget, BUDGET_KEYS, BudgetField, Field::Budget, show_budget,
        |b, program, number| Subject::Budget { program, number, year: b.year };
    Evidence: "evidence", Evidence, EVIDENCE_KEYS, EvidenceField, Field::Evidence, show_evidence,
        |e, program, number| Subject::Evidence { program, number, name: e.name.clone() };
    FiscalPeriod: "period", Periods, PERIOD_KEYS, PeriodField, Field::Period, show_period,
        |x, program, number| Subject::Period {
            program,
            number,
            year: x.year,
            quarter: x.quarter,
            month: x.month,
        };
    BudgetChange: "budget_change", BudgetChanges, BUDGET_CHANGE_KEYS, BudgetChangeField,
        Field::BudgetChange, show_budget_change,
        |c, program, number| Subject::BudgetChange { program, number, date: c.date.clone() };
    SubActivity: "subactivity", SubActivities, SUBACTIVITY_KEYS, SubActivityField,
        Field::SubActivity, show_subactivity,
        |s, program, number| Subject::SubActivity { program, number, code: s.code.clone() };
    FollowUp: "followup", FollowUps, FOLLOWUP_KEYS, FollowUpField, Field::FollowUp, show_followup,
        |f, program, number| Subject::FollowUp { program, number, id: f.id.clone() };
}

/// Follow-ups three ways, matched by id. Two officers who each add one
/// under the same new id (both took the next free `TL-NN`) keep both:
/// this side's gets the next id free on both sides, as a programme would.
fn merge_followups(
    asker: &mut Asker,
    owner: &Subject,
    base: &[FollowUp],
    mine: &[FollowUp],
    theirs: &[FollowUp],
) -> Vec<FollowUp> {
    let clashes = ids::clashing([base, mine, theirs], |f| f.id.as_str());
    if clashes.is_empty() {
        return merge_items(asker, owner, base, mine, theirs);
    }
    let mut renumbered = mine.to_vec();
    let mut taken: std::collections::HashSet<String> =
        theirs.iter().chain(mine).map(|f| f.id.clone()).collect();
    for (i, _) in clashes {
        let id = crate::plan::followup::next_id_where(|id| taken.contains(id));
        taken.insert(id.clone());
        renumbered[i].id = id;
    }
    merge_items(asker, owner, base, &renumbered, theirs)
}

/// A programme's list three ways, its items matched by the list's rule.
fn merge_items<T: Listed>(
    asker: &mut Asker,
    owner: &Subject,
    base: &[T],
    mine: &[T],
    theirs: &[T],
) -> Vec<T> {
    let (im, it) = by_match(base, mine, theirs, T::KEYS);
    merge_list(asker, owner, [base, mine, theirs], [&im, &it])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::model::{EvidenceState, Status};
    use std::path::Path;

    fn plan() -> Plan {
        crate::store::parse(crate::store::EXAMPLE, Path::new("x"))
            .unwrap()
            .plan
    }

    fn undecided(_: &Conflict) -> Option<Choice> {
        None
    }

    #[test]
    fn two_officers_reporting_different_quarters_both_keep_theirs_and_one_quarter_two_ways_is_asked()
     {
        use crate::plan::model::FiscalPeriod;
        let quarter = |q: u8, spent: f64| FiscalPeriod {
            year: 2026,
            quarter: Some(q),
            spent: Some(spent),
            ..FiscalPeriod::default()
        };
        let mut base = plan();
        base.programs[0].periods = vec![quarter(1, 10.0)];
        let mut mine = base.clone();
        let mut theirs = base.clone();
        mine.programs[0].periods.push(quarter(2, 20.0));
        theirs.programs[0].periods.push(quarter(3, 30.0));
        let (merged, conflicts) = merge(&base, &mine, &theirs, &undecided);
        assert!(conflicts.is_empty());
        let quarters: Vec<_> = merged.programs[0]
            .periods
            .iter()
            .map(|x| x.quarter)
            .collect();
        assert_eq!(quarters, [Some(1), Some(2), Some(3)]);
        mine.programs[0].periods[0].spent = Some(11.0);
        theirs.programs[0].periods[0].spent = Some(12.0);
        let (_, conflicts) = merge(&base, &mine, &theirs, &undecided);
        assert_eq!(conflicts.len(), 1);
        let c = &conflicts[0];
        assert_eq!(c.field, Field::Period(PeriodField::Spent));
        assert_eq!(c.log_key().map(|(_, f)| f), Some("period"));
        // The question survives the round trip through git's conflict lines.
        let lines = crate::plan::conflicts::write(&conflicts, None);
        let (_, read) = crate::plan::conflicts::read(&lines);
        assert_eq!(read.len(), 1);
        assert!(read[0].same_question(c), "{lines}");
        let changes = program_changes(&base.programs[0], &mine.programs[0]);
        assert!(
            changes
                .iter()
                .any(|(_, f, _, new)| f == "period.1.spent" && new == "11"),
            "{changes:?}"
        );
    }

    #[test]
    fn edits_to_different_programs_both_survive() {
        let base = plan();
        let mut mine = base.clone();
        let mut theirs = base.clone();
        mine.programs[0].status = Status::Done;
        theirs.programs[1].status = Status::Delayed;
        let (merged, conflicts) = merge(&base, &mine, &theirs, &undecided);
        assert!(conflicts.is_empty());
        assert_eq!(merged.programs[0].status, Status::Done);
        assert_eq!(merged.programs[1].status, Status::Delayed);
    }

    #[test]
    fn different_fields_of_one_program_both_survive() {
        let base = plan();
        let mut mine = base.clone();
        let mut theirs = base.clone();
        mine.programs[0].status = Status::Done;
        theirs.programs[0].lead = "Dinas PMD".into();
        let (merged, conflicts) = merge(&base, &mine, &theirs, &undecided);
        assert!(conflicts.is_empty());
        assert_eq!(
            (merged.programs[0].status, merged.programs[0].lead.as_str()),
            (Status::Done, "Dinas PMD")
        );
    }

    #[test]
    fn one_field_changed_differently_is_a_conflict_decided_by_the_caller() {
        let base = plan();
        let mut mine = base.clone();
        let mut theirs = base.clone();
        mine.programs[0].status = Status::Done;
        theirs.programs[0].status = Status::Delayed;
        let (merged, conflicts) = merge(&base, &mine, &theirs, &undecided);
        assert_eq!(conflicts.len(), 1);
        assert_eq!(
            (conflicts[0].mine.as_deref(), conflicts[0].theirs.as_deref()),
            (Some("Done"), Some("Delayed"))
        );
        assert_eq!(
            merged.programs[0].status,
            Status::Delayed,
            "undecided keeps theirs"
        );
        let (mine_wins, _) = merge(&base, &mine, &theirs, &|_| Some(Choice::Mine));
        assert_eq!(mine_wins.programs[0].status, Status::Done);
    }

    #[test]
    fn the_same_change_on_both_sides_is_no_conflict() {
        let base = plan();
        let mut mine = base.clone();
        mine.programs[0].status = Status::Done;
        let (merged, conflicts) = merge(&base, &mine, &mine.clone(), &undecided);
        assert!(conflicts.is_empty());
        assert_eq!(merged, mine);
    }

    #[test]
    fn added_and_deleted_programs_carry_over() {
        let base = plan();
        let mut mine = base.clone();
        let mut theirs = base.clone();
        let mut new = base.programs[0].clone();
        new.id = "GOV-99".into();
        mine.programs.insert(1, new);
        mine.programs.retain(|p| p.id != "BRD-01");
        theirs.programs[5].notes = "theirs".into();
        let (merged, conflicts) = merge(&base, &mine, &theirs, &undecided);
        assert!(conflicts.is_empty());
        assert!(merged.program("GOV-99").is_some());
        assert!(merged.program("BRD-01").is_none());
        assert_eq!(
            merged
                .programs
                .iter()
                .filter(|p| p.notes == "theirs")
                .count(),
            1
        );
        let at = merged
            .programs
            .iter()
            .position(|p| p.id == "GOV-99")
            .unwrap();
        assert_eq!(
            merged.programs[at - 1].id,
            "GOV-01",
            "after the programme it followed in mine"
        );
    }

    #[test]
    fn changes_lists_every_field_that_moved() {
        let base = plan();
        let mut after = base.clone();
        after.programs[0].status = Status::Done;
        after.programs[0].milestones[3].done = true;
        after.title = "Masterplan BISA".into();
        let list = changes(&base, &after);
        let fields: Vec<(&str, &str)> = list
            .iter()
            .map(|(s, f, _, _)| (s.as_str(), f.as_str()))
            .collect();
        assert_eq!(
            fields,
            [
                ("plan", "title"),
                ("GOV-01", "status"),
                ("GOV-01", "milestone.4.done")
            ]
        );
        assert_eq!(
            (list[1].2.as_str(), list[1].3.as_str()),
            ("InProgress", "Done")
        );
    }

    #[test]
    fn ticking_different_milestones_of_one_programme_keeps_both() {
        let mut base = plan();
        for m in &mut base.programs[0].milestones {
            m.done = false;
        }
        let (mut mine, mut theirs) = (base.clone(), base.clone());
        mine.programs[0].milestones[1].done = true;
        theirs.programs[0].milestones[2].done = true;
        let (merged, conflicts) = merge(&base, &mine, &theirs, &undecided);
        assert_eq!(conflicts, []);
        let done: Vec<bool> = merged.programs[0]
            .milestones
            .iter()
            .map(|m| m.done)
            .collect();
        assert!(done[1] && done[2], "{done:?}");
    }

    #[test]
    fn spending_of_different_years_and_states_of_different_documents_both_stay() {
        let base = plan();
        assert!(base.programs[0].budget.len() >= 2 && base.programs[0].evidence.len() >= 2);
        let (mut mine, mut theirs) = (base.clone(), base.clone());
        mine.programs[0].budget[0].spent = Some(1.0);
        theirs.programs[0].budget[1].spent = Some(2.0);
        mine.programs[0].evidence[0].state = EvidenceState::Draft;
        theirs.programs[0].evidence[1].link = "/srv/bukti/baru.pdf".into();
        let (merged, conflicts) = merge(&base, &mine, &theirs, &undecided);
        assert_eq!(conflicts, []);
        let p = &merged.programs[0];
        assert_eq!(
            (p.budget[0].spent, p.budget[1].spent),
            (Some(1.0), Some(2.0))
        );
        assert_eq!(p.evidence[0].state, EvidenceState::Draft);
        assert_eq!(p.evidence[1].link, "/srv/bukti/baru.pdf");
        // The same year's spending both ways is asked, in the form's words.
        let mut theirs = base.clone();
        theirs.programs[0].budget[0].spent = Some(3.0);
        let (_, conflicts) = merge(&base, &mine, &theirs, &undecided);
        assert_eq!(conflicts.len(), 1, "{conflicts:?}");
        let c = &conflicts[0];
        assert_eq!(c.field, Field::Budget(BudgetField::Spent));
        assert_eq!(
            c.subject,
            Subject::Budget {
                program: base.programs[0].id.clone(),
                number: 1,
                year: base.programs[0].budget[0].year,
            }
        );
        assert_eq!(c.log_key().map(|(_, f)| f), Some("budget"));
        assert!(
            logged_under("budget.1.spent", "budget") && logged_under("milestones", "milestone")
        );
        assert!(!logged_under("budgets_x", "budget"));
    }

    #[test]
    fn a_milestone_added_on_each_side_keeps_both_after_what_each_followed() {
        let base = plan();
        let (mut mine, mut theirs) = (base.clone(), base.clone());
        let n = base.programs[0].milestones.len();
        let new = |title: &str| Milestone {
            title: title.into(),
            due: "2026-12-31".into(),
            ..Milestone::default()
        };
        mine.programs[0].milestones.push(new("mine"));
        theirs.programs[0].milestones.insert(0, new("theirs"));
        let (merged, conflicts) = merge(&base, &mine, &theirs, &undecided);
        assert_eq!(conflicts, []);
        let titles: Vec<&str> = merged.programs[0]
            .milestones
            .iter()
            .map(|m| m.title.as_str())
            .collect();
        assert_eq!(titles.len(), n + 2);
        assert_eq!((titles[0], titles[n + 1]), ("theirs", "mine"));
        // The same milestone added on both sides is one milestone.
        let (merged, _) = merge(&base, &mine, &mine.clone(), &undecided);
        assert_eq!(merged.programs[0].milestones.len(), n + 1);
    }

    #[test]
    fn an_edited_milestone_is_found_by_its_title_or_its_date() {
        let base = plan();
        let (mut mine, mut theirs) = (base.clone(), base.clone());
        mine.programs[0].milestones[1].title = "Renamed by me".into();
        theirs.programs[0].milestones[1].done = true;
        theirs.programs[0].milestones[1].due = "2027-01-15".into();
        let (merged, conflicts) = merge(&base, &mine, &theirs, &undecided);
        assert_eq!(conflicts, []);
        let m = &merged.programs[0].milestones[1];
        assert_eq!(
            (m.title.as_str(), m.due.as_str(), m.done),
            ("Renamed by me", "2027-01-15", true)
        );
        assert_eq!(
            merged.programs[0].milestones.len(),
            base.programs[0].milestones.len()
        );
    }

    #[test]
    fn a_milestone_whose_title_and_date_both_changed_is_changed_not_deleted() {
        let base = plan();
        let (mut mine, mut theirs) = (base.clone(), base.clone());
        let n = base.programs[0].milestones.len();
        theirs.programs[0].milestones[1].title = "Judul baru".into();
        theirs.programs[0].milestones[1].due = "2027-02-28".into();
        mine.programs[0].milestones[1].done = !base.programs[0].milestones[1].done;
        let (merged, conflicts) = merge(&base, &mine, &theirs, &undecided);
        assert_eq!(conflicts, []);
        let m = &merged.programs[0].milestones[1];
        assert_eq!(
            (m.title.as_str(), m.done),
            ("Judul baru", mine.programs[0].milestones[1].done)
        );
        assert_eq!(merged.programs[0].milestones.len(), n);
        // Both changed its title: asked as a title, and "mine" keeps one milestone.
        mine.programs[0].milestones[1].title = "Judul saya".into();
        let (_, conflicts) = merge(&base, &mine, &theirs, &undecided);
        assert_eq!(conflicts.len(), 1);
        assert_eq!(conflicts[0].field, Field::Milestone(MilestoneField::Title));
        let (kept, _) = merge(&base, &mine, &theirs, &|_| Some(Choice::Mine));
        let titles: Vec<&str> = kept.programs[0]
            .milestones
            .iter()
            .map(|m| m.title.as_str())
            .collect();
        assert_eq!(titles.len(), n, "{titles:?}");
        assert_eq!(titles[1], "Judul saya");
        assert_eq!(kept.programs[0].milestones[1].due, "2027-02-28");
    }

    #[test]
    fn different_targets_and_different_fields_of_one_target_merge() {
        let mut base = plan();
        let p = base
            .programs
            .iter()
            .position(|p| p.targets.len() >= 2)
            .unwrap();
        base.programs[p].targets[0].actual = None;
        let (mut mine, mut theirs) = (base.clone(), base.clone());
        mine.programs[p].targets[0].actual = Some(7.0);
        theirs.programs[p].targets[1].target = 99.0;
        theirs.programs[p].targets[0].unit = "unit baru".into();
        let (merged, conflicts) = merge(&base, &mine, &theirs, &undecided);
        assert_eq!(conflicts, []);
        let t = &merged.programs[p].targets;
        assert_eq!(
            (t[0].actual, t[0].unit.as_str(), t[1].target),
            (Some(7.0), "unit baru", 99.0)
        );
    }

    #[test]
    fn the_same_field_both_ways_asks_with_both_values_as_the_registry_writes_them() {
        let base = plan();
        let (mut mine, mut theirs) = (base.clone(), base.clone());
        mine.programs[0].milestones[1].done = true;
        theirs.programs[0].milestones[1].title = "x".into();
        theirs.programs[0].milestones[1].done = true;
        let (_, none) = merge(&base, &mine, &theirs, &undecided);
        assert_eq!(none, [], "the same tick on both sides is no conflict");
        mine.programs[0].status = crate::plan::model::Status::Done;
        theirs.programs[0].status = crate::plan::model::Status::NotStarted;
        let (_, conflicts) = merge(&base, &mine, &theirs, &undecided);
        let c = &conflicts[0];
        assert_eq!(c.field, Field::Program(ProgramField::Status));
        assert_eq!(
            (c.mine.as_deref(), c.theirs.as_deref()),
            (Some("Done"), Some("NotStarted"))
        );
        assert_eq!(
            c.subject,
            Subject::Program {
                id: "GOV-01".into(),
                name: base.programs[0].name.clone(),
            }
        );
    }

    #[test]
    fn my_reorder_survives_their_edit_and_their_reorder_survives_mine() {
        let base = plan();
        let (mut mine, mut theirs) = (base.clone(), base.clone());
        mine.programs.swap(0, 1);
        theirs.programs[5].notes = "theirs".into();
        let (merged, conflicts) = merge(&base, &mine, &theirs, &undecided);
        assert_eq!(conflicts, []);
        assert_eq!(merged.programs[0].id, base.programs[1].id);
        assert_eq!(merged.programs[5].notes, "theirs");
        let (back, _) = merge(&base, &theirs, &mine, &undecided);
        assert_eq!(back, merged, "either way round");
        // Each moved a different programme: both moves stay.
        theirs.programs.swap(6, 7);
        let (merged, conflicts) = merge(&base, &mine, &theirs, &undecided);
        assert_eq!(conflicts, []);
        let ids = |p: &Plan| p.programs.iter().map(|p| p.id.clone()).collect::<Vec<_>>();
        let mut both = base.clone();
        both.programs.swap(0, 1);
        both.programs.swap(6, 7);
        assert_eq!(ids(&merged), ids(&both));
        // Both moved the same programme, differently: asked.
        let (mut mine, mut theirs) = (base.clone(), base.clone());
        let first = mine.programs.remove(0);
        mine.programs.insert(2, first);
        let first = theirs.programs.remove(0);
        theirs.programs.insert(4, first);
        let (_, conflicts) = merge(&base, &mine, &theirs, &undecided);
        assert_eq!(conflicts.len(), 1);
        assert_eq!(conflicts[0].field, Field::Order(List::Programs));
    }

    #[test]
    fn a_dimension_edited_here_and_deleted_there_is_asked_not_dropped() {
        let mut base = plan();
        base.dimensions.push(Dimension {
            id: "extra".into(),
            name: "Extra".into(),
            lead: String::new(),
            elements: Vec::new(),
        });
        let (mut mine, mut theirs) = (base.clone(), base.clone());
        mine.dimensions.last_mut().unwrap().lead = "Dinas".into();
        theirs.dimensions.pop();
        let (merged, conflicts) = merge(&base, &mine, &theirs, &undecided);
        assert_eq!(conflicts.len(), 1);
        assert_eq!(conflicts[0].field, Field::Presence);
        assert_eq!(conflicts[0].theirs, None, "theirs deleted it");
        assert!(
            merged.dimension("extra").is_none(),
            "undecided keeps theirs"
        );
        let (kept, _) = merge(&base, &mine, &theirs, &|_| Some(Choice::Mine));
        assert_eq!(kept.dimension("extra").unwrap().lead, "Dinas");
        // Renamed there, lead changed here: both stay.
        let mut theirs = base.clone();
        theirs.dimensions[0].name = "Tata Kelola".into();
        mine.dimensions[0].lead = "Diskominfo".into();
        let (merged, conflicts) = merge(&base, &mine, &theirs, &undecided);
        assert_eq!(conflicts, []);
        assert_eq!(
            (
                merged.dimensions[0].name.as_str(),
                merged.dimensions[0].lead.as_str()
            ),
            ("Tata Kelola", "Diskominfo")
        );
    }

    #[test]
    fn the_top_comment_merges_three_ways() {
        let none = |_: &Conflict| None;
        assert_eq!(
            merge_comment("// a\n", "// a\n", "// b\n", &none),
            ("// b\n".into(), None)
        );
        assert_eq!(
            merge_comment("// a\n", "// m\n", "// a\n", &none),
            ("// m\n".into(), None)
        );
        let (_, asked) = merge_comment("// a\n", "// m\n", "// t\n", &none);
        assert_eq!(asked.map(|c| c.field), Some(Field::Comment));
    }

    #[test]
    fn undo_after_a_merge_takes_back_only_my_edit() {
        let base = plan();
        let mut mine = base.clone();
        let edit = Edit::replace(&base, 0, {
            let mut p = base.programs[0].clone();
            p.status = crate::plan::model::Status::Done;
            p
        })
        .unwrap();
        assert!(edit.apply(&mut mine));
        let mut theirs = base.clone();
        theirs.programs[0].lead = "Dinas PMD".into();
        theirs.programs.swap(3, 4);
        let (mut merged, _) = merge(&base, &mine, &theirs, &undecided);
        let undo = rebase(&edit.inverse(), &merged).unwrap();
        assert!(undo.apply(&mut merged));
        assert_eq!(
            merged, theirs,
            "my status undone, their lead and order kept"
        );
        // They changed the same field since: the undo no longer applies.
        let mut changed = mine.clone();
        changed.programs[0].status = crate::plan::model::Status::Delayed;
        let stale = rebase(&edit.inverse(), &changed).unwrap_err();
        assert_eq!(stale[0].field, Field::Program(ProgramField::Status));
    }

    #[test]
    fn the_evaluation_fields_merge_like_any_other() {
        let mut base = plan();
        let p = base
            .programs
            .iter()
            .position(|p| !p.targets.is_empty())
            .unwrap();
        base.programs[p].targets[0].actual = None;
        let (mut mine, mut theirs) = (base.clone(), base.clone());
        mine.programs[p].targets[0].direction = crate::plan::model::Direction::Lower;
        theirs.programs[p].targets[0].actual = Some(12.66);
        mine.evaluation.results.push(Default::default());
        let (merged, conflicts) = merge(&base, &mine, &theirs, &undecided);
        assert_eq!(conflicts, []);
        let t = &merged.programs[p].targets[0];
        assert_eq!(
            (t.direction, t.actual),
            (crate::plan::model::Direction::Lower, Some(12.66))
        );
        assert_eq!(merged.evaluation, mine.evaluation, "mine alone changed it");
        theirs
            .evaluation
            .scores
            .push(crate::plan::model::AspectScore {
                year: 2026,
                aspect: crate::plan::model::Aspect::Outcome,
                score: 3.5,
                note: String::new(),
            });
        let (_, conflicts) = merge(&base, &mine, &theirs, &undecided);
        assert_eq!(
            conflicts[0].field,
            Field::Evaluation,
            "both changed it: asked, not lost"
        );
    }
}
