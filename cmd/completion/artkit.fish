# fish completion for the artkit tools: artsplit, artfields, artgrep and
# artstat.  make install puts it in share/fish/vendor_completions.d
# under each tool's name, for fish to load on first use.

set -l fields id date title byline origin body year month weekday \
    author agency lead paragraphs sentences words chars bytes quotes \
    readmin flesch simhash
set -l numeric paragraphs sentences words chars bytes quotes readmin flesch
set -l formats text records trec reuters mbox mail

# The names of a list separated by commas, the last one completed.
function __artkit_list
    set -l cur (commandline -ct)
    set -l pre (string replace -r '[^,]*$' '' -- $cur)
    printf "$pre%s\n" $argv
end

for tool in artsplit artfields artgrep artstat
    complete -c $tool -s h -l help -d 'print the help and exit'
    complete -c $tool -l version -d 'print the version and exit'
    complete -c $tool -l line-buffered \
        -d 'write each line as soon as it is complete'
    complete -c $tool -s L -x -d 'hold no line or article over size bytes'
    complete -c $tool -s t -x -a "$formats" -d 'read every file as format'
end

complete -c artsplit -s H -d 'write a header line naming the columns first'
complete -c artsplit -s r -d 'the reverse: write records as article text'

complete -c artfields -s e -x -a 'paragraphs sentences quotes' \
    -d 'a line per unit'
complete -c artfields -s f -x -a "(__artkit_list $fields)" \
    -d 'the fields to write, in order'
complete -c artfields -s H -d 'write a header line of the columns first'

complete -c artgrep -s a -d 'select an article only when all patterns match'
complete -c artgrep -s C -x -d 'characters of context each side with -o'
complete -c artgrep -s c -d 'write the number of articles selected'
complete -c artgrep -s d -x -d 'only the articles dated in the range'
complete -c artgrep -s E -d 'patterns are extended regular expressions'
complete -c artgrep -s e -x -d 'a pattern to look for'
complete -c artgrep -s F -d 'patterns are fixed strings'
complete -c artgrep -s f -r -d 'read the patterns from file'
complete -c artgrep -s H -d 'write a header line of the columns first'
complete -c artgrep -s i -d 'ignore case'
complete -c artgrep -s k -x -a "(__artkit_list $fields)" \
    -d 'look in these fields'
complete -c artgrep -s l -d 'write the id of each article selected'
complete -c artgrep -s m -x -d 'stop after num articles selected'
complete -c artgrep -s n -x -a "$numeric" \
    -d 'only the articles for which a test such as words>300 holds'
complete -c artgrep -s o -d 'write each match in its context instead'
complete -c artgrep -s q -d 'write nothing; exit 0 at the first selected'
complete -c artgrep -s s -d 'say nothing of files that cannot be read'
complete -c artgrep -s v -d 'select the articles that do not match'
complete -c artgrep -s w -d 'match whole words only'
complete -c artgrep -s x -d 'match whole paragraphs, titles or bylines'
complete -c artgrep -l color -l colour -f -a 'always never auto' \
    -d 'colour the matches of -o'

complete -c artstat -s b -d 'the top bigrams'
complete -c artstat -s c -x \
    -d 'count the articles that begin in this chunk of each file'
complete -c artstat -s d -d 'the clusters of near-duplicates'
complete -c artstat -s g -x -a "- $fields" \
    -d 'the summary or the top lists by field'
complete -c artstat -s H -d 'write a header line of the columns first'
complete -c artstat -s k -x -a '0 1 2 3 4 5 6 7 8' \
    -d 'near-duplicates differ in at most bits bits'
complete -c artstat -s m -d 'merge partials instead of counting articles'
complete -c artstat -s N -d 'the top names'
complete -c artstat -s n -x -d 'lines of each top list'
complete -c artstat -s p -d 'write a partial, for -m, instead of a table'
complete -c artstat -s S -r -d 'take the stop words from file'
complete -c artstat -s w -d 'the top terms'
