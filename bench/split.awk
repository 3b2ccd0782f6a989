# split.awk: the split artsplit does, written in awk, as the benchmark's
# peer.  Article text in, one record per article out, by the rules of
# artkit(5): lines trimmed, header lines (with real dates, `-', impossible
# dates and dateless headers), form feeds, file ends, the byline, paragraphs
# unwrapped and joined by an escaped newline, the record escapes.
#
# Run it with LC_ALL=C so that lengths are in bytes.  The id column is
# left as zeros: awk has no 64-bit arithmetic to compute XXH64 with, so
# this leaves awk some work less than artsplit does.  NUL bytes are not
# escaped.

BEGIN {
	ZERO = "0000000000000000"
	BL = "[ \t\r\f\013]"
}

FNR == 1 {
	if (NR > 1)
		finish()
	sub(/^\357\273\277/, "")
	file = FILENAME == "" ? "-" : FILENAME
	parastart = 1
}

{
	l = $0
	ffb = ffa = 0
	if (l ~ /^[ \t\r\f\013]/) {
		match(l, /^[ \t\r\f\013]+/)
		ffb = index(substr(l, 1, RLENGTH), "\f")
		l = substr(l, RLENGTH + 1)
	}
	if (l ~ /[ \t\r\f\013]$/) {
		match(l, /[ \t\r\f\013]+$/)
		ffa = index(substr(l, RSTART), "\f")
		l = substr(l, 1, RSTART - 1)
	}
	if (ffb && have) {
		finish()
		if (l == "")
			next
	}
	if (l == "") {
		closepara()
		parastart = 1
		next
	}
	h = substr(l, 1, 4) == "date" ? header(l, parastart) : 0
	if (h && have)
		finish()
	if (h) {
		begin()
		date = hdate
		title = htitle
	} else if (!have) {
		begin()
		title = l
	} else
		addline(l)
	parastart = 0
	if (ffa)
		finish()
}

END {
	finish()
}

# Whether a trimmed line is a header; sets hdate and htitle.
function header(l, ps,    c, rest, tok) {
	c = substr(l, 5, 1)
	if (length(l) < 6 || (c != " " && c != "\t"))
		return 0
	rest = substr(l, 6)
	sub(/^[ \t\r\f\013]+/, "", rest)
	match(rest, /^[^ \t\r\f\013]+/)
	tok = substr(rest, 1, RLENGTH)
	htitle = substr(rest, RLENGTH + 1)
	sub(/^[ \t\r\f\013]+/, "", htitle)
	hdate = ""
	if (tok == "-")
		return 1
	if (tok ~ /^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]$/) {
		if (realdate(tok))
			hdate = tok
		return 1
	}
	if (!ps)
		return 0
	if (tok !~ /^[0-9.\/-]+$/)
		htitle = rest
	return 1
}

function realdate(s,    y, m, d, md) {
	y = substr(s, 1, 4) + 0
	m = substr(s, 6, 2) + 0
	d = substr(s, 9, 2) + 0
	if (y < 1 || m < 1 || m > 12 || d < 1)
		return 0
	md = substr("312831303130313130313031", 2 * m - 1, 2) + 0
	if (m == 2 && y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))
		md = 29
	return d <= md
}

function begin() {
	have = 1
	start = FNR
	date = title = byline = body = ""
	inpara = npara = 0
}

function addline(l) {
	if (inpara) {
		paralines++
		body = body " " l
		return
	}
	if (npara > 0)
		body = body "\n"
	inpara = 1
	npara++
	paralines = 1
	body = body l
}

# The first paragraph is the byline when it is one short line that begins
# with By and does not end like a sentence.
function closepara(    t) {
	if (!inpara)
		return
	inpara = 0
	if (npara != 1 || paralines != 1 || length(body) > 120 ||
	    body !~ /^[Bb][Yy][ \t\r\f\013]./)
		return
	t = body
	while (t ~ /["')\]]$/ || t ~ /\342\200[\235\231]$/)
		t = substr(t, 1, length(t) - (t ~ /[\200-\377]$/ ? 3 : 1))
	if (t ~ /[.!?]$/ || t ~ /\342\200\246$/)
		return
	byline = body
	body = ""
	npara = 0
}

function finish() {
	if (!have)
		return
	closepara()
	body = esc(body)
	if (npara > 1)
		gsub(/\n/, "\\n", body)
	print ZERO "\t" date "\t" esc(title) "\t" esc(byline) "\t" \
	    esc(file) ":" start "\t" body
	have = 0
	parastart = 1
}

# The record escapes; the backslash by hand, as awks disagree on it in
# gsub replacements.
function esc(s,    n, i, a, r) {
	if (s !~ /[\\\t\r]/)
		return s
	if (index(s, "\\")) {
		n = split(s, a, /\\/)
		r = a[1]
		for (i = 2; i <= n; i++)
			r = r "\\\\" a[i]
		s = r
	}
	gsub(/\t/, "\\t", s)
	gsub(/\r/, "\\r", s)
	return s
}
