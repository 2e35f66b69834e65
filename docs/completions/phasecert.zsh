#compdef phasecert

__phasecert_complete() {
    local -ar non_empty_completions=("${@:#(|:*)}")
    local -ar empty_completions=("${(M)@:#(|:*)}")
    _describe -V '' non_empty_completions -- empty_completions -P $'\'\''
}

__phasecert_custom_complete() {
    local -a completions
    completions=("${(@f)"$("${command_name}" "${@}" "${command_line[@]}")"}")
    if [[ "${#completions[@]}" -gt 1 ]]; then
        __phasecert_complete "${completions[@]:0:-1}"
    fi
}

__phasecert_cursor_index_in_current_word() {
    if [[ -z "${QIPREFIX}${IPREFIX}${PREFIX}" ]]; then
        printf 0
    else
        printf %s "${#${(z)LBUFFER}[-1]}"
    fi
}

_phasecert() {
    emulate -RL zsh -G
    setopt extendedglob nullglob numericglobsort
    unsetopt aliases banghist

    local -xr SAP_SHELL=zsh
    local -x SAP_SHELL_VERSION
    SAP_SHELL_VERSION="$(builtin emulate zsh -c 'printf %s "${ZSH_VERSION}"')"
    local -r SAP_SHELL_VERSION

    local context state state_descr line
    local -A opt_args

    local -r command_name="${words[1]}"
    local -ar command_line=("${words[@]}")
    local -ir current_word_index="$((CURRENT - 1))"

    local -i ret=1
    local -ar arg_specs=(
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
        '(-): :->command'
        '(-)*:: :->arg'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0
    case "${state}" in
    command)
        local -ar subcommands=(
            'scan:Show the phases and tasks phasecert finds in a repository.'
            'report:Write the completion, audit and task reports of each phase.'
            'audit:Check the figures written in the master list, task documents, reports and commit subjects.'
            'phase-close:Close a phase: write all its reports and a history snapshot, and print the gate verdict.'
            'check-names:Check task folder names against <ID>-<slug>; --fix renames them (git-aware).'
            'verify:Say whether a phase'\''s certification still holds for the repository as it is now.'
            'init:Write a commented phasecert.yml with every default (and, with --templates, the report templates).'
            'evidence:List the test results, coverage and Helm output phasecert finds, or read the files given.'
            'help:Show subcommand help information.'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        scan|report|audit|phase-close|check-names|verify|init|evidence|help)
            "_phasecert_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_phasecert_scan() {
    local -i ret=1
    local -ar arg_specs=(
        '--repo[Repository to read (default\: the repository around the current folder).]:dir:'
        '--config[Configuration file (default\: phasecert.yml in the repository, if present).]:file:'
        '--quiet[Print only results and errors.]'
        '--verbose[Also say which inputs were read.]'
        '--at[Read the repository as of this commit (id, tag, branch, HEAD~3), without checking it out.]:rev:'
        '--json[Print the phase model as JSON (schema/phase-model.schema.json).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_phasecert_report() {
    local -i ret=1
    local -ar arg_specs=(
        '--repo[Repository to read (default\: the repository around the current folder).]:dir:'
        '--config[Configuration file (default\: phasecert.yml in the repository, if present).]:file:'
        '--quiet[Print only results and errors.]'
        '--verbose[Also say which inputs were read.]'
        '*--phase[Only this phase (repeatable; default\: every phase).]:id:'
        '--lang[Languages, comma-separated\: en, ru (default\: the config'\''s locales).]:list:'
        '--format[Formats, comma-separated\: md, html, json, sarif, codequality, badge.]:list:'
        '--out[Folder to write into (default\: the config'\''s reports folder, in the repository).]:dir:'
        '--at[Read the repository as of this commit (id, tag, branch, HEAD~3), without checking it out.]:rev:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_phasecert_audit() {
    local -i ret=1
    local -ar arg_specs=(
        '--repo[Repository to read (default\: the repository around the current folder).]:dir:'
        '--config[Configuration file (default\: phasecert.yml in the repository, if present).]:file:'
        '--quiet[Print only results and errors.]'
        '--verbose[Also say which inputs were read.]'
        '*--phase[Only this phase (repeatable; default\: every phase).]:id:'
        '--lang[Languages, comma-separated\: en, ru (default\: the config'\''s locales).]:list:'
        '--format[Formats, comma-separated\: md, html, json, sarif, codequality, badge.]:list:'
        '--out[Folder to write into (default\: the config'\''s reports folder, in the repository).]:dir:'
        '--at[Read the repository as of this commit (id, tag, branch, HEAD~3), without checking it out.]:rev:'
        '--json[Print the assessed phase model as JSON, claims and findings included.]'
        '--all[List every claim, not only contradicted and inconsistent ones.]'
        '*:file:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_phasecert_phase-close() {
    local -i ret=1
    local -ar arg_specs=(
        '--repo[Repository to read (default\: the repository around the current folder).]:dir:'
        '--config[Configuration file (default\: phasecert.yml in the repository, if present).]:file:'
        '--quiet[Print only results and errors.]'
        '--verbose[Also say which inputs were read.]'
        ':phase:'
        '--all[Close every phase and write index.html.]'
        '--tag[Create the annotated tag phase-<id>-certified on HEAD when the gate passes.]'
        '--dry-run[Print the verdict and write nothing.]'
        '--ci[Add CI output\: GitHub Actions annotations and step summary, or GitLab CI log sections (also when CI=true).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_phasecert_check-names() {
    local -i ret=1
    local -ar ___format=('text' 'json' 'sarif' 'codequality')
    local -ar arg_specs=(
        '--repo[Repository to read (default\: the repository around the current folder).]:dir:'
        '--config[Configuration file (default\: phasecert.yml in the repository, if present).]:file:'
        '--quiet[Print only results and errors.]'
        '--verbose[Also say which inputs were read.]'
        '--fix[Rename folders whose canonical name follows from their name, and rewrite links to them.]'
        '--dry-run[With --fix\: print the plan, change nothing.]'
        '--ci[Add CI output\: a GitHub Actions annotation per violation, or a GitLab CI log section (also when CI=true).]'
        '--format[Output format\: text, json, sarif or codequality.]:format:{__phasecert_complete "${___format[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_phasecert_verify() {
    local -i ret=1
    local -ar arg_specs=(
        '--repo[Repository to read (default\: the repository around the current folder).]:dir:'
        '--config[Configuration file (default\: phasecert.yml in the repository, if present).]:file:'
        '--quiet[Print only results and errors.]'
        '--verbose[Also say which inputs were read.]'
        ':phase.json:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_phasecert_init() {
    local -i ret=1
    local -ar arg_specs=(
        '--repo[Repository to read (default\: the repository around the current folder).]:dir:'
        '--config[Configuration file (default\: phasecert.yml in the repository, if present).]:file:'
        '--quiet[Print only results and errors.]'
        '--verbose[Also say which inputs were read.]'
        '--templates[Also copy the built-in report templates into templates/.]'
        '--force[Replace files that already exist.]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_phasecert_evidence() {
    local -i ret=1
    local -ar arg_specs=(
        '--repo[Repository to read (default\: the repository around the current folder).]:dir:'
        '--config[Configuration file (default\: phasecert.yml in the repository, if present).]:file:'
        '--quiet[Print only results and errors.]'
        '--verbose[Also say which inputs were read.]'
        '--json[Print the records as JSON.]'
        '*:file:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_phasecert_help() {
    local -i ret=1
    local -ar arg_specs=(
        '*:subcommands:'
        '--version[Show the version.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

if [[ "${funcstack[1]}" = _phasecert ]]; then
    _phasecert "${@}"
else
    compdef _phasecert phasecert
fi
