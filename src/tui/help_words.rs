//! What each key does, in both languages, as the help screen and the
//! status bar say it: the keymap's `Help` owns its words, so the strings
//! module knows nothing of the interface's keys.

use crate::i18n::Lang;
use crate::tui::keymap::Help;

impl Help {
    /// The line on the help screen.
    pub fn describe(self, lang: Lang) -> &'static str {
        words(self, lang).0
    }

    /// One or two words for the status bar.
    pub fn hint(self, lang: Lang) -> &'static str {
        words(self, lang).1
    }
}

fn words(h: Help, lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::En => en_keys(h),
        Lang::Id => id_keys(h),
    }
}

fn en_keys(h: Help) -> (&'static str, &'static str) {
    use crate::tui::keymap::Help::*;
    match h {
        Quit => ("quit", "quit"),
        Help => ("this help", "help"),
        Views => ("dashboard, dimensions, timeline, evaluation", "views"),
        NextView => ("next / previous view", "view"),
        Move => ("move", "move"),
        Page => ("page up / down", "page"),
        Ends => ("first / last", "ends"),
        Filter => ("filter: id, name, lead agency", "filter"),
        Back => ("back, or clear filter", "back"),
        SwitchList => ("switch between the two lists", "list"),
        OpenProgram => ("open the program", "open"),
        OpenRegion => ("open the region's dashboard (read-only)", "open region"),
        Open => ("open", "open"),
        Panes => ("move between panes", "panes"),
        Years => ("scroll the years", "years"),
        CloseHelp => ("close the help", "close"),
        FilterKeep => ("keep the filter", "keep"),
        FilterClear => ("clear the filter", "clear"),
        FilterDelete => ("delete a character", "delete"),
        Status => ("choose the status", "status"),
        Toggle => ("milestone done / not done", "done"),
        MarkDone => ("mark the milestone done", "done"),
        EndYear => ("end year earlier / later", "end"),
        StartYear => ("start year earlier / later", "start"),
        Add => ("add program, milestone, target", "add"),
        AddBudget => ("add a budget year to the program", "budget"),
        EvaluationYear => ("the year before / after", "year"),
        EditScore => ("enter the self-assessment for the aspect", "score"),
        AddEvidence => ("add an evidence document to the program", "evidence"),
        Delete => ("delete (asks first)", "delete"),
        Reorder => ("move down / up in list", "reorder"),
        Edit => ("edit", "edit"),
        EditHeader => ("edit the plan's title, region and period", "edit plan"),
        Undo => ("undo", "undo"),
        Redo => ("redo", "redo"),
        Save => ("save", "save"),
        Sync => ("sync with git", "sync"),
        FormNext => ("next / previous field", "field"),
        FormAccept => ("accept the form", "accept"),
        FormCancel => ("cancel", "cancel"),
        FormPick => ("pick: previous / next, Space toggles", "pick"),
        FormWord => ("delete the word before the cursor", "word"),
        FormClear => ("clear the field", "clear"),
        FormCursor => ("cursor left / right, start / end", "cursor"),
        ConfirmYes => ("yes", "yes"),
        ConfirmNo => ("no", "no"),
        QuitSave => ("save, then quit", "save"),
        QuitDiscard => ("quit without saving", "discard"),
        QuitCancel => ("keep working", "cancel"),
        KeepMine => ("keep my value", "mine"),
        KeepTheirs => ("keep their value", "theirs"),
        DontSave => ("do not save now", "cancel"),
        Recover => ("restore the kept edits", "restore"),
        Discard => ("discard the kept edits", "discard"),
        Print => ("report of this view to a file", "print"),
        ChoosePrint => ("report of this view, pick format", "print as"),
        Language => ("Bahasa Indonesia (switch language)", "bahasa"),
        PrintText => ("plain text", "text"),
        PrintMarkdown => ("Markdown", "Markdown"),
        PrintCsv => ("CSV", "CSV"),
        PrintJson => ("JSON", "JSON"),
        PrintXlsx => ("XLSX workbook (a sheet per table)", "XLSX"),
        StatusPick => ("set the highlighted status", "set"),
        StatusNumber => ("set the status of that number", "number"),
    }
}

fn id_keys(h: Help) -> (&'static str, &'static str) {
    use crate::tui::keymap::Help::*;
    match h {
        Quit => ("keluar", "keluar"),
        Help => ("bantuan ini", "bantuan"),
        Views => ("dasbor, dimensi, peta jalan, evaluasi", "tampilan"),
        NextView => ("tampilan berikut / sebelumnya", "tampilan"),
        Move => ("pindah", "pindah"),
        Page => ("halaman naik / turun", "halaman"),
        Ends => ("awal / akhir", "ujung"),
        Filter => ("saring: id, nama, OPD", "saring"),
        Back => ("kembali, atau hapus saringan", "kembali"),
        SwitchList => ("pindah antara kedua daftar", "daftar"),
        OpenProgram => ("buka program", "buka"),
        OpenRegion => ("buka dasbor daerah (hanya baca)", "buka daerah"),
        Open => ("buka", "buka"),
        Panes => ("pindah antar panel", "panel"),
        Years => ("geser tahun", "tahun"),
        CloseHelp => ("tutup bantuan", "tutup"),
        FilterKeep => ("simpan saringan", "simpan"),
        FilterClear => ("hapus saringan", "hapus"),
        FilterDelete => ("hapus satu karakter", "hapus"),
        Status => ("pilih status", "status"),
        Toggle => ("tahapan selesai / belum", "selesai"),
        MarkDone => ("tandai tahapan selesai", "selesai"),
        EndYear => ("tahun akhir lebih awal / lambat", "akhir"),
        StartYear => ("tahun mulai lebih awal / lambat", "mulai"),
        Add => ("tambah program, tahapan atau target", "tambah"),
        AddBudget => ("tambah tahun anggaran program", "anggaran"),
        EvaluationYear => ("tahun sebelum / sesudah", "tahun"),
        EditScore => ("isi penilaian mandiri aspek ini", "nilai"),
        AddEvidence => ("tambah dokumen bukti dukung program", "bukti"),
        Delete => ("hapus (ditanya dulu)", "hapus"),
        Reorder => ("geser turun / naik di daftar", "urutan"),
        Edit => ("ubah", "ubah"),
        EditHeader => ("ubah judul, wilayah dan periode rencana", "ubah rencana"),
        Undo => ("batalkan", "batal"),
        Redo => ("ulangi", "ulangi"),
        Save => ("simpan", "simpan"),
        Sync => ("sinkron dengan git", "sinkron"),
        FormNext => ("kolom berikut / sebelumnya", "kolom"),
        FormAccept => ("terima isian", "terima"),
        FormCancel => ("batal", "batal"),
        FormPick => ("pilih: sebelumnya / berikutnya, Spasi menandai", "pilih"),
        FormWord => ("hapus kata sebelum kursor", "kata"),
        FormClear => ("kosongkan kolom", "kosongkan"),
        FormCursor => ("kursor kiri / kanan, awal / akhir", "kursor"),
        ConfirmYes => ("ya", "ya"),
        ConfirmNo => ("tidak", "tidak"),
        QuitSave => ("simpan, lalu keluar", "simpan"),
        QuitDiscard => ("keluar tanpa menyimpan", "buang"),
        QuitCancel => ("lanjut bekerja", "batal"),
        KeepMine => ("pakai nilai saya", "saya"),
        KeepTheirs => ("pakai nilai mereka", "mereka"),
        DontSave => ("jangan simpan sekarang", "batal"),
        Recover => ("pulihkan perubahan", "pulihkan"),
        Discard => ("buang perubahan", "buang"),
        Print => ("laporan tampilan ini ke berkas", "cetak"),
        ChoosePrint => ("laporan tampilan ini, pilih format", "cetak sebagai"),
        Language => ("English (ganti bahasa)", "English"),
        PrintText => ("teks biasa", "teks"),
        PrintMarkdown => ("Markdown", "Markdown"),
        PrintCsv => ("CSV", "CSV"),
        PrintJson => ("JSON", "JSON"),
        PrintXlsx => ("buku kerja XLSX (satu lembar per tabel)", "XLSX"),
        StatusPick => ("pakai status yang disorot", "pakai"),
        StatusNumber => ("pakai status bernomor itu", "nomor"),
    }
}
