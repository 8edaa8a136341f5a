# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_pantau_global_optspecs
    string join \n lang= today= ascii officer= demo h/help V/version
end

function __fish_pantau_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_pantau_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_pantau_using_subcommand
    set -l cmd (__fish_pantau_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c pantau -n "__fish_pantau_needs_command" -l lang -d 'Interface language (default: Indonesian when LC_ALL/LC_MESSAGES/LANG starts with "id", then `lang` in the configuration file, else English)' -r -f -a "id\t'Bahasa Indonesia'
en\t'English'"
complete -c pantau -n "__fish_pantau_needs_command" -l today -d 'Take this date as today, for reproducible printouts and tests' -r
complete -c pantau -n "__fish_pantau_needs_command" -l officer -d 'Your name in the audit log, beside your login (for an office that shares one login; also PANTAU_OFFICER or `officer` in the configuration file)' -r
complete -c pantau -n "__fish_pantau_needs_command" -l ascii -d 'Only ASCII characters: no box drawing, arrows or ellipses'
complete -c pantau -n "__fish_pantau_needs_command" -l demo -d 'Work on a private copy of the bundled example, removed when pantau ends (nothing is written anywhere else)'
complete -c pantau -n "__fish_pantau_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c pantau -n "__fish_pantau_needs_command" -s V -l version -d 'Print version'
complete -c pantau -n "__fish_pantau_needs_command" -a "check" -d 'Check a plan file and list every problem in it'
complete -c pantau -n "__fish_pantau_needs_command" -a "summary" -d 'Print a plain-text status summary for printing'
complete -c pantau -n "__fish_pantau_needs_command" -a "set" -d 'Change fields of one program from a script: pantau set GOV-01 status=Done'
complete -c pantau -n "__fish_pantau_needs_command" -a "log" -d 'Who changed what, newest first, from the audit log beside the plan'
complete -c pantau -n "__fish_pantau_needs_command" -a "report" -d 'Print a report as text, Markdown, CSV, JSON or printable HTML (A4/F4, letterhead, signature)'
complete -c pantau -n "__fish_pantau_needs_command" -a "doctor" -d 'Check a plan\'s folder and the files beside it for shared use: what is unsafe, and the fix'
complete -c pantau -n "__fish_pantau_needs_command" -a "completions" -d 'Print shell completions: pantau completions bash > /etc/bash_completion.d/pantau'
complete -c pantau -n "__fish_pantau_needs_command" -a "help" -d 'Help on a command, or on the data format: pantau help format'
complete -c pantau -n "__fish_pantau_needs_command" -a "merge-driver" -d 'Git\'s merge driver for plans: pantau git setup registers it'
complete -c pantau -n "__fish_pantau_needs_command" -a "git" -d 'Use git to share the plan: `pantau git setup` registers the merge driver'
complete -c pantau -n "__fish_pantau_needs_command" -a "sync" -d 'Commit this office\'s saved changes, merge what the remote has, send ours'
complete -c pantau -n "__fish_pantau_needs_command" -a "rollup" -d 'Many regions\' plans side by side, for a province: every plan found in the folders (recursively) and files given, loaded on all cores'
complete -c pantau -n "__fish_pantau_needs_command" -a "config" -d 'Print the settings in effect (plan, language, officer, theme, keys) and where each comes from: a flag, the environment, the configuration file or the default'
complete -c pantau -n "__fish_pantau_needs_command" -a "import" -d 'Read programmes, milestones and targets from a spreadsheet (XLSX, XLS, ODS or CSV laid out as pantau\'s export): pantau help import'
complete -c pantau -n "__fish_pantau_needs_command" -a "init" -d 'Write the bundled Luwu Utara example plan to a new file'
complete -c pantau -n "__fish_pantau_using_subcommand check" -s f -l file -d 'The masterplan file, as an option' -r -F
complete -c pantau -n "__fish_pantau_using_subcommand check" -l lang -d 'Interface language (default: Indonesian when LC_ALL/LC_MESSAGES/LANG starts with "id", then `lang` in the configuration file, else English)' -r -f -a "id\t'Bahasa Indonesia'
en\t'English'"
complete -c pantau -n "__fish_pantau_using_subcommand check" -l today -d 'Take this date as today, for reproducible printouts and tests' -r
complete -c pantau -n "__fish_pantau_using_subcommand check" -l officer -d 'Your name in the audit log, beside your login (for an office that shares one login; also PANTAU_OFFICER or `officer` in the configuration file)' -r
complete -c pantau -n "__fish_pantau_using_subcommand check" -l ascii -d 'Only ASCII characters: no box drawing, arrows or ellipses'
complete -c pantau -n "__fish_pantau_using_subcommand check" -l demo -d 'Work on a private copy of the bundled example, removed when pantau ends (nothing is written anywhere else)'
complete -c pantau -n "__fish_pantau_using_subcommand check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c pantau -n "__fish_pantau_using_subcommand summary" -s f -l file -d 'The masterplan file, as an option' -r -F
complete -c pantau -n "__fish_pantau_using_subcommand summary" -l dimension -d 'Only this dimension (its id, e.g. governance)' -r
complete -c pantau -n "__fish_pantau_using_subcommand summary" -l width -d 'Never print wider than this many columns (40 to 1000)' -r
complete -c pantau -n "__fish_pantau_using_subcommand summary" -l days -d 'How many days ahead "due soon" looks' -r
complete -c pantau -n "__fish_pantau_using_subcommand summary" -l lang -d 'Interface language (default: Indonesian when LC_ALL/LC_MESSAGES/LANG starts with "id", then `lang` in the configuration file, else English)' -r -f -a "id\t'Bahasa Indonesia'
en\t'English'"
complete -c pantau -n "__fish_pantau_using_subcommand summary" -l today -d 'Take this date as today, for reproducible printouts and tests' -r
complete -c pantau -n "__fish_pantau_using_subcommand summary" -l officer -d 'Your name in the audit log, beside your login (for an office that shares one login; also PANTAU_OFFICER or `officer` in the configuration file)' -r
complete -c pantau -n "__fish_pantau_using_subcommand summary" -l ascii -d 'Only ASCII characters: no box drawing, arrows or ellipses'
complete -c pantau -n "__fish_pantau_using_subcommand summary" -l demo -d 'Work on a private copy of the bundled example, removed when pantau ends (nothing is written anywhere else)'
complete -c pantau -n "__fish_pantau_using_subcommand summary" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c pantau -n "__fish_pantau_using_subcommand set" -s f -l file -d 'The masterplan file (default as for the other commands); also as the first argument, before the id: pantau set plan.ron GOV-01 status=Done' -r -F
complete -c pantau -n "__fish_pantau_using_subcommand set" -l lang -d 'Interface language (default: Indonesian when LC_ALL/LC_MESSAGES/LANG starts with "id", then `lang` in the configuration file, else English)' -r -f -a "id\t'Bahasa Indonesia'
en\t'English'"
complete -c pantau -n "__fish_pantau_using_subcommand set" -l today -d 'Take this date as today, for reproducible printouts and tests' -r
complete -c pantau -n "__fish_pantau_using_subcommand set" -l officer -d 'Your name in the audit log, beside your login (for an office that shares one login; also PANTAU_OFFICER or `officer` in the configuration file)' -r
complete -c pantau -n "__fish_pantau_using_subcommand set" -l ascii -d 'Only ASCII characters: no box drawing, arrows or ellipses'
complete -c pantau -n "__fish_pantau_using_subcommand set" -l demo -d 'Work on a private copy of the bundled example, removed when pantau ends (nothing is written anywhere else)'
complete -c pantau -n "__fish_pantau_using_subcommand set" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c pantau -n "__fish_pantau_using_subcommand log" -s f -l file -d 'The masterplan file, as an option' -r -F
complete -c pantau -n "__fish_pantau_using_subcommand log" -l program -d 'Only changes to this program' -r
complete -c pantau -n "__fish_pantau_using_subcommand log" -l since -d 'Only changes on or after this date' -r
complete -c pantau -n "__fish_pantau_using_subcommand log" -l lang -d 'Interface language (default: Indonesian when LC_ALL/LC_MESSAGES/LANG starts with "id", then `lang` in the configuration file, else English)' -r -f -a "id\t'Bahasa Indonesia'
en\t'English'"
complete -c pantau -n "__fish_pantau_using_subcommand log" -l today -d 'Take this date as today, for reproducible printouts and tests' -r
complete -c pantau -n "__fish_pantau_using_subcommand log" -l officer -d 'Your name in the audit log, beside your login (for an office that shares one login; also PANTAU_OFFICER or `officer` in the configuration file)' -r
complete -c pantau -n "__fish_pantau_using_subcommand log" -l ascii -d 'Only ASCII characters: no box drawing, arrows or ellipses'
complete -c pantau -n "__fish_pantau_using_subcommand log" -l demo -d 'Work on a private copy of the bundled example, removed when pantau ends (nothing is written anywhere else)'
complete -c pantau -n "__fish_pantau_using_subcommand log" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c pantau -n "__fish_pantau_using_subcommand report" -s f -l file -d 'The masterplan file, as an option' -r -F
complete -c pantau -n "__fish_pantau_using_subcommand report" -l kind -d 'What to report' -r -f -a "overview\t''
dimension\t''
program\t''
timeline\t''
overdue\t''
upcoming\t''
targets\t''
evaluation\t'The yearly evaluation: aspects, estimated index, evidence, budget'
quarter\t'The quarterly monitoring table (with --year and --quarter or --month)'
alignment\t'The alignment matrix: masterplan, RPJMD, Renstra, sub-activities'
followups\t'Follow-ups (tindak lanjut): what, source, PIC, agency, deadline, status, days late'"
complete -c pantau -n "__fish_pantau_using_subcommand report" -l format -d 'How to write it' -r -f -a "text\t''
markdown\t''
csv\t''
json\t''
html\t''
xlsx\t'A workbook, a sheet per table (the overview: every part of the plan, as `pantau import` reads it back); needs --output or a redirect'
whatsapp\t'A message for a WhatsApp group: *bold* headings, a line per row, no tables; cut to what a phone shows before "Read more"'"
complete -c pantau -n "__fish_pantau_using_subcommand report" -l dimension -d 'Only this dimension (its id, e.g. governance)' -r
complete -c pantau -n "__fish_pantau_using_subcommand report" -l program -d 'The program for --kind program (its id, e.g. GOV-01)' -r
complete -c pantau -n "__fish_pantau_using_subcommand report" -l status -d 'Only programs with this status' -r
complete -c pantau -n "__fish_pantau_using_subcommand report" -l horizon -d 'Only programs with this horizon' -r
complete -c pantau -n "__fish_pantau_using_subcommand report" -l for -d 'Follow-ups: only those of this agency (--agency is the letterhead\'s)' -r
complete -c pantau -n "__fish_pantau_using_subcommand report" -l width -d 'Text: never wider than this many columns (40 to 1000)' -r
complete -c pantau -n "__fish_pantau_using_subcommand report" -l pages -d 'Text: a page break (form feed) and the header again every N lines' -r
complete -c pantau -n "__fish_pantau_using_subcommand report" -l days -d 'Upcoming: how many days ahead' -r
complete -c pantau -n "__fish_pantau_using_subcommand report" -l year -d 'The year evaluated, and the fiscal year of physical progress and absorption (default: this year)' -r
complete -c pantau -n "__fish_pantau_using_subcommand report" -l quarter -d 'The quarterly report\'s quarter, 1-4 (default: the last ended)' -r
complete -c pantau -n "__fish_pantau_using_subcommand report" -l month -d 'The quarterly report for a month instead, 1-12' -r
complete -c pantau -n "__fish_pantau_using_subcommand report" -l sep -d 'CSV: the separator (default `;` with a decimal comma where figures are written the Indonesian way, as a spreadsheet in that locale reads them, else `,`)' -r
complete -c pantau -n "__fish_pantau_using_subcommand report" -s o -l output -d 'Write to this file (atomically) instead of standard output' -r -F
complete -c pantau -n "__fish_pantau_using_subcommand report" -l paper -d 'The paper to lay the report out for (F4 is folio, 215×330 mm)' -r -f -a "a4\t''
f4\t''"
complete -c pantau -n "__fish_pantau_using_subcommand report" -l agency -d 'The agency on the letterhead, under the region, e.g. "Dinas Komunikasi, Informatika dan Persandian"' -r
complete -c pantau -n "__fish_pantau_using_subcommand report" -l address -d 'The letterhead\'s address line' -r
complete -c pantau -n "__fish_pantau_using_subcommand report" -l logo -d 'A logo for the letterhead, embedded in the file (.png, .jpg, .jpeg or .svg)' -r -F
complete -c pantau -n "__fish_pantau_using_subcommand report" -l place -d 'Where the report is signed, before the date, e.g. Masamba' -r
complete -c pantau -n "__fish_pantau_using_subcommand report" -l signer-name -d 'The signer\'s name, under the room for the signature' -r
complete -c pantau -n "__fish_pantau_using_subcommand report" -l signer-position -d 'The signer\'s position, above the signature, e.g. "Kepala Dinas"' -r
complete -c pantau -n "__fish_pantau_using_subcommand report" -l signer-nip -d 'The signer\'s NIP (civil-servant number), under the name' -r
complete -c pantau -n "__fish_pantau_using_subcommand report" -l date -d 'The date above the signature (default: today, or --today)' -r
complete -c pantau -n "__fish_pantau_using_subcommand report" -l lang -d 'Interface language (default: Indonesian when LC_ALL/LC_MESSAGES/LANG starts with "id", then `lang` in the configuration file, else English)' -r -f -a "id\t'Bahasa Indonesia'
en\t'English'"
complete -c pantau -n "__fish_pantau_using_subcommand report" -l today -d 'Take this date as today, for reproducible printouts and tests' -r
complete -c pantau -n "__fish_pantau_using_subcommand report" -l officer -d 'Your name in the audit log, beside your login (for an office that shares one login; also PANTAU_OFFICER or `officer` in the configuration file)' -r
complete -c pantau -n "__fish_pantau_using_subcommand report" -l force -d 'With --output: replace the file if it is there (only a regular file of yours)'
complete -c pantau -n "__fish_pantau_using_subcommand report" -l ascii -d 'Only ASCII characters: no box drawing, arrows or ellipses'
complete -c pantau -n "__fish_pantau_using_subcommand report" -l demo -d 'Work on a private copy of the bundled example, removed when pantau ends (nothing is written anywhere else)'
complete -c pantau -n "__fish_pantau_using_subcommand report" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c pantau -n "__fish_pantau_using_subcommand doctor" -s f -l file -d 'The masterplan file, as an option' -r -F
complete -c pantau -n "__fish_pantau_using_subcommand doctor" -l lang -d 'Interface language (default: Indonesian when LC_ALL/LC_MESSAGES/LANG starts with "id", then `lang` in the configuration file, else English)' -r -f -a "id\t'Bahasa Indonesia'
en\t'English'"
complete -c pantau -n "__fish_pantau_using_subcommand doctor" -l today -d 'Take this date as today, for reproducible printouts and tests' -r
complete -c pantau -n "__fish_pantau_using_subcommand doctor" -l officer -d 'Your name in the audit log, beside your login (for an office that shares one login; also PANTAU_OFFICER or `officer` in the configuration file)' -r
complete -c pantau -n "__fish_pantau_using_subcommand doctor" -l ascii -d 'Only ASCII characters: no box drawing, arrows or ellipses'
complete -c pantau -n "__fish_pantau_using_subcommand doctor" -l demo -d 'Work on a private copy of the bundled example, removed when pantau ends (nothing is written anywhere else)'
complete -c pantau -n "__fish_pantau_using_subcommand doctor" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c pantau -n "__fish_pantau_using_subcommand completions" -l lang -d 'Interface language (default: Indonesian when LC_ALL/LC_MESSAGES/LANG starts with "id", then `lang` in the configuration file, else English)' -r -f -a "id\t'Bahasa Indonesia'
en\t'English'"
complete -c pantau -n "__fish_pantau_using_subcommand completions" -l today -d 'Take this date as today, for reproducible printouts and tests' -r
complete -c pantau -n "__fish_pantau_using_subcommand completions" -l officer -d 'Your name in the audit log, beside your login (for an office that shares one login; also PANTAU_OFFICER or `officer` in the configuration file)' -r
complete -c pantau -n "__fish_pantau_using_subcommand completions" -l ascii -d 'Only ASCII characters: no box drawing, arrows or ellipses'
complete -c pantau -n "__fish_pantau_using_subcommand completions" -l demo -d 'Work on a private copy of the bundled example, removed when pantau ends (nothing is written anywhere else)'
complete -c pantau -n "__fish_pantau_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c pantau -n "__fish_pantau_using_subcommand help" -l lang -d 'Interface language (default: Indonesian when LC_ALL/LC_MESSAGES/LANG starts with "id", then `lang` in the configuration file, else English)' -r -f -a "id\t'Bahasa Indonesia'
en\t'English'"
complete -c pantau -n "__fish_pantau_using_subcommand help" -l today -d 'Take this date as today, for reproducible printouts and tests' -r
complete -c pantau -n "__fish_pantau_using_subcommand help" -l officer -d 'Your name in the audit log, beside your login (for an office that shares one login; also PANTAU_OFFICER or `officer` in the configuration file)' -r
complete -c pantau -n "__fish_pantau_using_subcommand help" -l ascii -d 'Only ASCII characters: no box drawing, arrows or ellipses'
complete -c pantau -n "__fish_pantau_using_subcommand help" -l demo -d 'Work on a private copy of the bundled example, removed when pantau ends (nothing is written anywhere else)'
complete -c pantau -n "__fish_pantau_using_subcommand help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c pantau -n "__fish_pantau_using_subcommand merge-driver" -l lang -d 'Interface language (default: Indonesian when LC_ALL/LC_MESSAGES/LANG starts with "id", then `lang` in the configuration file, else English)' -r -f -a "id\t'Bahasa Indonesia'
en\t'English'"
complete -c pantau -n "__fish_pantau_using_subcommand merge-driver" -l today -d 'Take this date as today, for reproducible printouts and tests' -r
complete -c pantau -n "__fish_pantau_using_subcommand merge-driver" -l officer -d 'Your name in the audit log, beside your login (for an office that shares one login; also PANTAU_OFFICER or `officer` in the configuration file)' -r
complete -c pantau -n "__fish_pantau_using_subcommand merge-driver" -l ascii -d 'Only ASCII characters: no box drawing, arrows or ellipses'
complete -c pantau -n "__fish_pantau_using_subcommand merge-driver" -l demo -d 'Work on a private copy of the bundled example, removed when pantau ends (nothing is written anywhere else)'
complete -c pantau -n "__fish_pantau_using_subcommand merge-driver" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c pantau -n "__fish_pantau_using_subcommand git; and not __fish_seen_subcommand_from setup" -l lang -d 'Interface language (default: Indonesian when LC_ALL/LC_MESSAGES/LANG starts with "id", then `lang` in the configuration file, else English)' -r -f -a "id\t'Bahasa Indonesia'
en\t'English'"
complete -c pantau -n "__fish_pantau_using_subcommand git; and not __fish_seen_subcommand_from setup" -l today -d 'Take this date as today, for reproducible printouts and tests' -r
complete -c pantau -n "__fish_pantau_using_subcommand git; and not __fish_seen_subcommand_from setup" -l officer -d 'Your name in the audit log, beside your login (for an office that shares one login; also PANTAU_OFFICER or `officer` in the configuration file)' -r
complete -c pantau -n "__fish_pantau_using_subcommand git; and not __fish_seen_subcommand_from setup" -l ascii -d 'Only ASCII characters: no box drawing, arrows or ellipses'
complete -c pantau -n "__fish_pantau_using_subcommand git; and not __fish_seen_subcommand_from setup" -l demo -d 'Work on a private copy of the bundled example, removed when pantau ends (nothing is written anywhere else)'
complete -c pantau -n "__fish_pantau_using_subcommand git; and not __fish_seen_subcommand_from setup" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c pantau -n "__fish_pantau_using_subcommand git; and not __fish_seen_subcommand_from setup" -f -a "setup" -d 'Register pantau\'s merge driver for the plan in its git repository (.gitattributes and the repository\'s config); running it again changes nothing'
complete -c pantau -n "__fish_pantau_using_subcommand git; and __fish_seen_subcommand_from setup" -s f -l file -d 'The masterplan file, as an option' -r -F
complete -c pantau -n "__fish_pantau_using_subcommand git; and __fish_seen_subcommand_from setup" -l lang -d 'Interface language (default: Indonesian when LC_ALL/LC_MESSAGES/LANG starts with "id", then `lang` in the configuration file, else English)' -r -f -a "id\t'Bahasa Indonesia'
en\t'English'"
complete -c pantau -n "__fish_pantau_using_subcommand git; and __fish_seen_subcommand_from setup" -l today -d 'Take this date as today, for reproducible printouts and tests' -r
complete -c pantau -n "__fish_pantau_using_subcommand git; and __fish_seen_subcommand_from setup" -l officer -d 'Your name in the audit log, beside your login (for an office that shares one login; also PANTAU_OFFICER or `officer` in the configuration file)' -r
complete -c pantau -n "__fish_pantau_using_subcommand git; and __fish_seen_subcommand_from setup" -l ascii -d 'Only ASCII characters: no box drawing, arrows or ellipses'
complete -c pantau -n "__fish_pantau_using_subcommand git; and __fish_seen_subcommand_from setup" -l demo -d 'Work on a private copy of the bundled example, removed when pantau ends (nothing is written anywhere else)'
complete -c pantau -n "__fish_pantau_using_subcommand git; and __fish_seen_subcommand_from setup" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c pantau -n "__fish_pantau_using_subcommand sync" -s f -l file -d 'The masterplan file, as an option' -r -F
complete -c pantau -n "__fish_pantau_using_subcommand sync" -l bundle -d 'Without a link: read this git bundle if it exists, then write ours to it' -r -F
complete -c pantau -n "__fish_pantau_using_subcommand sync" -l lang -d 'Interface language (default: Indonesian when LC_ALL/LC_MESSAGES/LANG starts with "id", then `lang` in the configuration file, else English)' -r -f -a "id\t'Bahasa Indonesia'
en\t'English'"
complete -c pantau -n "__fish_pantau_using_subcommand sync" -l today -d 'Take this date as today, for reproducible printouts and tests' -r
complete -c pantau -n "__fish_pantau_using_subcommand sync" -l officer -d 'Your name in the audit log, beside your login (for an office that shares one login; also PANTAU_OFFICER or `officer` in the configuration file)' -r
complete -c pantau -n "__fish_pantau_using_subcommand sync" -l ascii -d 'Only ASCII characters: no box drawing, arrows or ellipses'
complete -c pantau -n "__fish_pantau_using_subcommand sync" -l demo -d 'Work on a private copy of the bundled example, removed when pantau ends (nothing is written anywhere else)'
complete -c pantau -n "__fish_pantau_using_subcommand sync" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c pantau -n "__fish_pantau_using_subcommand rollup" -l format -r -f -a "text\t''
markdown\t''
csv\t''
json\t''
html\t''"
complete -c pantau -n "__fish_pantau_using_subcommand rollup" -l section -d 'Only this part: the regions\' table, the overdue milestones across regions, the regions behind on quick wins, or the plans that did not load (CSV gives one table: the regions unless asked)' -r -f -a "regions\t''
overdue\t''
behind\t''
failed\t''"
complete -c pantau -n "__fish_pantau_using_subcommand rollup" -l width -d 'Never print wider than this many columns (40 to 1000), for text' -r
complete -c pantau -n "__fish_pantau_using_subcommand rollup" -l lang -d 'Interface language (default: Indonesian when LC_ALL/LC_MESSAGES/LANG starts with "id", then `lang` in the configuration file, else English)' -r -f -a "id\t'Bahasa Indonesia'
en\t'English'"
complete -c pantau -n "__fish_pantau_using_subcommand rollup" -l today -d 'Take this date as today, for reproducible printouts and tests' -r
complete -c pantau -n "__fish_pantau_using_subcommand rollup" -l officer -d 'Your name in the audit log, beside your login (for an office that shares one login; also PANTAU_OFFICER or `officer` in the configuration file)' -r
complete -c pantau -n "__fish_pantau_using_subcommand rollup" -l ascii -d 'Only ASCII characters: no box drawing, arrows or ellipses'
complete -c pantau -n "__fish_pantau_using_subcommand rollup" -l demo -d 'Work on a private copy of the bundled example, removed when pantau ends (nothing is written anywhere else)'
complete -c pantau -n "__fish_pantau_using_subcommand rollup" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c pantau -n "__fish_pantau_using_subcommand config" -l lang -d 'Interface language (default: Indonesian when LC_ALL/LC_MESSAGES/LANG starts with "id", then `lang` in the configuration file, else English)' -r -f -a "id\t'Bahasa Indonesia'
en\t'English'"
complete -c pantau -n "__fish_pantau_using_subcommand config" -l today -d 'Take this date as today, for reproducible printouts and tests' -r
complete -c pantau -n "__fish_pantau_using_subcommand config" -l officer -d 'Your name in the audit log, beside your login (for an office that shares one login; also PANTAU_OFFICER or `officer` in the configuration file)' -r
complete -c pantau -n "__fish_pantau_using_subcommand config" -l ascii -d 'Only ASCII characters: no box drawing, arrows or ellipses'
complete -c pantau -n "__fish_pantau_using_subcommand config" -l demo -d 'Work on a private copy of the bundled example, removed when pantau ends (nothing is written anywhere else)'
complete -c pantau -n "__fish_pantau_using_subcommand config" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c pantau -n "__fish_pantau_using_subcommand import" -s f -l into -l file -d 'The plan to import into, saved as an edit (lock, merge, audit log); without it a new plan is written to --output or standard output' -r -F
complete -c pantau -n "__fish_pantau_using_subcommand import" -s o -l output -d 'Without --into: the new plan\'s file (never overwritten)' -r -F
complete -c pantau -n "__fish_pantau_using_subcommand import" -l lang -d 'Interface language (default: Indonesian when LC_ALL/LC_MESSAGES/LANG starts with "id", then `lang` in the configuration file, else English)' -r -f -a "id\t'Bahasa Indonesia'
en\t'English'"
complete -c pantau -n "__fish_pantau_using_subcommand import" -l today -d 'Take this date as today, for reproducible printouts and tests' -r
complete -c pantau -n "__fish_pantau_using_subcommand import" -l officer -d 'Your name in the audit log, beside your login (for an office that shares one login; also PANTAU_OFFICER or `officer` in the configuration file)' -r
complete -c pantau -n "__fish_pantau_using_subcommand import" -l dry-run -d 'Check everything and say what would change, writing nothing'
complete -c pantau -n "__fish_pantau_using_subcommand import" -l ascii -d 'Only ASCII characters: no box drawing, arrows or ellipses'
complete -c pantau -n "__fish_pantau_using_subcommand import" -l demo -d 'Work on a private copy of the bundled example, removed when pantau ends (nothing is written anywhere else)'
complete -c pantau -n "__fish_pantau_using_subcommand import" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c pantau -n "__fish_pantau_using_subcommand init" -s f -l file -d 'The masterplan file, as an option' -r -F
complete -c pantau -n "__fish_pantau_using_subcommand init" -l lang -d 'Interface language (default: Indonesian when LC_ALL/LC_MESSAGES/LANG starts with "id", then `lang` in the configuration file, else English)' -r -f -a "id\t'Bahasa Indonesia'
en\t'English'"
complete -c pantau -n "__fish_pantau_using_subcommand init" -l today -d 'Take this date as today, for reproducible printouts and tests' -r
complete -c pantau -n "__fish_pantau_using_subcommand init" -l officer -d 'Your name in the audit log, beside your login (for an office that shares one login; also PANTAU_OFFICER or `officer` in the configuration file)' -r
complete -c pantau -n "__fish_pantau_using_subcommand init" -l ascii -d 'Only ASCII characters: no box drawing, arrows or ellipses'
complete -c pantau -n "__fish_pantau_using_subcommand init" -l demo -d 'Work on a private copy of the bundled example, removed when pantau ends (nothing is written anywhere else)'
complete -c pantau -n "__fish_pantau_using_subcommand init" -s h -l help -d 'Print help (see more with \'--help\')'
