# bash completion for credaudit and credaudit-collect.
#
# credaudit's options, formats and rule ids are read from its own --help,
# which the program prints from its option, format and rule tables, so
# the completion offers exactly what the installed binary accepts and
# cannot fall behind it.  Severities, benchmark and plan names and
# --color's words are not listed there; tests/completion.sh checks these
# lists against the program.
# Installed as completions/credaudit and completions/credaudit-collect, so
# bash-completion loads it for either command.
# shellcheck shell=bash

# The options of "credaudit --help": one "NAME ARG" line per name, long
# and short, with ARG the argument's placeholder or "-" for none.
_credaudit_options() {
	"$1" --help 2>/dev/null | awk '
	    /^Options:/ { on = 1; next }
	    on && /^$/ { exit }
	    on {
		arg = "-"
		if ($1 ~ /^-[^-],$/) {
			if ($3 ~ /^[A-Z]/) arg = $3
			print substr($1, 1, 2), arg
			print $2, arg
		} else {
			if ($2 ~ /^[A-Z]/) arg = $2
			print $1, arg
		}
	    }'
}

# The rules that have a threshold in days, the ones --threshold takes:
# the third column of the rule list is "-" for the others.
_credaudit_threshold_rules() {
	"$1" --help 2>/dev/null | awk '
	    /^Rules/ { on = 1; next }
	    on && /^$/ { exit }
	    on && $3 != "-" { print $1 }'
}

_credaudit_formats() {
	"$1" --help 2>/dev/null |
	    sed -n 's/^Formats: \([^.]*\)\..*/\1/p' | tr -d ,
}

_credaudit() {
	local cmd=${COMP_WORDS[0]} cur=${COMP_WORDS[COMP_CWORD]}
	local prev='' opt arg
	local IFS=$' \t\n'
	((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
	# "--format=js": bash splits at the "=", leaving cur "js".
	if [[ $prev == = ]] && ((COMP_CWORD > 1)); then
		prev=${COMP_WORDS[COMP_CWORD - 2]}
	elif [[ $cur == = ]]; then
		cur=
	fi
	COMPREPLY=()

	arg=$(_credaudit_options "$cmd" |
	    awk -v o="$prev" '$1 == o { print $2; exit }')
	case $arg in
	FILE)
		compopt -o filenames
		mapfile -t COMPREPLY < <(compgen -f -- "$cur")
		return
		;;
	FORMAT)
		mapfile -t COMPREPLY < <(compgen -W \
		    "$(_credaudit_formats "$cmd")" -- "$cur")
		return
		;;
	SEVERITY)
		opt="low medium high critical"
		[[ $prev == --fail-on ]] && opt="$opt never"
		mapfile -t COMPREPLY < <(compgen -W "$opt" -- "$cur")
		return
		;;
	RULE=N)
		# A rule, then "=": the days are the user's to type.
		compopt -o nospace
		mapfile -t COMPREPLY < <(compgen -S = -W \
		    "$(_credaudit_threshold_rules "$cmd")" -- "$cur")
		return
		;;
	NAME)
		mapfile -t COMPREPLY < <(compgen -W "cis cis-3.0 cis-4.0.1 \
		    cis-5.0 cis-6.0 cis-7.0 fsbp" -- "$cur")
		return
		;;
	PLAN)
		mapfile -t COMPREPLY < <(compgen -W "deactivate delete" \
		    -- "$cur")
		return
		;;
	WHEN)
		mapfile -t COMPREPLY < <(compgen -W "auto always never" \
		    -- "$cur")
		return
		;;
	- | '')
		# No argument: complete this word as usual.
		;;
	*)
		# A number or a time: nothing to offer.
		return
		;;
	esac

	if [[ $cur == -* ]]; then
		mapfile -t COMPREPLY < <(compgen -W \
		    "$(_credaudit_options "$cmd" | awk '{ print $1 }')" \
		    -- "$cur")
		return
	fi
	compopt -o filenames
	mapfile -t COMPREPLY < <(compgen -f -- "$cur")
}

_credaudit_collect() {
	local cur=${COMP_WORDS[COMP_CWORD]} prev=''
	((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
	COMPREPLY=()
	case $prev in
	-d)
		compopt -o filenames
		mapfile -t COMPREPLY < <(compgen -d -- "$cur")
		;;
	-r)
		;;
	*)
		[[ $cur == -* ]] &&
		    mapfile -t COMPREPLY < <(compgen -W "-d -r -h" -- "$cur")
		;;
	esac
}

complete -F _credaudit credaudit
complete -F _credaudit_collect credaudit-collect
