//! The bundled Luwu Utara example: valid, canonical, and as rich as a real plan.

use pantau::plan::model::{Horizon, Status};
use pantau::store::{self, EXAMPLE};
use std::collections::HashSet;
use std::path::Path;

#[test]
fn bundled_example_is_valid_and_canonical() {
    let doc = store::parse(EXAMPLE, Path::new("luwu-utara.ron")).expect("example parses");
    let problems = pantau::plan::validate::validate(&doc.plan);
    assert!(problems.is_empty(), "{problems:#?}");
    // Saving the unchanged example must not change a byte: what `init` writes
    // is exactly what pantau would write back.
    let rewritten = doc.to_ron();
    if rewritten != EXAMPLE {
        let first = rewritten
            .lines()
            .zip(EXAMPLE.lines())
            .position(|(a, b)| a != b);
        panic!("example is not canonical; first differing line: {first:?}");
    }
    assert!(
        doc.preamble.contains("illustrative"),
        "the top comment says which entries are illustrative"
    );
}

#[test]
fn bundled_example_covers_what_the_views_need() {
    let plan = store::parse(EXAMPLE, Path::new("x")).unwrap().plan;
    assert_eq!(plan.dimensions.len(), 6);
    assert!(plan.programs.len() >= 30);
    let statuses: HashSet<Status> = plan.programs.iter().map(|p| p.status).collect();
    assert_eq!(statuses.len(), Status::ALL.len(), "every status is in use");
    for d in &plan.dimensions {
        let mine: Vec<_> = plan
            .programs
            .iter()
            .filter(|p| p.dimension == d.id)
            .collect();
        assert!(mine.len() >= 5, "{} has only {} programs", d.id, mine.len());
        assert!(
            mine.iter().any(|p| p.horizon == Horizon::QuickWin),
            "{} has a quick win",
            d.id
        );
    }
    // A living plan as of late 2026: some milestones late by weeks or
    // months (not years), several due in the coming month, and targets for
    // this year, some with actuals already.
    let today = jiff::civil::date(2026, 12, 2);
    let overdue = pantau::plan::progress::overdue(&plan, None, today);
    assert!(
        overdue.len() >= 3,
        "some milestones are overdue as of {today}"
    );
    for m in &overdue {
        let late = (today - m.due).get_days();
        assert!(
            late <= 183,
            "{} is {late} days late: the example should not look abandoned",
            m.program.id
        );
    }
    assert!(
        pantau::plan::progress::due_soon(&plan, None, today, 30).len() >= 3,
        "several milestones are due in the next 30 days"
    );
    let this_year = pantau::plan::progress::targets_for_year(&plan, None, 2026);
    assert!(this_year.iter().any(|(_, t)| t.actual.is_some()));
    assert!(this_year.iter().any(|(_, t)| t.actual.is_none()));
    assert!(
        plan.programs
            .iter()
            .flat_map(|p| &p.budget)
            .any(|b| b.spent.is_some_and(|s| s > b.allocation)),
        "one budget line spends above its allocation, so the warning shows"
    );
    let last_target = plan
        .programs
        .iter()
        .flat_map(|p| &p.targets)
        .map(|t| t.year)
        .max();
    assert_eq!(
        last_target,
        Some(plan.period.end),
        "targets run to the end of the period"
    );
}
