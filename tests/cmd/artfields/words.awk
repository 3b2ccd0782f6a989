# words.awk: the first and last word of the last column of each line,
# for comparing a unit's bounds with the hand counts (ASCII text only).
# Words as artkit(5) has them: letters and digits, joined by ' - . between
# them and by a comma between digits.
BEGIN { FS = "\t"; OFS = "\t" }
{
	s = $NF
	first = last = ""
	while (match(s, /[A-Za-z0-9]+([-'.][A-Za-z0-9]+|,[0-9]+)*/)) {
		w = substr(s, RSTART, RLENGTH)
		if (first == "")
			first = w
		last = w
		s = substr(s, RSTART + RLENGTH)
	}
	$NF = first OFS last
	print
}
