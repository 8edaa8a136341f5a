//! Ids across a merge: a programme whose id one side changed (a rename that
//! the other side's edits, forms and undo follow), and one new id both sides
//! gave different items (this side's gets the next free one; both stay).

use super::*;
use std::collections::HashSet;

/// An id this session knew an item by that the merge changed, and why: what
/// the interface's forms, selection and undo history follow, and what the
/// officer is told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Renamed {
    /// `Programs` or `Dimensions`.
    pub list: List,
    pub from: String,
    pub to: String,
    pub why: Why,
    /// Who made the other side's change, when the audit log says (filled in
    /// by the store, which reads the log).
    pub by: Option<Author>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    /// The other side renamed the item.
    RenamedThere,
    /// This side added an item under an id the other side gave its own new
    /// item meanwhile: both are kept, this side's under the next free id.
    Taken,
}

/// The next free id in a dimension's numbering, `GOV-06` → `GOV-07`: the
/// prefix and digit count of `last` (the dimension's last programme's id),
/// else the dimension's first three letters; the lowest number `taken` says
/// is free.
pub fn next_id(last: Option<&str>, dimension: &str, taken: impl Fn(&str) -> bool) -> String {
    let digits = |id: &str| id.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let prefix = last.map_or_else(
        || {
            format!(
                "{}-",
                dimension.chars().take(3).collect::<String>().to_uppercase()
            )
        },
        |id| id[..digits(id)].to_string(),
    );
    let width = last.map_or(2, |id| id.len() - digits(id)).max(2);
    (1..)
        .map(|n| format!("{prefix}{n:0width$}"))
        .find(|id| !taken(id))
        .unwrap_or_default()
}

/// The dimensions of `before` that `after` holds under another id, as
/// (index in `before`, index in `after`): gone by their id, while one id new
/// in `after` is the same dimension — the same name, lead and elements, else
/// the one every programme of the old id that `after` still holds moved to.
/// No form or `set` field changes a dimension's id; a hand edit or an import
/// may, and the other side's programmes then follow it.
pub fn renamed_dimensions(before: &Plan, after: &Plan) -> Vec<(usize, usize)> {
    let ids_before: HashSet<&str> = before.dimensions.iter().map(|d| d.id.as_str()).collect();
    let ids_after: HashSet<&str> = after.dimensions.iter().map(|d| d.id.as_str()).collect();
    let gone: Vec<usize> = (0..before.dimensions.len())
        .filter(|&b| !ids_after.contains(before.dimensions[b].id.as_str()))
        .collect();
    let added: Vec<usize> = (0..after.dimensions.len())
        .filter(|&a| !ids_before.contains(after.dimensions[a].id.as_str()))
        .collect();
    if gone.is_empty() || added.is_empty() {
        return Vec::new();
    }
    let now: HashMap<&str, &str> = after
        .programs
        .iter()
        .map(|p| (p.id.as_str(), p.dimension.as_str()))
        .collect();
    let mut used = HashSet::new();
    let mut out = Vec::new();
    for b in gone {
        let was = &before.dimensions[b];
        let same =
            |d: &Dimension| d.name == was.name && d.lead == was.lead && d.elements == was.elements;
        let moved_to = |d: &Dimension| {
            let mut kept = before
                .programs
                .iter()
                .filter(|p| p.dimension == was.id)
                .filter_map(|p| now.get(p.id.as_str()))
                .peekable();
            kept.peek().is_some() && kept.all(|&dim| dim == d.id)
        };
        let free = |a: &&usize| !used.contains(*a);
        let found = added
            .iter()
            .filter(free)
            .find(|&&a| same(&after.dimensions[a]))
            .or_else(|| {
                added
                    .iter()
                    .filter(free)
                    .find(|&&a| moved_to(&after.dimensions[a]))
            });
        if let Some(&a) = found {
            used.insert(a);
            out.push((b, a));
        }
    }
    out
}

/// The programmes of `before` that `after` holds under another id, as
/// (index in `before`, index in `after`): gone by their id, while one id new
/// in `after` is the same programme — equal in all but the id, else the only
/// one of its name in its dimension, as the programme gone is. Linear in the
/// plan; nothing to do where no id went.
pub fn renamed_programs(before: &[Program], after: &[Program]) -> Vec<(usize, usize)> {
    let ids_before: HashSet<&str> = before.iter().map(|p| p.id.as_str()).collect();
    let ids_after: HashSet<&str> = after.iter().map(|p| p.id.as_str()).collect();
    let gone: Vec<usize> = (0..before.len())
        .filter(|&b| !ids_after.contains(before[b].id.as_str()))
        .collect();
    if gone.is_empty() {
        return Vec::new();
    }
    let mut added: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
    for (a, p) in after.iter().enumerate() {
        if !ids_before.contains(p.id.as_str()) {
            added
                .entry((p.dimension.as_str(), p.name.as_str()))
                .or_default()
                .push(a);
        }
    }
    let mut gone_like: HashMap<(&str, &str), usize> = HashMap::new();
    for &b in &gone {
        *gone_like
            .entry((before[b].dimension.as_str(), before[b].name.as_str()))
            .or_default() += 1;
    }
    let same_but_id = |was: &Program, now: &Program| {
        was.name == now.name
            && *was
                == Program {
                    id: was.id.clone(),
                    ..now.clone()
                }
    };
    let mut used = HashSet::new();
    let mut out = Vec::new();
    for b in gone {
        let was = &before[b];
        let key = (was.dimension.as_str(), was.name.as_str());
        let Some(candidates) = added.get(&key) else {
            continue;
        };
        let found = candidates
            .iter()
            .find(|&&a| !used.contains(&a) && same_but_id(was, &after[a]))
            .or_else(|| {
                (candidates.len() == 1 && gone_like.get(&key) == Some(&1))
                    .then(|| &candidates[0])
                    .filter(|a| !used.contains(*a))
            });
        if let Some(&a) = found {
            used.insert(a);
            out.push((b, a));
        }
    }
    out
}

/// What a session should follow after `before` became `after` (a reload):
/// each programme renamed meanwhile, old id to new.
pub fn renames(before: &Plan, after: &Plan) -> Vec<Renamed> {
    renamed_programs(&before.programs, &after.programs)
        .into_iter()
        .map(|(b, a)| Renamed {
            list: List::Programs,
            from: before.programs[b].id.clone(),
            to: after.programs[a].id.clone(),
            why: Why::RenamedThere,
            by: None,
        })
        .collect()
}

/// `mine` with every programme and dimension both sides added under one
/// id, differently, given a free id: a programme the next free one in its
/// dimension, a dimension its id with the lowest free `-2`, `-3` … (its
/// programmes on this side follow it). `None` where nothing clashed, the
/// nearly every time, at the cost of two id sets.
pub(super) fn renumber(base: &Plan, mine: &Plan, theirs: &Plan) -> Option<(Plan, Vec<Renamed>)> {
    let dimensions = clashing(
        [&base.dimensions, &mine.dimensions, &theirs.dimensions],
        |d| d.id.as_str(),
    );
    let programs = clashing([&base.programs, &mine.programs, &theirs.programs], |p| {
        p.id.as_str()
    });
    if dimensions.is_empty() && programs.is_empty() {
        return None;
    }
    let mut out = mine.clone();
    let mut renamed = Vec::new();
    let mut taken: HashSet<String> = theirs
        .dimensions
        .iter()
        .chain(&mine.dimensions)
        .map(|d| d.id.clone())
        .collect();
    for (i, _) in dimensions {
        let from = mine.dimensions[i].id.clone();
        let to = (2..)
            .map(|n| format!("{from}-{n}"))
            .find(|id| !taken.contains(id))
            .unwrap_or_default();
        taken.insert(to.clone());
        out.dimensions[i].id = to.clone();
        for p in out.programs.iter_mut().filter(|p| p.dimension == from) {
            p.dimension = to.clone();
        }
        renamed.push(Renamed {
            list: List::Dimensions,
            from,
            to,
            why: Why::Taken,
            by: None,
        });
    }
    let mut taken: HashSet<String> = theirs
        .programs
        .iter()
        .chain(&mine.programs)
        .map(|p| p.id.clone())
        .collect();
    for (i, _) in programs {
        let dimension = out.programs[i].dimension.clone();
        let last = theirs
            .programs
            .iter()
            .rev()
            .find(|p| p.dimension == dimension)
            .map(|p| p.id.as_str());
        let to = next_id(last, &dimension, |id| taken.contains(id));
        taken.insert(to.clone());
        let from = std::mem::replace(&mut out.programs[i].id, to.clone());
        renamed.push(Renamed {
            list: List::Programs,
            from,
            to,
            why: Why::Taken,
            by: None,
        });
    }
    Some((out, renamed))
}

/// The items of mine whose id is new on both sides and that differ from
/// theirs under it: (index in mine, index in theirs).
pub(super) fn clashing<'a, T: PartialEq>(
    [base, mine, theirs]: [&'a [T]; 3],
    key: impl Fn(&'a T) -> &'a str,
) -> Vec<(usize, usize)> {
    let in_base: HashSet<&str> = base.iter().map(&key).collect();
    let new_there: HashMap<&str, usize> = theirs
        .iter()
        .enumerate()
        .filter(|(_, x)| !in_base.contains(key(x)))
        .map(|(j, x)| (key(x), j))
        .collect();
    mine.iter()
        .enumerate()
        .filter_map(|(i, x)| new_there.get(key(x)).map(|&j| (i, j)))
        .filter(|&(i, j)| mine[i] != theirs[j])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_next_id_follows_the_dimensions_numbering() {
        let taken = ["GOV-01", "GOV-02", "GOV-07"];
        let free = |id: &str| taken.contains(&id);
        assert_eq!(next_id(Some("GOV-07"), "governance", free), "GOV-03");
        assert_eq!(next_id(None, "economy", |_| false), "ECO-01");
        assert_eq!(next_id(Some("SOC-001"), "society", |_| false), "SOC-001");
    }
}
