# bash completion for folio (installed as share/bash-completion/completions/folio)
_folio()
{
    local cur prev cmd i
    COMPREPLY=()
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD-1]}
    cmd=
    for ((i = 1; i < COMP_CWORD; i++)); do
        case ${COMP_WORDS[i]} in
            render|check|batch|summary|convert|template) cmd=${COMP_WORDS[i]}; break ;;
        esac
    done
    local common="-o --output --pdf --docx --station --lang --symbol --job-number --date
        --style --fonts -q --quiet --fail-if-warnings --max-input-bytes --max-depth
        --max-notes --max-table-cells --max-paragraph-bytes --help"
    case $prev in
        --station)
            COMPREPLY=($(compgen -W "$(folio --help 2>/dev/null | sed -n 's/.*duty station: //p' | tr -d ',')" -- "$cur"))
            return ;;
        --lang)
            COMPREPLY=($(compgen -W "$(folio --help 2>/dev/null | sed -n 's/.*language of the version: //p')" -- "$cur"))
            return ;;
        --to)
            COMPREPLY=($(compgen -W "xml akn" -- "$cur"))
            return ;;
        -o|--output|--fonts|--style)
            COMPREPLY=($(compgen -f -- "$cur"))
            [ "$prev" = --fonts ] && COMPREPLY=($(compgen -d -- "$cur"))
            return ;;
        --trace|--summary)
            COMPREPLY=($(compgen -f -- "$cur"))
            return ;;
        --symbol|--job-number|--date|--name|-j|--jobs|--shard|--max-*)
            return ;;
    esac
    if [ -z "$cmd" ]; then
        COMPREPLY=($(compgen -W "render check batch summary convert template --help --version" -- "$cur"))
        return
    fi
    case $cmd in
        render)  opts="$common --name --trace" ;;
        check)   opts="$common" ;;
        batch)   opts="$common -j --jobs --shard --summary --force --merge" ;;
        summary) opts="-o --output -q --quiet --fail-if-warnings --help" ;;
        convert) opts="--to -o --output --help" ;;
        template) opts="-o --output --station --lang --style --fonts --help" ;;
    esac
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$opts" -- "$cur"))
        return
    fi
    case $cmd in
        summary) COMPREPLY=($(compgen -f -X '!*.json' -- "$cur") $(compgen -d -- "$cur")) ;;
        batch)   COMPREPLY=($(compgen -f -X '!*.@(csv|jsonl|ndjson)' -- "$cur") $(compgen -d -- "$cur")) ;;
        *)       COMPREPLY=($(compgen -f -X '!*.@(md|xml|markdown)' -- "$cur") $(compgen -d -- "$cur")) ;;
    esac
}
shopt -q extglob || shopt -s extglob
complete -o filenames -F _folio folio
