//! Item identity: which item of one side's list is which of the other's and
//! the base's (programmes and dimensions by id, milestones, targets, budget
//! years and evidence by the keys below), for the merge, undo and the audit diff.

use super::*;

/// What an item of one side's list is: the base item at that index, or new
/// on that side. An item both sides added alike (the same id, or for
/// milestones and targets the same content) is one `Mine` on both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Ident {
    Base(usize),
    Mine(usize),
    Theirs(usize),
}

/// Idents of programmes or dimensions, matched by their id, or for an item
/// a side renamed by `renamed` of that side: (base index, side's index).
pub(super) fn by_key<'a, T>(
    base: &'a [T],
    [mine, theirs]: [&'a [T]; 2],
    key: impl Fn(&'a T) -> &'a str,
    renamed: [&[(usize, usize)]; 2],
) -> (Vec<Ident>, Vec<Ident>) {
    let in_base: HashMap<&str, usize> = base.iter().enumerate().map(|(i, x)| (key(x), i)).collect();
    let was = |renamed: &[(usize, usize)]| -> HashMap<usize, usize> {
        renamed.iter().map(|&(b, side)| (side, b)).collect()
    };
    let (was_mine, was_theirs) = (was(renamed[0]), was(renamed[1]));
    let mut new_in_mine: HashMap<&str, usize> = HashMap::new();
    let im = mine
        .iter()
        .enumerate()
        .map(
            |(i, x)| match in_base.get(key(x)).or_else(|| was_mine.get(&i)) {
                Some(&b) => Ident::Base(b),
                None => {
                    new_in_mine.insert(key(x), i);
                    Ident::Mine(i)
                }
            },
        )
        .collect();
    let it = theirs
        .iter()
        .enumerate()
        .map(|(j, x)| {
            match (
                in_base.get(key(x)).or_else(|| was_theirs.get(&j)),
                new_in_mine.get(key(x)),
            ) {
                (Some(&b), _) => Ident::Base(b),
                (None, Some(&i)) => Ident::Mine(i),
                (None, None) => Ident::Theirs(j),
            }
        })
        .collect();
    (im, it)
}

/// What makes a milestone the same one in two versions after "identical":
/// the same title, else the same due date (docs/FORMAT.md).
pub const MILESTONE_KEYS: [fn(&Milestone, &Milestone) -> bool; 2] =
    [|a, b| a.title == b.title, |a, b| a.due == b.due];

/// A budget line is its year's; evidence is the same document by name, else by link.
pub const BUDGET_KEYS: [fn(&Budget, &Budget) -> bool; 1] = [|a, b| a.year == b.year];
pub const EVIDENCE_KEYS: [fn(&Evidence, &Evidence) -> bool; 2] = [
    |a, b| a.name == b.name,
    |a, b| !a.link.is_empty() && a.link == b.link,
];

/// A period is its year's quarter or month; a budget change its year's on
/// its date; a sub-activity its code.
pub const PERIOD_KEYS: [fn(&FiscalPeriod, &FiscalPeriod) -> bool; 1] =
    [|a, b| a.year == b.year && a.quarter == b.quarter && a.month == b.month];
pub const BUDGET_CHANGE_KEYS: [fn(&BudgetChange, &BudgetChange) -> bool; 1] =
    [|a, b| a.year == b.year && a.date == b.date];
pub const SUBACTIVITY_KEYS: [fn(&SubActivity, &SubActivity) -> bool; 1] = [|a, b| a.code == b.code];
/// A follow-up has an id of its own.
pub const FOLLOWUP_KEYS: [fn(&FollowUp, &FollowUp) -> bool; 1] = [|a, b| a.id == b.id];

/// The same for targets: year and indicator, else the indicator, else the year.
pub const TARGET_KEYS: [fn(&Target, &Target) -> bool; 3] = [
    |a, b| a.year == b.year && a.indicator == b.indicator,
    |a, b| a.indicator == b.indicator,
    |a, b| a.year == b.year,
];

/// Where `was` (a milestone or target of an earlier version) is in `items`
/// now, by the rule a merge matches them with: the identical item, else the
/// first with the same key, in the order of `keys`.
pub fn find_again<T: PartialEq>(
    items: &[T],
    was: &T,
    keys: &[fn(&T, &T) -> bool],
) -> Option<usize> {
    items.iter().position(|x| x == was).or_else(|| {
        keys.iter()
            .find_map(|same| items.iter().position(|x| same(x, was)))
    })
}

/// Where item `at` of `before` (a programme's milestones, say, as an open
/// form read them) is in `after`, by the whole rule a merge matches with:
/// rule 4 included, so a milestone whose title and date someone changed
/// meanwhile is found again, and each item of `after` is matched once.
pub fn find_again_in<T: PartialEq>(
    before: &[T],
    at: usize,
    after: &[T],
    keys: &[fn(&T, &T) -> bool],
) -> Option<usize> {
    let (matched, _) = by_match(before, after, &[], keys);
    matched.iter().position(|x| *x == Ident::Base(at))
}

/// The last rule: an item still unmatched that is the only one between two
/// matched neighbours (or an end), where the base too has exactly one
/// unmatched item between them, is that item with every key changed (a
/// milestone whose title and date both changed), not a deletion and an
/// addition.
fn alone_in_its_gap(out: &mut [Option<Ident>], used: &mut [bool]) {
    let base_at = |x: &Option<Ident>| match x {
        Some(Ident::Base(b)) => Some(*b),
        _ => None,
    };
    let mut i = 0;
    while i < out.len() {
        if out[i].is_some() {
            i += 1;
            continue;
        }
        let run_end = (i..out.len())
            .find(|&k| out[k].is_some())
            .unwrap_or(out.len());
        let from = i
            .checked_sub(1)
            .and_then(|k| base_at(&out[k]))
            .map_or(0, |b| b + 1);
        let to = out.get(run_end).and_then(base_at).unwrap_or(used.len());
        if run_end == i + 1 && from <= to {
            let mut free = (from..to).filter(|&b| !used[b]);
            if let (Some(b), None) = (free.next(), free.next()) {
                used[b] = true;
                out[i] = Some(Ident::Base(b));
            }
        }
        i = run_end;
    }
}

/// Idents of milestones or targets, which have no id of their own: each
/// item of a side is the first unused base item that is identical to it,
/// else the first with the same `keys[0]`, then `keys[1]` …, else the only
/// one left between the same neighbours; the rest are new. An item both
/// sides added identically is one item. (docs/FORMAT.md,
/// "How a merge matches milestones and targets".)
pub(super) fn by_match<T: PartialEq>(
    base: &[T],
    mine: &[T],
    theirs: &[T],
    keys: &[fn(&T, &T) -> bool],
) -> (Vec<Ident>, Vec<Ident>) {
    let side = |items: &[T], new: fn(usize) -> Ident| -> Vec<Ident> {
        let mut used = vec![false; base.len()];
        let mut out: Vec<Option<Ident>> = vec![None; items.len()];
        let identical: fn(&T, &T) -> bool = |a, b| a == b;
        for rule in std::iter::once(&identical).chain(keys) {
            for (i, item) in items.iter().enumerate() {
                if out[i].is_some() {
                    continue;
                }
                if let Some(b) = (0..base.len()).find(|&b| !used[b] && rule(item, &base[b])) {
                    used[b] = true;
                    out[i] = Some(Ident::Base(b));
                }
            }
        }
        alone_in_its_gap(&mut out, &mut used);
        out.into_iter()
            .enumerate()
            .map(|(i, x)| x.unwrap_or(new(i)))
            .collect()
    };
    let im = side(mine, Ident::Mine);
    let mut it = side(theirs, Ident::Theirs);
    let mut shared = vec![false; mine.len()];
    for (j, ident) in it.iter_mut().enumerate() {
        if let Ident::Theirs(_) = ident
            && let Some(i) = (0..mine.len())
                .find(|&i| !shared[i] && im[i] == Ident::Mine(i) && mine[i] == theirs[j])
        {
            shared[i] = true;
            *ident = Ident::Mine(i);
        }
    }
    (im, it)
}
