# bench/totrec.awk: article text (as bench/gen writes it) to TREC SGML in
# the layout of the AP collection: a DOCNO that carries the date, HEAD,
# BYLINE, and TEXT whose paragraphs are wrapped at 72 columns with the
# first line of each indented by three spaces.
#	mawk -f bench/totrec.awk articles.txt >articles.sgml

function esc(s) {
	gsub(/&/, "\\&amp;", s)
	gsub(/</, "\\&lt;", s)
	gsub(/>/, "\\&gt;", s)
	return s
}

# Writes a paragraph wrapped at 72 columns, its first line indented.
function para(s,    n, w, i, line) {
	n = split(esc(s), w, " ")
	line = "  "
	for (i = 1; i <= n; i++) {
		if (length(line) + 1 + length(w[i]) > 72 && line != "  " &&
		    line != "") {
			print line
			line = w[i]
		} else
			line = line " " w[i]
	}
	if (line != "")
		print line
}

function finish() {
	if (!open)
		return
	if (intext)
		print "</TEXT>"
	print "</DOC>"
	open = 0
}

/^[ \t]*date[ \t]/ {
	finish()
	sub(/^[ \t]*date[ \t]+/, "")
	d = $1
	sub(/^[^ \t]+[ \t]+/, "")
	gsub(/-/, "", d)
	ndoc++
	print "<DOC>"
	printf "<DOCNO> GEN%s-%06d </DOCNO>\n", substr(d, 3), ndoc
	print "<HEAD>" esc($0) "</HEAD>"
	open = 1
	intext = 0
	first = 1
	next
}

/^[ \t]*$/ { next }

open {
	if (first && /^By / && length($0) < 120 && $0 !~ /[.!?]$/) {
		print "<BYLINE>" esc($0) "</BYLINE>"
		first = 0
		next
	}
	first = 0
	if (!intext) {
		print "<TEXT>"
		intext = 1
	}
	para($0)
}

END { finish() }
