function __phasecert_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __phasecert_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __phasecert_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __phasecert_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __phasecert_parse_tokens -S
    set -l unparsed_tokens (__phasecert_tokens -pc)
    switch $unparsed_tokens[1]
    case 'phasecert'
        __phasecert_parse_subcommand 0 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'scan'
            __phasecert_parse_subcommand 0 'repo=' 'config=' 'quiet' 'verbose' 'at=' 'json' 'version' 'h/help'
        case 'report'
            __phasecert_parse_subcommand 0 'repo=' 'config=' 'quiet' 'verbose' 'phase=+' 'lang=' 'format=' 'out=' 'at=' 'version' 'h/help'
        case 'audit'
            __phasecert_parse_subcommand -r 1 'repo=' 'config=' 'quiet' 'verbose' 'phase=+' 'lang=' 'format=' 'out=' 'at=' 'json' 'all' 'version' 'h/help'
        case 'phase-close'
            __phasecert_parse_subcommand 1 'repo=' 'config=' 'quiet' 'verbose' 'all' 'tag' 'dry-run' 'ci' 'version' 'h/help'
        case 'check-names'
            __phasecert_parse_subcommand 0 'repo=' 'config=' 'quiet' 'verbose' 'fix' 'dry-run' 'ci' 'format=' 'version' 'h/help'
        case 'verify'
            __phasecert_parse_subcommand 1 'repo=' 'config=' 'quiet' 'verbose' 'version' 'h/help'
        case 'init'
            __phasecert_parse_subcommand 0 'repo=' 'config=' 'quiet' 'verbose' 'templates' 'force' 'version' 'h/help'
        case 'evidence'
            __phasecert_parse_subcommand -r 1 'repo=' 'config=' 'quiet' 'verbose' 'json' 'version' 'h/help'
        case 'help'
            __phasecert_parse_subcommand -r 1 'version'
        end
    end
end

function __phasecert_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __phasecert_parse_subcommand -S -a positional_count
    argparse -s r -- $argv
    set -l option_specs $argv[2..]
    set -l is_repeating_positional $_flag_r
    set -el _flag_r
    set -a commands $unparsed_tokens[1]
    set positional_index 0
    while true
        set -e unparsed_tokens[1]
        argparse -sn "$commands" $option_specs -- $unparsed_tokens 2> /dev/null
        set unparsed_tokens $argv
        set positional_index (math $positional_index + 1)
        for non_repeating_flag_or_option in $non_repeating_flags_or_options
            if set -ql "_flag_$(string replace -a - _ -- $non_repeating_flag_or_option)"
                set non_repeating_flags_or_options_absent 1
                break
            end
        end
        test (count $unparsed_tokens) -eq 0 -o \( -z "$is_repeating_positional" -a "$positional_index" -gt "$positional_count" \) && break
    end
end

function __phasecert_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __phasecert_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__phasecert_tokens -p)
    if test -z "$(__phasecert_tokens -t)"
        set -l index (count (__phasecert_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'phasecert' -f
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_flags_or_options "phasecert" version' -l 'version' -d 'Show the version.'
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_flags_or_options "phasecert" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_positional "phasecert" -eq 1' -fa 'scan' -d 'Show the phases and tasks phasecert finds in a repository.'
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_positional "phasecert" -eq 1' -fa 'report' -d 'Write the completion, audit and task reports of each phase.'
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_positional "phasecert" -eq 1' -fa 'audit' -d 'Check the figures written in the master list, task documents, reports and commit subjects.'
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_positional "phasecert" -eq 1' -fa 'phase-close' -d 'Close a phase: write all its reports and a history snapshot, and print the gate verdict.'
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_positional "phasecert" -eq 1' -fa 'check-names' -d 'Check task folder names against <ID>-<slug>; --fix renames them (git-aware).'
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_positional "phasecert" -eq 1' -fa 'verify' -d 'Say whether a phase\'s certification still holds for the repository as it is now.'
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_positional "phasecert" -eq 1' -fa 'init' -d 'Write a commented phasecert.yml with every default (and, with --templates, the report templates).'
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_positional "phasecert" -eq 1' -fa 'evidence' -d 'List the test results, coverage and Helm output phasecert finds, or read the files given.'
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_positional "phasecert" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_flags_or_options "phasecert scan" repo' -l 'repo' -d 'Repository to read (default: the repository around the current folder).' -rfka ''
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_flags_or_options "phasecert scan" config' -l 'config' -d 'Configuration file (default: phasecert.yml in the repository, if present).' -rfka ''
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_flags_or_options "phasecert scan" quiet' -l 'quiet' -d 'Print only results and errors.'
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_flags_or_options "phasecert scan" verbose' -l 'verbose' -d 'Also say which inputs were read.'
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_flags_or_options "phasecert scan" at' -l 'at' -d 'Read the repository as of this commit (id, tag, branch, HEAD~3), without checking it out.' -rfka ''
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_flags_or_options "phasecert scan" json' -l 'json' -d 'Print the phase model as JSON (schema/phase-model.schema.json).'
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_flags_or_options "phasecert scan" version' -l 'version' -d 'Show the version.'
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_flags_or_options "phasecert scan" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_flags_or_options "phasecert report" repo' -l 'repo' -d 'Repository to read (default: the repository around the current folder).' -rfka ''
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_flags_or_options "phasecert report" config' -l 'config' -d 'Configuration file (default: phasecert.yml in the repository, if present).' -rfka ''
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_flags_or_options "phasecert report" quiet' -l 'quiet' -d 'Print only results and errors.'
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_flags_or_options "phasecert report" verbose' -l 'verbose' -d 'Also say which inputs were read.'
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_flags_or_options "phasecert report"' -l 'phase' -d 'Only this phase (repeatable; default: every phase).' -rfka ''
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_flags_or_options "phasecert report" lang' -l 'lang' -d 'Languages, comma-separated: en, ru (default: the config\'s locales).' -rfka ''
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_flags_or_options "phasecert report" format' -l 'format' -d 'Formats, comma-separated: md, html, json, sarif, codequality, badge.' -rfka ''
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_flags_or_options "phasecert report" out' -l 'out' -d 'Folder to write into (default: the config\'s reports folder, in the repository).' -rfka ''
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_flags_or_options "phasecert report" at' -l 'at' -d 'Read the repository as of this commit (id, tag, branch, HEAD~3), without checking it out.' -rfka ''
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_flags_or_options "phasecert report" version' -l 'version' -d 'Show the version.'
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_flags_or_options "phasecert report" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_flags_or_options "phasecert audit" repo' -l 'repo' -d 'Repository to read (default: the repository around the current folder).' -rfka ''
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_flags_or_options "phasecert audit" config' -l 'config' -d 'Configuration file (default: phasecert.yml in the repository, if present).' -rfka ''
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_flags_or_options "phasecert audit" quiet' -l 'quiet' -d 'Print only results and errors.'
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_flags_or_options "phasecert audit" verbose' -l 'verbose' -d 'Also say which inputs were read.'
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_flags_or_options "phasecert audit"' -l 'phase' -d 'Only this phase (repeatable; default: every phase).' -rfka ''
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_flags_or_options "phasecert audit" lang' -l 'lang' -d 'Languages, comma-separated: en, ru (default: the config\'s locales).' -rfka ''
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_flags_or_options "phasecert audit" format' -l 'format' -d 'Formats, comma-separated: md, html, json, sarif, codequality, badge.' -rfka ''
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_flags_or_options "phasecert audit" out' -l 'out' -d 'Folder to write into (default: the config\'s reports folder, in the repository).' -rfka ''
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_flags_or_options "phasecert audit" at' -l 'at' -d 'Read the repository as of this commit (id, tag, branch, HEAD~3), without checking it out.' -rfka ''
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_flags_or_options "phasecert audit" json' -l 'json' -d 'Print the assessed phase model as JSON, claims and findings included.'
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_flags_or_options "phasecert audit" all' -l 'all' -d 'List every claim, not only contradicted and inconsistent ones.'
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_flags_or_options "phasecert audit" version' -l 'version' -d 'Show the version.'
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_flags_or_options "phasecert audit" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_flags_or_options "phasecert phase-close" repo' -l 'repo' -d 'Repository to read (default: the repository around the current folder).' -rfka ''
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_flags_or_options "phasecert phase-close" config' -l 'config' -d 'Configuration file (default: phasecert.yml in the repository, if present).' -rfka ''
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_flags_or_options "phasecert phase-close" quiet' -l 'quiet' -d 'Print only results and errors.'
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_flags_or_options "phasecert phase-close" verbose' -l 'verbose' -d 'Also say which inputs were read.'
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_flags_or_options "phasecert phase-close" all' -l 'all' -d 'Close every phase and write index.html.'
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_flags_or_options "phasecert phase-close" tag' -l 'tag' -d 'Create the annotated tag phase-<id>-certified on HEAD when the gate passes.'
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_flags_or_options "phasecert phase-close" dry-run' -l 'dry-run' -d 'Print the verdict and write nothing.'
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_flags_or_options "phasecert phase-close" ci' -l 'ci' -d 'Add CI output: GitHub Actions annotations and step summary, or GitLab CI log sections (also when CI=true).'
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_flags_or_options "phasecert phase-close" version' -l 'version' -d 'Show the version.'
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_flags_or_options "phasecert phase-close" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_flags_or_options "phasecert check-names" repo' -l 'repo' -d 'Repository to read (default: the repository around the current folder).' -rfka ''
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_flags_or_options "phasecert check-names" config' -l 'config' -d 'Configuration file (default: phasecert.yml in the repository, if present).' -rfka ''
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_flags_or_options "phasecert check-names" quiet' -l 'quiet' -d 'Print only results and errors.'
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_flags_or_options "phasecert check-names" verbose' -l 'verbose' -d 'Also say which inputs were read.'
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_flags_or_options "phasecert check-names" fix' -l 'fix' -d 'Rename folders whose canonical name follows from their name, and rewrite links to them.'
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_flags_or_options "phasecert check-names" dry-run' -l 'dry-run' -d 'With --fix: print the plan, change nothing.'
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_flags_or_options "phasecert check-names" ci' -l 'ci' -d 'Add CI output: a GitHub Actions annotation per violation, or a GitLab CI log section (also when CI=true).'
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_flags_or_options "phasecert check-names" format' -l 'format' -d 'Output format: text, json, sarif or codequality.' -rfka 'text json sarif codequality'
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_flags_or_options "phasecert check-names" version' -l 'version' -d 'Show the version.'
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_flags_or_options "phasecert check-names" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_flags_or_options "phasecert verify" repo' -l 'repo' -d 'Repository to read (default: the repository around the current folder).' -rfka ''
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_flags_or_options "phasecert verify" config' -l 'config' -d 'Configuration file (default: phasecert.yml in the repository, if present).' -rfka ''
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_flags_or_options "phasecert verify" quiet' -l 'quiet' -d 'Print only results and errors.'
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_flags_or_options "phasecert verify" verbose' -l 'verbose' -d 'Also say which inputs were read.'
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_flags_or_options "phasecert verify" version' -l 'version' -d 'Show the version.'
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_flags_or_options "phasecert verify" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_flags_or_options "phasecert init" repo' -l 'repo' -d 'Repository to read (default: the repository around the current folder).' -rfka ''
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_flags_or_options "phasecert init" config' -l 'config' -d 'Configuration file (default: phasecert.yml in the repository, if present).' -rfka ''
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_flags_or_options "phasecert init" quiet' -l 'quiet' -d 'Print only results and errors.'
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_flags_or_options "phasecert init" verbose' -l 'verbose' -d 'Also say which inputs were read.'
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_flags_or_options "phasecert init" templates' -l 'templates' -d 'Also copy the built-in report templates into templates/.'
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_flags_or_options "phasecert init" force' -l 'force' -d 'Replace files that already exist.'
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_flags_or_options "phasecert init" version' -l 'version' -d 'Show the version.'
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_flags_or_options "phasecert init" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_flags_or_options "phasecert evidence" repo' -l 'repo' -d 'Repository to read (default: the repository around the current folder).' -rfka ''
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_flags_or_options "phasecert evidence" config' -l 'config' -d 'Configuration file (default: phasecert.yml in the repository, if present).' -rfka ''
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_flags_or_options "phasecert evidence" quiet' -l 'quiet' -d 'Print only results and errors.'
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_flags_or_options "phasecert evidence" verbose' -l 'verbose' -d 'Also say which inputs were read.'
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_flags_or_options "phasecert evidence" json' -l 'json' -d 'Print the records as JSON.'
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_flags_or_options "phasecert evidence" version' -l 'version' -d 'Show the version.'
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_flags_or_options "phasecert evidence" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'phasecert' -n '__phasecert_should_offer_completions_for_flags_or_options "phasecert help" version' -l 'version' -d 'Show the version.'
