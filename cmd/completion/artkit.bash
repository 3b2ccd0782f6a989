# bash completion for the artkit tools: artsplit, artfields, artgrep
# and artstat.  make install puts it in share/bash-completion/completions
# under each tool's name, for bash-completion to load on first use; or
# source it from ~/.bashrc.

_artkit_fields='id date title byline origin body year month weekday author
	agency lead paragraphs sentences words chars bytes quotes readmin
	flesch simhash'
_artkit_numeric='paragraphs sentences words chars bytes quotes readmin
	flesch'
_artkit_formats='text records trec reuters mbox mail'
_artkit_units='paragraphs sentences quotes'
_artkit_colors='always never auto'

# The options of a tool.
_artkit_options()
{
	local common='-h -L -t --help --line-buffered --version'

	case $1 in
	artsplit)
		echo "-H -r $common" ;;
	artfields)
		echo "-e -f -H $common" ;;
	artgrep)
		echo "-a -C -c -d -E -e -F -f -H -i -k -l -m -n -o -q -s" \
		    "-v -w -x --color --colour $common" ;;
	artstat)
		echo "-b -c -d -g -H -k -m -N -n -p -S -w $common" ;;
	esac
}

# Sets COMPREPLY to the words that begin with $2, each after $3.
_artkit_words()
{
	mapfile -t COMPREPLY < <(compgen -P "${3:-}" -W "$1" -- "$2")
}

# Completes the last name of a list separated by commas, such as -f's.
_artkit_list()
{
	local pre=

	[[ $2 == *,* ]] && pre=${2%,*},
	_artkit_words "$1" "${2##*,}" "$pre"
	compopt -o nospace 2>/dev/null
}

# --color=WHEN, whether or not bash has cut the word at the '='.
_artkit_color()
{
	local i=$COMP_CWORD cur=${COMP_WORDS[COMP_CWORD]}

	if [[ $cur == --colo*=* ]]; then
		_artkit_words "$_artkit_colors" "${cur#*=}" "${cur%%=*}="
		return 0
	fi
	[[ $cur == = ]] && cur= && i=$((i + 1))
	if ((i >= 2)) && [[ ${COMP_WORDS[i - 1]} == = &&
	    ${COMP_WORDS[i - 2]} == --colo* ]]; then
		_artkit_words "$_artkit_colors" "$cur"
		return 0
	fi
	return 1
}

_artkit()
{
	local tool=${1##*/} cur=${COMP_WORDS[COMP_CWORD]} prev=

	((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
	COMPREPLY=()
	[[ $tool == artgrep ]] && _artkit_color && return
	case $tool:$prev in
	*:-t)
		_artkit_words "$_artkit_formats" "$cur"
		return ;;
	artfields:-f|artgrep:-k)
		_artkit_list "$_artkit_fields" "$cur"
		return ;;
	artfields:-e)
		_artkit_words "$_artkit_units" "$cur"
		return ;;
	artstat:-g)
		_artkit_words "$_artkit_fields -" "$cur"
		return ;;
	artgrep:-n)
		_artkit_words "$_artkit_numeric" "$cur"
		compopt -o nospace 2>/dev/null
		return ;;
	artgrep:-f|artstat:-S)
		;;
	*:-L|artgrep:-[Cdem]|artstat:-[ckn])
		return ;;
	*)
		if [[ $cur == -* ]]; then
			_artkit_words "$(_artkit_options "$tool")" "$cur"
			return
		fi ;;
	esac
	# Files, and folders, which are read as their files.
	mapfile -t COMPREPLY < <(compgen -f -- "$cur")
	compopt -o filenames 2>/dev/null
}

complete -F _artkit artsplit artfields artgrep artstat
