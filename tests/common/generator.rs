//! Generates a large, valid, canonical plan: the test data of the tests, the
//! benchmarks and the scale scripts. Both runners include it from
//! `tests/common`, the benchmarks by `#[path]`, and `examples/gen.rs` makes it
//! a command for the scripts (`scripts/*.sh`):
//!
//! ```text
//! cargo run --release --example gen -- --programs 10000 [--seed N] [--region N] [--output FILE]
//! ```
//!
//! A region (`generate_region`) is one regency of a generated province (a
//! provincial rollup's test data): N from 1 to 24 is one of Sulawesi
//! Selatan's 24 regencies and cities with its kode wilayah, any other N an
//! invented "Kabupaten Contoh N" of an invented province; every third region
//! has no evaluation scores (its estimated index is blank).
//!
//! The six dimensions are those of the bundled Luwu Utara example; programmes,
//! milestones and targets are invented, deterministic from the seed (same
//! arguments, same bytes). 10,000 programmes come to about 10 MB.

// Each includer uses a different part.
#![allow(dead_code)]

use pantau::plan::model::{Dimension, Horizon, Milestone, Plan, Program, Status, Target};

/// Sulawesi Selatan's regencies and cities with their kode wilayah.
pub const SULSEL: [(&str, &str); 24] = [
    ("73.01", "Kabupaten Kepulauan Selayar"),
    ("73.02", "Kabupaten Bulukumba"),
    ("73.03", "Kabupaten Bantaeng"),
    ("73.04", "Kabupaten Jeneponto"),
    ("73.05", "Kabupaten Takalar"),
    ("73.06", "Kabupaten Gowa"),
    ("73.07", "Kabupaten Sinjai"),
    ("73.08", "Kabupaten Maros"),
    ("73.09", "Kabupaten Pangkajene dan Kepulauan"),
    ("73.10", "Kabupaten Barru"),
    ("73.11", "Kabupaten Bone"),
    ("73.12", "Kabupaten Soppeng"),
    ("73.13", "Kabupaten Wajo"),
    ("73.14", "Kabupaten Sidenreng Rappang"),
    ("73.15", "Kabupaten Pinrang"),
    ("73.16", "Kabupaten Enrekang"),
    ("73.17", "Kabupaten Luwu"),
    ("73.18", "Kabupaten Tana Toraja"),
    ("73.22", "Kabupaten Luwu Utara"),
    ("73.25", "Kabupaten Luwu Timur"),
    ("73.26", "Kabupaten Toraja Utara"),
    ("73.71", "Kota Makassar"),
    ("73.72", "Kota Parepare"),
    ("73.73", "Kota Palopo"),
];

/// xorshift64*: tiny, fast, good enough for test data, and the same on every platform.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        // Mix the seed so that 0, 1, 2… give unrelated streams (and 0 is not stuck).
        let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        Rng(if z == 0 { 0x2545_F491_4F6C_DD1D } else { z })
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform-enough in `0..n` (n > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        (self.next_u64() >> 11) % n
    }

    /// In `lo..=hi`.
    pub fn range(&mut self, lo: i32, hi: i32) -> i32 {
        lo + self.below((hi - lo + 1) as u64) as i32
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

const SUBJECTS: &[&str] = &[
    "Aplikasi",
    "Sistem Informasi",
    "Portal",
    "Layanan",
    "Gerakan",
    "Program",
    "Pusat",
    "Jaringan",
    "Dasbor",
    "Platform",
    "Kampung",
    "Sekolah",
    "Pasar",
    "Klinik",
    "Rumah",
];

const TOPICS: &[&str] = &[
    "Perizinan Terpadu",
    "Data Kependudukan",
    "Pengaduan Warga",
    "Pariwisata Desa",
    "UMKM Digital",
    "Pertanian Cerdas",
    "Sampah Terpilah",
    "Air Bersih",
    "Kesehatan Ibu dan Anak",
    "Literasi Digital",
    "Tanggap Bencana",
    "Energi Surya",
    "Transportasi Sungai",
    "Kakao Lestari",
    "Pemetaan Lahan",
    "Beasiswa Daerah",
    "Ketahanan Pangan",
    "Pajak Daerah",
    "Arsip Elektronik",
    "Wisata Religi",
];

const PLACES: &[&str] = &[
    "Masamba",
    "Sabbang",
    "Baebunta",
    "Malangke",
    "Sukamaju",
    "Bone-Bone",
    "Mappedeceng",
    "Seko",
    "Rampi",
    "Limbong",
    "Rongkong",
    "Tana Lili",
];

const WORDS: &[&str] = &[
    "pengembangan",
    "penguatan",
    "peningkatan",
    "layanan",
    "publik",
    "digital",
    "terpadu",
    "masyarakat",
    "desa",
    "kelurahan",
    "perangkat",
    "daerah",
    "kabupaten",
    "melalui",
    "dengan",
    "untuk",
    "dan",
    "serta",
    "bagi",
    "warga",
    "pelaku",
    "usaha",
    "kecil",
    "menengah",
    "berbasis",
    "data",
    "yang",
    "akurat",
    "terbuka",
    "berkelanjutan",
    "kolaborasi",
    "lintas",
    "sektor",
    "pemerintah",
    "swasta",
    "perguruan",
    "tinggi",
    "komunitas",
    "pemantauan",
    "evaluasi",
    "kinerja",
    "secara",
    "berkala",
    "transparan",
    "akuntabel",
    "inovasi",
    "teknologi",
    "informasi",
    "komunikasi",
    "infrastruktur",
    "jaringan",
    "internet",
    "pelatihan",
    "sumber",
    "daya",
    "manusia",
    "aparatur",
    "sipil",
    "negara",
    "anggaran",
    "pendapatan",
    "belanja",
    "percepatan",
    "pemerataan",
    "akses",
    "wilayah",
    "terpencil",
    "pegunungan",
    "pesisir",
    "sungai",
    "lingkungan",
    "hidup",
    "ramah",
    "inklusif",
    "adaptif",
    "inovatif",
    "sinergi",
    "berdaya",
    "saing",
    "kesejahteraan",
    "rakyat",
    "keamanan",
    "ketertiban",
    "kebencanaan",
    "mitigasi",
    "risiko",
    "pendidikan",
    "kesehatan",
    "pangan",
    "pertanian",
    "perkebunan",
    "perikanan",
    "pariwisata",
    "budaya",
    "lokal",
    "kearifan",
    "tahap",
    "pertama",
    "lanjutan",
    "sosialisasi",
    "pendampingan",
    "penyusunan",
    "regulasi",
    "peraturan",
    "bupati",
    "kajian",
    "kebutuhan",
    "rancangan",
    "uji",
    "coba",
    "peluncuran",
    "integrasi",
    "replikasi",
];

const MILESTONE_STEPS: &[&str] = &[
    "Kajian kebutuhan",
    "Penyusunan rancangan",
    "Penetapan Peraturan Bupati tentang",
    "Uji coba",
    "Peluncuran",
    "Sosialisasi",
    "Integrasi",
    "Pelatihan operator",
    "Evaluasi tahap pertama",
    "Replikasi ke kecamatan lain untuk",
];

const INDICATORS: &[(&str, &str)] = &[
    ("Jumlah pengguna terdaftar", "orang"),
    ("Persentase desa yang terlayani", "%"),
    ("Jumlah layanan terintegrasi", "layanan"),
    ("Jumlah pelaku UMKM yang didampingi", "unit"),
    ("Persentase keluhan yang ditindaklanjuti", "%"),
    ("Jumlah kunjungan wisatawan", "orang"),
    ("Volume sampah yang terolah", "ton"),
    ("Kapasitas terpasang", "kWp"),
    ("Indeks kepuasan masyarakat", ""),
    ("Jumlah dataset terbit", "dataset"),
];

const AGENCIES: &[&str] = &[
    "Bappelitbangda",
    "Dinas Kominfo SP",
    "Dinas Dukcapil",
    "DPMPTSP",
    "Dinas Kesehatan",
    "Dinas Pendidikan",
    "Disporapar",
    "DLH",
    "BPBD",
    "BPKAD",
    "Inspektorat",
    "Bagian Organisasi",
    "Kesbangpol",
    "Dinas Pertanian",
    "Dinas Koperasi dan UKM",
    "DPUTRKP2",
];

const MONTHS: &[&str] = &[
    "Jan 2023", "Feb 2023", "Mei 2023", "Agu 2023", "Nov 2023", "Mar 2024", "Jun 2024",
];

const FUNDING: &[&str] = &["APBD", "APBN", "DAK", "Dana Desa", "CSR", "Hibah", "KPBU"];

/// Words from [`WORDS`] joined into a sentence of about `target` bytes,
/// capitalised and ending in a full stop.
fn sentence(rng: &mut Rng, target: usize) -> String {
    let mut out = String::with_capacity(target + 16);
    while out.len() < target {
        if !out.is_empty() {
            out.push(' ');
        }
        let word = rng.pick(WORDS);
        if out.is_empty() {
            let mut chars = word.chars();
            if let Some(first) = chars.next() {
                out.extend(first.to_uppercase());
                out.push_str(chars.as_str());
            }
        } else {
            out.push_str(word);
        }
    }
    out.push('.');
    out
}

fn paragraph(rng: &mut Rng, sentences: usize, each: usize) -> String {
    let mut out = String::new();
    for i in 0..sentences {
        if i > 0 {
            out.push(' ');
        }
        let len = each / 2 + rng.below(each as u64) as usize;
        out.push_str(&sentence(rng, len));
    }
    out
}

fn some_of(rng: &mut Rng, items: &[&str], max: usize) -> Vec<String> {
    let n = 1 + rng.below(max as u64) as usize;
    let mut out: Vec<String> = Vec::with_capacity(n);
    for _ in 0..n {
        let item = rng.pick(items).to_string();
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

/// The bundled example's six dimensions, with its title, region and period.
fn base_plan() -> Plan {
    let doc = pantau::store::parse(
        pantau::store::EXAMPLE,
        std::path::Path::new("luwu-utara.ron"),
    )
    .expect("the bundled example parses");
    Plan {
        programs: Vec::new(),
        ..doc.plan
    }
}

fn program(rng: &mut Rng, plan: &Plan, number: usize) -> Program {
    let dimension: &Dimension = rng.pick(&plan.dimensions);
    let element = if dimension.elements.is_empty() {
        String::new()
    } else {
        rng.pick(&dimension.elements).clone()
    };
    let horizon = *rng.pick(&Horizon::ALL);
    let status = *rng.pick(&Status::ALL);
    let (period_start, period_end) = (plan.period.start, plan.period.end);
    let start = match horizon {
        Horizon::QuickWin => rng.range(period_start, period_start + 1),
        Horizon::Short => rng.range(period_start, period_start + 3),
        Horizon::Medium => rng.range(period_start + 1, period_start + 5),
        Horizon::Long => rng.range(period_start + 2, period_end - 2),
    }
    .min(period_end);
    let length = match horizon {
        Horizon::QuickWin => rng.range(0, 1),
        Horizon::Short => rng.range(1, 3),
        Horizon::Medium => rng.range(2, 5),
        Horizon::Long => rng.range(3, 9),
    };
    let end = (start + length).min(period_end);

    let topic = rng.pick(TOPICS);
    let place = rng.pick(PLACES);
    let name = if rng.chance(50) {
        format!("{} {} {}", rng.pick(SUBJECTS), topic, place)
    } else {
        format!("{} {}", rng.pick(SUBJECTS), topic)
    };

    // Most programmes have two or three milestones and one or two targets; some have more.
    let milestone_count = match rng.below(20) {
        0..=10 => 2,
        11..=16 => 3,
        _ => 4,
    };
    let mut milestones: Vec<Milestone> = (0..milestone_count)
        .map(|_| {
            // Within the programme's years where they meet 2022–2026.
            let first = start.clamp(2022, 2026);
            let year = rng.range(first, end.clamp(first, 2026));
            let month = rng.range(1, 12);
            let day = rng.range(1, 28);
            Milestone {
                title: format!("{} {}", rng.pick(MILESTONE_STEPS), topic.to_lowercase()),
                due: format!("{year:04}-{month:02}-{day:02}"),
                done: status == Status::Done || (year <= 2024 && rng.chance(50)),
                weight: None,
            }
        })
        .collect();
    milestones.sort_by(|a, b| a.due.cmp(&b.due));
    let target_count = match rng.below(20) {
        0..=10 => 1,
        11..=16 => 2,
        _ => 3,
    };
    let targets = (0..target_count)
        .map(|_| {
            let (indicator, unit) = *rng.pick(INDICATORS);
            let year = rng.range(start, end.max(start + 1).min(period_end));
            // In tenths, so every figure is short and reads back exactly.
            let cap = if unit == "%" { 1000 } else { 25_000 };
            let baseline = rng.below(cap / 2);
            let target = (baseline + 1 + rng.below(cap / 2)).min(cap);
            let actual = (baseline + rng.below(cap / 2)).min(cap);
            Target {
                year,
                indicator: indicator.to_string(),
                unit: unit.to_string(),
                baseline: rng.chance(80).then_some(baseline as f64 / 10.0),
                target: target as f64 / 10.0,
                actual: (year <= 2024 && rng.chance(70)).then_some(actual as f64 / 10.0),
                ..Target::default()
            }
        })
        .collect();
    Program {
        id: format!("GEN-{number:05}"),
        name,
        description: paragraph(rng, 1, 50),
        dimension: dimension.id.clone(),
        element,
        rpjmd: None,
        renstra: None,
        horizon,
        lead: if rng.chance(90) {
            rng.pick(AGENCIES).to_string()
        } else {
            dimension.lead.clone()
        },
        support: some_of(rng, AGENCIES, 2),
        funding: some_of(rng, FUNDING, 2),
        start,
        end,
        status,
        milestones,
        targets,
        budget: Vec::new(),
        evidence: Vec::new(),
        periods: Vec::new(),
        budget_changes: Vec::new(),
        subactivities: Vec::new(),
        followups: Vec::new(),
        notes: match rng.below(4) {
            0 | 1 => "Ilustratif".to_string(),
            2 => format!("Sumber: evaluasi {} {}", rng.range(1, 28), rng.pick(MONTHS)),
            _ => paragraph(rng, 1, 40),
        },
    }
}

/// A valid plan with `programs` programmes, the same for the same seed.
pub fn generate(programs: usize, seed: u64) -> Plan {
    let mut rng = Rng::new(seed);
    let mut plan = base_plan();
    plan.title = format!("{} (generated, {programs} programmes)", plan.title);
    plan.programs = (1..=programs)
        .map(|n| program(&mut rng, &plan, n))
        .collect();
    plan
}

/// [`generate`] as region `n` of a generated province (see the top).
pub fn generate_region(programs: usize, seed: u64, n: usize) -> Plan {
    let mut plan = generate(programs, seed);
    match SULSEL.get(n.wrapping_sub(1)) {
        Some((code, name)) => {
            plan.code = code.to_string();
            plan.region = name.to_string();
            plan.province = "Sulawesi Selatan".to_string();
        }
        None => {
            // Invented provinces 11, 12, … of 99 regencies each.
            let k = n.saturating_sub(25);
            plan.code = format!("{}.{:02}", 11 + k / 99, k % 99 + 1);
            plan.region = format!("Kabupaten Contoh {n}");
            plan.province = format!("Provinsi Contoh {}", 11 + k / 99);
        }
    }
    // A region as it could stand in late 2026: most milestones due before
    // mid-2026 done, actuals reported for the targets up to 2026, and (in
    // two regions of three) a self-assessment of every aspect for 2026.
    let mut rng = Rng::new(seed ^ 0x5EED_F00D);
    for p in &mut plan.programs {
        for m in &mut p.milestones {
            if m.due.as_str() < "2026-06-01" && rng.chance(75) {
                m.done = true;
            }
        }
        for t in &mut p.targets {
            if t.year <= 2026 && t.actual.is_none() && rng.chance(80) {
                let share = 60 + rng.below(60) as i64;
                t.actual = Some((t.target * share as f64 / 10.0).round() / 10.0);
            }
        }
    }
    plan.evaluation.scores.clear();
    if !n.is_multiple_of(3) {
        plan.evaluation.scores = pantau::plan::model::Aspect::ALL
            .iter()
            .map(|&aspect| pantau::plan::model::AspectScore {
                year: 2026,
                aspect,
                score: 2.0 + rng.below(28) as f64 / 10.0,
                note: String::new(),
            })
            .collect();
    }
    plan
}

/// The comment kept at the top of a generated file.
pub fn preamble(programs: usize, seed: u64) -> String {
    format!(
        "// Generated by pantau's examples/gen.rs: {programs} invented programmes, seed {seed}.\n\
         // Synthetic benchmark data, not a real masterplan.\n"
    )
}

/// The generated plan as canonical RON text.
pub fn generate_text(programs: usize, seed: u64) -> String {
    pantau::plan::canonical::to_ron(&generate(programs, seed), &preamble(programs, seed))
}

/// [`generate`] with every optional part a plan can have, each in some
/// programmes: a region code and the RKPD band names, an RPJMD reference,
/// milestone weights, targets of every direction and measure with their
/// base year, source and definition, budget years with and without
/// spending, evidence of every kind and state, a Renstra reference,
/// sub-activities, quarterly or monthly periods and budget changes, a
/// changed dimension, and an evaluation with its own weights, scores,
/// official results and survey.
/// Figures are in hundredths or whole rupiah, as officers write them.
pub fn generate_every_part(programs: usize, seed: u64) -> Plan {
    use pantau::plan::model::{
        Aspect, AspectScore, Bands, Budget, BudgetChange, BudgetChangeKind, Direction, Evidence,
        EvidenceKind, EvidenceState, FiscalPeriod, Measure, OfficialResult, SubActivity, Weights,
    };
    let mut plan = generate(programs, seed);
    // Follow-ups are not carried by the workbook yet (issue 26, next step).
    plan.followups.clear();
    let mut rng = Rng::new(seed ^ 0xA11_9A27);
    plan.code = "73.22".to_string();
    plan.province = "Sulawesi Selatan".to_string();
    if rng.chance(50) {
        plan.bands = Bands::Rkpd;
    }
    plan.dimensions[0].lead = format!("{} dan {}", rng.pick(AGENCIES), rng.pick(AGENCIES));
    plan.dimensions[1]
        .elements
        .push("Ekonomi kreatif".to_string());
    let hundredths = |rng: &mut Rng, max: u64| rng.below(max * 100 + 1) as f64 / 100.0;
    for p in &mut plan.programs {
        if rng.chance(40) {
            p.rpjmd = Some(format!(
                "Misi {}: {}",
                rng.range(1, 5),
                sentence(&mut rng, 30)
            ));
        }
        if rng.chance(40) && !p.milestones.is_empty() {
            // Every milestone weighed, together 100.
            let n = p.milestones.len();
            let share = 100 / n as u32;
            for (i, m) in p.milestones.iter_mut().enumerate() {
                let rest = 100 - share * (n as u32 - 1);
                m.weight = Some(f64::from(if i == 0 { rest } else { share }));
            }
        }
        for t in &mut p.targets {
            t.direction = *rng.pick(&Direction::ALL);
            t.measures = *rng.pick(&Measure::ALL);
            if t.direction == Direction::Range || rng.chance(20) {
                t.upper = Some(t.target + hundredths(&mut rng, 50));
            }
            if rng.chance(50) {
                t.base_year = Some(plan.period.start - rng.range(0, 2));
                t.source = format!("BPS {}", rng.pick(PLACES));
                t.definition = sentence(&mut rng, 40);
            }
        }
        if rng.chance(60) {
            for year in p.start..=p.end.min(p.start + 2) {
                let allocation = (1 + rng.below(5_000)) as f64 * 1_000_000.0;
                let spent = rng
                    .chance(60)
                    .then(|| (allocation * rng.below(101) as f64 / 100.0).round());
                p.budget.push(Budget {
                    year,
                    allocation,
                    spent,
                    source: if rng.chance(70) {
                        rng.pick(FUNDING).to_string()
                    } else {
                        String::new()
                    },
                });
            }
        }
        if rng.chance(30) {
            p.renstra = Some(format!("Renstra {}: {}", p.lead, sentence(&mut rng, 24)));
        }
        if rng.chance(50) {
            let year = p.start.max(2025).min(plan.period.end);
            // The sub-activity codes are the programme's own: no two
            // programmes share one.
            let number: u32 = p.id.trim_start_matches("GEN-").parse().unwrap_or(0);
            for k in 0..rng.range(1, 2) {
                p.subactivities.push(SubActivity {
                    code: format!("2.16.0{}.1.0{}.{:04}", 1 + k, 1 + k, number),
                    name: if rng.chance(70) {
                        sentence(&mut rng, 24)
                    } else {
                        String::new()
                    },
                    agency: if rng.chance(50) {
                        rng.pick(AGENCIES).to_string()
                    } else {
                        String::new()
                    },
                    allocation: rng
                        .chance(50)
                        .then(|| (1 + rng.below(900)) as f64 * 1_000_000.0),
                });
            }
            let monthly = rng.chance(50);
            for n in 1..=if monthly {
                rng.range(1, 11)
            } else {
                rng.range(1, 4)
            } {
                let n = n as u8;
                p.periods.push(FiscalPeriod {
                    year,
                    quarter: (!monthly).then_some(n),
                    month: monthly.then_some(n),
                    cash_plan: rng
                        .chance(70)
                        .then(|| (1 + rng.below(300)) as f64 * 1_000_000.0),
                    spent: rng.chance(70).then(|| rng.below(200) as f64 * 1_000_000.0),
                    physical: rng.chance(70).then(|| f64::from(n) * 7.5),
                    problems: if rng.chance(30) {
                        sentence(&mut rng, 30)
                    } else {
                        String::new()
                    },
                    follow_up: if rng.chance(30) {
                        sentence(&mut rng, 30)
                    } else {
                        String::new()
                    },
                });
            }
            if rng.chance(50) {
                p.budget_changes.push(BudgetChange {
                    year,
                    date: format!("{year}-09-{:02}", rng.range(1, 28)),
                    allocation: (1 + rng.below(5_000)) as f64 * 1_000_000.0,
                    kind: *rng.pick(&BudgetChangeKind::ALL),
                    note: if rng.chance(50) {
                        "APBD-P".to_string()
                    } else {
                        String::new()
                    },
                });
            }
        }
        if rng.chance(50) {
            for i in 0..rng.range(1, 3) {
                p.evidence.push(Evidence {
                    name: format!("Perbup No. {} Tahun 2024 tentang {}", 10 + i, p.name),
                    kind: *rng.pick(&EvidenceKind::ALL),
                    state: *rng.pick(&EvidenceState::ALL),
                    link: match rng.below(3) {
                        0 => String::new(),
                        1 => format!("https://jdih.luwuutarakab.go.id/perbup-{}.pdf", 10 + i),
                        _ => format!("\\\\server\\bukti\\{}-{i}.pdf", p.id),
                    },
                });
            }
        }
    }
    let e = &mut plan.evaluation;
    if rng.chance(50) {
        e.weights = Some(Weights {
            baseline: 15.0,
            output: 15.0,
            outcome: 30.0,
            impact: 25.0,
            quick_win: 15.0,
        });
    }
    e.scores.clear();
    for year in [2025, 2026] {
        for aspect in Aspect::ALL {
            if rng.chance(70) {
                e.scores.push(AspectScore {
                    year,
                    aspect,
                    score: hundredths(&mut rng, 5),
                    note: if rng.chance(50) {
                        sentence(&mut rng, 30)
                    } else {
                        String::new()
                    },
                });
            }
        }
    }
    e.results = vec![
        OfficialResult {
            year: 2023,
            index: 2.88,
            letter: "Evaluasi tahap II 2023".to_string(),
            ..OfficialResult::default()
        },
        OfficialResult {
            year: 2024,
            index: hundredths(&mut rng, 5),
            baseline: Some(hundredths(&mut rng, 5)),
            output: Some(hundredths(&mut rng, 5)),
            outcome: None,
            impact: Some(hundredths(&mut rng, 5)),
            quick_win: Some(hundredths(&mut rng, 5)),
            letter: String::new(),
        },
    ];
    e.survey.insert(2024, hundredths(&mut rng, 5));
    if rng.chance(50) {
        e.survey.insert(2025, hundredths(&mut rng, 5));
    }
    plan
}
