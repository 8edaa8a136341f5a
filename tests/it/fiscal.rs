//! The fiscal year's figures (`plan::fiscal`) against a table computed by
//! hand, and monthly entry against quarterly entry.

use pantau::plan::fiscal::{Asked, Figures, Reported, figures, table};
use pantau::plan::model::{Budget, BudgetChange, BudgetChangeKind, FiscalPeriod, Plan, Program};
use pantau::store::{self, EXAMPLE};
use proptest::prelude::*;
use std::path::Path;

fn example() -> Plan {
    store::parse(EXAMPLE, Path::new("x")).unwrap().plan
}

fn quarter(q: u8, rak: f64, spent: Option<f64>, physical: Option<f64>) -> FiscalPeriod {
    FiscalPeriod {
        year: 2026,
        quarter: Some(q),
        cash_plan: Some(rak),
        spent,
        physical,
        ..FiscalPeriod::default()
    }
}

fn month(m: u8, rak: f64, spent: f64, physical: Option<f64>) -> FiscalPeriod {
    FiscalPeriod {
        year: 2026,
        month: Some(m),
        cash_plan: Some(rak),
        spent: Some(spent),
        physical,
        ..FiscalPeriod::default()
    }
}

fn budget(allocation: f64) -> Vec<Budget> {
    vec![Budget {
        year: 2026,
        allocation,
        spent: None,
        source: "APBD".into(),
    }]
}

fn change(date: &str, allocation: f64) -> BudgetChange {
    BudgetChange {
        year: 2026,
        date: date.into(),
        allocation,
        kind: BudgetChangeKind::Amendment,
        note: String::new(),
    }
}

fn programme(id: &str, dimension: &str, lead: &str) -> Program {
    Program::new(id.into(), dimension.into(), lead.into(), 2026)
}

/// Three programmes of 2026, the third quarter asked on 15 October 2026.
///
/// | programme | agency | pagu at 30-09 | RAK to date | realisation | fisik |
/// |---|---|---|---|---|---|
/// | A (quarters; APBD-P on 30-09 to 1.2 bn) | Kominfo | 1,200,000,000 | 600,000,000 | 500,000,000 | 60 |
/// | B (months; a shift on 01-10 not yet)    | Kominfo |   400,000,000 | 270,000,000 | 240,000,000 | 70 |
/// | C (Q3 not reported)                     | DLH     |   300,000,000 | 100,000,000 | not reported | — |
///
/// By hand: A absorption 500/1200 = 41.667 %, RAK share 50 %, against RAK
/// 83.333 %, deviation (600−500)/600 = 16.667 %, gap 41.667−60 = −18.333;
/// B 60 %, 67.5 %, 88.889 %, (270−240)/270 = 11.111 %, gap −10.
/// Kominfo: Σ pagu 1,600,000,000, Σ RAK 870,000,000, Σ real 740,000,000,
/// absorption 740/1600 = 46.25 %, deviation (870−740)/870 = 14.943 %,
/// fisik (60×1200 + 70×400)/1600 = 62.5 (the plain mean would be 65),
/// gap −16.25. DLH: one programme, not reported, no absorption. The plan:
/// Σ pagu 1,900,000,000, absorption over the reported 46.25 %, fisik 62.5,
/// one missing.
fn three_programmes() -> Plan {
    let mut plan = example();
    let mut a = programme("A", "governance", "Dinas Kominfo SP");
    a.budget = budget(1_000_000_000.0);
    a.periods = vec![
        quarter(1, 100_000_000.0, Some(80_000_000.0), Some(10.0)),
        quarter(2, 200_000_000.0, Some(170_000_000.0), Some(35.0)),
        quarter(3, 300_000_000.0, Some(250_000_000.0), Some(60.0)),
    ];
    a.budget_changes = vec![change("2026-09-30", 1_200_000_000.0)];
    let mut b = programme("B", "governance", "Dinas Kominfo SP");
    b.budget = budget(400_000_000.0);
    b.periods = (1..=9)
        .map(|m| {
            let spent = if m == 9 { 40_000_000.0 } else { 25_000_000.0 };
            month(m, 30_000_000.0, spent, (m == 9).then_some(70.0))
        })
        .collect();
    b.budget_changes = vec![change("2026-10-01", 500_000_000.0)];
    let mut c = programme("C", "environment", "DLH");
    c.budget = budget(300_000_000.0);
    c.periods = vec![
        quarter(1, 50_000_000.0, Some(20_000_000.0), Some(15.0)),
        quarter(2, 50_000_000.0, Some(40_000_000.0), Some(30.0)),
    ];
    plan.programs = vec![a, b, c];
    plan
}

fn close(got: Option<f64>, want: f64) -> bool {
    got.is_some_and(|g| (g - want).abs() < 1e-9)
}

#[test]
fn third_quarter_figures_match_the_table_computed_by_hand() {
    let plan = three_programmes();
    let today = jiff::civil::date(2026, 10, 15);
    let t = table(&plan, Asked::quarter(2026, 3), today);
    let [(_, a), (_, b), (_, c)] = [t.rows[0], t.rows[1], t.rows[2]];
    assert_eq!(
        a,
        Figures {
            pagu: Some(1_200_000_000.0),
            rak: Some(600_000_000.0),
            spent: Some(500_000_000.0),
            physical: Some(60.0),
            reported: Reported::Yes,
        }
    );
    assert!(close(a.absorption(), 500.0 / 12.0));
    assert!(close(a.rak_share(), 50.0));
    assert!(close(a.against_rak(), 250.0 / 3.0));
    assert!(close(a.deviation(), 50.0 / 3.0));
    assert!(close(a.gap(), 500.0 / 12.0 - 60.0));
    assert_eq!(
        (b.pagu, b.rak, b.spent, b.physical),
        (
            Some(400_000_000.0),
            Some(270_000_000.0),
            Some(240_000_000.0),
            Some(70.0)
        )
    );
    assert!(close(b.absorption(), 60.0));
    assert!(close(b.rak_share(), 67.5));
    assert!(close(b.deviation(), 100.0 / 9.0));
    assert!(close(b.gap(), -10.0));
    assert_eq!(
        c.reported,
        Reported::Missing,
        "an ended quarter with nothing"
    );
    assert_eq!((c.spent, c.physical, c.absorption()), (None, None, None));
    assert_eq!(c.rak, Some(100_000_000.0));

    let (name, kominfo) = t.agencies[0];
    assert_eq!(name, "Dinas Kominfo SP");
    assert_eq!(
        (kominfo.pagu, kominfo.rak, kominfo.spent),
        (1_600_000_000.0, 870_000_000.0, 740_000_000.0)
    );
    assert!(close(kominfo.absorption(), 46.25));
    assert!(close(kominfo.deviation(), 13_000.0 / 870.0));
    assert!(close(kominfo.physical(), 62.5), "weighted by pagu, not 65");
    assert!(close(kominfo.gap(), -16.25));
    let (name, dlh) = t.agencies[1];
    assert_eq!((name, dlh.programmes, dlh.missing), ("DLH", 1, 1));
    assert_eq!((dlh.absorption(), dlh.physical()), (None, None));
    assert_eq!(t.plan.pagu, 1_900_000_000.0);
    assert!(close(t.plan.absorption(), 46.25));
    assert!(close(t.plan.physical(), 62.5));
    assert_eq!((t.plan.reported, t.plan.missing), (2, 1));
    let dims: Vec<&str> = t.dimensions.iter().map(|(d, _)| *d).collect();
    assert_eq!(dims, ["governance", "environment"]);

    // The fourth quarter is running on 15 October: not reported yet, not missing.
    let q4 = figures(&plan.programs[0], Asked::quarter(2026, 4), today);
    assert_eq!((q4.reported, q4.spent), (Reported::Running, None));
    // After the shift of 1 October, B's pagu is the new one.
    let b4 = figures(&plan.programs[1], Asked::quarter(2026, 4), today);
    assert_eq!(b4.pagu, Some(500_000_000.0));
    // August alone: B's months to the end of August.
    let aug = figures(&plan.programs[1], Asked::month(2026, 8), today);
    assert_eq!(
        (aug.rak, aug.spent, aug.physical),
        (Some(240_000_000.0), Some(200_000_000.0), None)
    );
}

#[test]
fn no_figure_is_nan_or_infinite_with_a_zero_pagu_or_rak() {
    let mut p = programme("Z", "governance", "X");
    p.budget = budget(0.0);
    p.periods = vec![quarter(1, 0.0, Some(0.0), Some(0.0))];
    let f = figures(&p, Asked::quarter(2026, 1), jiff::civil::date(2027, 1, 1));
    for v in [
        f.absorption(),
        f.rak_share(),
        f.against_rak(),
        f.deviation(),
        f.gap(),
    ] {
        assert!(v.is_none_or(f64::is_finite), "{v:?}");
    }
    assert_eq!(f.absorption(), None);
}

proptest! {
    #[test]
    fn monthly_and_quarterly_entry_give_the_same_quarter_figures(
        months in proptest::collection::vec(
            proptest::option::of((0..2_000_000_000u32, 0..2_000_000_000u32, 0..=100u8)),
            12,
        ),
        allocation in 1..50_000_000_000u64,
    ) {
        let mut by_month = programme("M", "governance", "X");
        by_month.budget = budget(allocation as f64);
        let mut by_quarter = by_month.clone();
        let mut physical = 0u8;
        for (i, m) in months.iter().enumerate() {
            if let Some((rak, spent, fisik)) = *m {
                physical = physical.max(fisik);
                by_month.periods.push(month(i as u8 + 1, f64::from(rak), f64::from(spent), Some(f64::from(physical))));
            }
        }
        for q in 1..=4u8 {
            let of_q: Vec<_> = by_month.periods.iter().filter(|x| x.in_quarter() == Some(q)).collect();
            if of_q.is_empty() {
                continue;
            }
            let sum = |f: fn(&FiscalPeriod) -> Option<f64>| of_q.iter().filter_map(|x| f(x)).sum::<f64>();
            by_quarter.periods.push(quarter(
                q,
                sum(|x| x.cash_plan),
                Some(sum(|x| x.spent)),
                of_q.last().and_then(|x| x.physical),
            ));
        }
        let today = jiff::civil::date(2027, 2, 1);
        for q in 1..=4u8 {
            let asked = Asked::quarter(2026, q);
            // Quarter figures from months equal those typed per quarter, as
            // long as the quarter has its last month (a month missing inside
            // a quarter is a quarter partly reported, which months show).
            let m = figures(&by_month, asked, today);
            let k = figures(&by_quarter, asked, today);
            prop_assert_eq!(m.reported, k.reported);
            prop_assert_eq!(m.pagu, k.pagu);
            prop_assert_eq!(m.rak, k.rak);
            prop_assert_eq!(m.spent, k.spent);
            let last_reported = by_month.periods.iter().rfind(|x| x.in_quarter() == Some(q)).and_then(|x| x.physical);
            prop_assert_eq!(m.physical, last_reported);
            prop_assert_eq!(k.physical, last_reported);
        }
    }
}

/// The example's first programme with `edit` applied, written canonically
/// and loaded again: what an officer's hand-edited file gives.
fn loaded_with(edit: impl FnOnce(&mut Program)) -> Result<Plan, String> {
    let mut plan = example();
    plan.programs[0].periods.clear();
    edit(&mut plan.programs[0]);
    let text = pantau::plan::canonical::to_ron(&plan, "");
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let path = dir.path().join("luwu-utara.ron");
    std::fs::write(&path, text).map_err(|e| e.to_string())?;
    store::load(&path)
        .map(|d| d.plan)
        .map_err(|e| e.render(&pantau::i18n::EN))
}

#[test]
fn spending_above_the_pagu_then_is_an_error_with_its_fix_and_a_shared_code_a_warning() {
    let mut plan = example();
    let p = &mut plan.programs[0];
    p.budget = budget(100.0);
    p.periods = vec![
        quarter(1, 50.0, Some(60.0), None),
        quarter(2, 50.0, Some(60.0), None),
    ];
    let text = pantau::plan::canonical::to_ron(&plan, "");
    let over = store::overspending(&text, &plan);
    let words: Vec<String> = over
        .iter()
        .map(|o| o.render(Path::new("p.ron"), &pantau::i18n::EN))
        .collect();
    assert_eq!(over.len(), 1, "{words:?}");
    assert!(
        words[0].contains("Q2 2026: spending to date Rp 120 is more than the pagu then, Rp 100")
            && words[0].contains("record the budget change"),
        "{words:?}"
    );
    // An APBD-P before the quarter's end raises the pagu: nothing to fix.
    plan.programs[0].budget_changes = vec![change("2026-06-15", 150.0)];
    assert!(store::overspending(&text, &plan).is_empty());

    let code = |allocation: f64| pantau::plan::model::SubActivity {
        code: "2.16.02.1.01.0001".into(),
        allocation: Some(allocation),
        ..Default::default()
    };
    plan.programs[0].subactivities = vec![code(100.0)];
    plan.programs[1].subactivities = vec![code(200.0)];
    let warned: Vec<String> = store::warnings(&text, &plan)
        .iter()
        .map(|w| w.render(Path::new("p.ron"), &pantau::i18n::ID))
        .collect();
    assert!(
        warned.iter().any(|w| w.contains("GOV-02")
            && w.contains("2.16.02.1.01.0001")
            && w.contains("Rp 200 di sini dan Rp 100 pada GOV-01")),
        "{warned:?}"
    );
}

#[test]
fn bad_fiscal_input_is_refused_naming_programme_period_file_and_line() {
    type Case = (&'static str, fn(&mut Program), &'static str);
    let cases: [Case; 8] = [
        (
            "a period outside the plan",
            |p| {
                p.periods.push(FiscalPeriod {
                    year: 2040,
                    ..quarter(1, 1.0, Some(1.0), None)
                })
            },
            "the year 2040 is outside the plan's period",
        ),
        (
            "neither quarter nor month",
            |p| {
                p.periods.push(FiscalPeriod {
                    year: 2026,
                    ..FiscalPeriod::default()
                })
            },
            "needs a quarter (1–4) or a month (1–12)",
        ),
        (
            "a quarter beside months that disagree",
            |p| {
                p.periods.push(month(7, 10.0, 10.0, None));
                p.periods.push(month(8, 10.0, 10.0, None));
                p.periods.push(quarter(3, 20.0, Some(25.0), None));
            },
            "period 3 (Q3 2026) disagrees with its months",
        ),
        (
            "physical progress going down",
            |p| {
                p.periods.push(quarter(1, 1.0, Some(1.0), Some(40.0)));
                p.periods.push(quarter(2, 1.0, Some(1.0), Some(30.0)));
            },
            "period 2 (Q2 2026): physical progress 30 % is below the 40 %",
        ),
        (
            "physical progress above 100",
            |p| p.periods.push(quarter(1, 1.0, Some(1.0), Some(120.0))),
            "physical progress 120 is not a percentage",
        ),
        (
            "a code of the wrong shape",
            |p| {
                p.subactivities.push(pantau::plan::model::SubActivity {
                    code: "2.16.2.1.01.0001".into(),
                    ..Default::default()
                })
            },
            "2.16.2.1.01.0001 is not a sub-activity code",
        ),
        (
            "a budget change dated outside its year",
            |p| p.budget_changes.push(change("2027-01-05", 1.0)),
            "the date 2027-01-05 is not a date of 2026",
        ),
        (
            "the same quarter twice",
            |p| {
                p.periods.push(quarter(2, 1.0, Some(1.0), None));
                p.periods.push(quarter(2, 1.0, Some(1.0), None));
            },
            "period 2 reports Q2 2026 again (as period 1 does)",
        ),
    ];
    for (what, edit, says) in cases {
        let message = loaded_with(edit).expect_err(what);
        assert!(message.contains(says), "{what}: {message}");
        assert!(
            message.contains("GOV-01"),
            "{what} names the programme: {message}"
        );
        assert!(
            message.contains("luwu-utara.ron:"),
            "{what} names the file and line: {message}"
        );
        assert!(
            !message.contains("NaN") && !message.contains("inf"),
            "{message}"
        );
    }
}
