/*
 * gen: writes a deterministic stream of news articles in the article text
 * format, for the benchmarks and for tests that need large or messy input.
 *
 * usage: gen [-crw] [-b fraction] [-n articles] [-s seed]
 *        gen -a count | -p count [-s seed] file
 *
 * Each article has a header line with a date that moves forward through
 * the stream, a byline of one of several shapes (or none), and 3 to 25
 * paragraphs of sentences whose words are drawn Zipf-like from a fixed
 * vocabulary, with names, places, numbers, curly quotes and dashes.  Some
 * articles are hard-wrapped.  -b makes a fraction of the articles
 * malformed in one of the ways real streams are; -c writes CRLF line ends.
 *
 * -w writes wire stories instead, agency copy as archives hold it: a
 * dateline lead (LONDON, March 3 (Reuters) - ), day and month names,
 * U.S., U.K., Inc., Corp., Co., Ltd. and Jr. inside sentences and at
 * sentence ends before a word that opens sentences, number words,
 * quotations whose speakers the text names in each of the ways agency
 * copy does (and some it names nowhere), earnings tables (Shr, Net, Revs
 * lines), headlines with no body, and in most stories a last paragraph
 * that is the agency's sign-off (Reuter, (AFP)) or a credit line
 * ((Reporting by ...; Editing by ...)).  -r writes the same stories in
 * the SGML of the Reuters-21578 collection, briefs as TYPE="BRIEF" with
 * the placeholder body "Blah blah blah.", some texts with a reference to
 * a control character (&#127;, &#27;, &#5;).  -b does not go with them.
 *
 * -a and -p write lists of names instead, for artgrep -f: count names
 * that occur nowhere in the file, in any case (-a), or count names that
 * it holds (-p); the name lists below say how.
 *
 * The same options give the same bytes on any machine, from any compiler.
 */
#include <err.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define NGEN		6000	/* generated words in the vocabulary tail */
#define WRAP		72	/* column of hard-wrapped articles */
#define VOCAB_SEED	0x5eed

struct text {
	char	*p;
	size_t	 n;
	size_t	 cap;
};

static struct text art;		/* the article being made */
static struct text out;		/* bytes waiting for stdout */
static uint64_t rstate;

/* splitmix64: small, fast, and the same everywhere. */
static uint64_t
rnd(void)
{
	uint64_t z = (rstate += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static unsigned
below(unsigned n)
{
	return (unsigned)(((rnd() >> 32) * n) >> 32);
}

static unsigned
between(unsigned lo, unsigned hi)
{
	return lo + below(hi - lo + 1);
}

static double
unit(void)
{
	return (double)(rnd() >> 11) / 9007199254740992.0;
}

static int
chance(double p)
{
	return unit() < p;
}

/*
 * Tells whether a draw below n is less than the next: the draws in order,
 * as the operands of < are not, so that every compiler makes the same
 * bytes.
 */
static int
firstless(unsigned n)
{
	unsigned a = below(n);

	return a < below(n);
}

#define PICK(a)	((a)[below(sizeof(a) / sizeof((a)[0]))])

static void
grow(struct text *t, size_t need)
{
	if (t->cap - t->n >= need)
		return;
	while (t->cap - t->n < need)
		t->cap = t->cap ? t->cap * 2 : 65536;
	if ((t->p = realloc(t->p, t->cap)) == NULL)
		err(2, NULL);
}

static void
add(const char *s, size_t n)
{
	grow(&art, n);
	memcpy(art.p + art.n, s, n);
	art.n += n;
}

static void
adds(const char *s)
{
	add(s, strlen(s));
}

static void
addc(int c)
{
	grow(&art, 1);
	art.p[art.n++] = (char)c;
}

static void
addnum(unsigned long v)
{
	char s[32];

	add(s, (size_t)snprintf(s, sizeof(s), "%lu", v));
}

/* Inserts bytes at an offset of the article. */
static void
insert(size_t at, const char *s, size_t n)
{
	grow(&art, n);
	memmove(art.p + at + n, art.p + at, art.n - at);
	memcpy(art.p + at, s, n);
	art.n += n;
}

/*
 * The words.  The common words come first, roughly by frequency; a tail of
 * made-up words follows, so that the vocabulary has the long tail of real
 * text.
 */
static const char *const common[] = {
	"the", "of", "to", "and", "a", "in", "that", "said", "for", "on",
	"is", "was", "with", "he", "it", "as", "at", "by", "from", "his",
	"have", "has", "be", "an", "are", "were", "but", "not", "this",
	"which", "its", "who", "will", "had", "after", "they", "been",
	"their", "more", "than", "also", "would", "or", "about", "over",
	"new", "two", "one", "up", "all", "year", "other", "into", "there",
	"could", "when", "we", "people", "some", "last", "government",
	"officials", "can", "first", "three", "she", "her", "them", "no",
	"percent", "what", "if", "out", "so", "only", "most", "years",
	"while", "before", "since", "under", "against", "between", "during",
	"now", "may", "because", "those", "these", "told", "city", "country",
	"state", "president", "minister", "week", "police", "just", "many",
	"where", "being", "such", "any", "very", "still", "according",
	"including", "however", "back", "time", "day", "report", "group",
	"made", "like", "well", "then", "even", "through", "talks", "peace",
	"war", "forces", "military", "deal", "plan", "security", "economy",
	"market", "prices", "election", "vote", "party", "leaders", "court",
	"talks", "negotiations", "progress", "meeting", "envoy", "aide",
	"described", "discussions", "useful", "acknowledged", "sides",
	"remained", "central", "issues", "potential", "territorial",
	"control", "concrete", "proposals", "debated", "directly",
	"maintained", "strong", "objections", "several", "elements", "summit",
	"expected", "cautious", "tone", "combative", "opening", "statement",
	"accused", "governments", "obstructing", "efforts", "insisted",
	"demands", "unacceptable", "conflict", "warned", "ready", "struck",
	"optimistic", "note", "future", "guarantees", "emphasized", "goal",
	"ensuring", "long-term", "stability", "economic", "recovery",
	"visit", "intense", "round", "shuttle", "diplomacy", "aimed",
	"revising", "controversial", "initially", "favored", "opposed",
	"provisions", "requiring", "cede", "territory", "limit", "armed",
	"awaiting", "signals", "delegation", "affirmed", "readiness",
	"skepticism", "remains", "high", "effectively", "amount",
	"capitulation", "prefers", "original", "proposal", "despite",
	"needs", "changes", "continuing", "portray", "barriers", "negotiated",
	"settlement", "followed", "brief", "video", "showed", "delegations",
	"sitting", "across", "oval", "white", "table", "feed", "cut",
	"drags", "escalating", "rhetoric", "posture", "claimed", "captured",
	"strategic", "disputed", "assertion", "analysts", "acknowledge",
	"controls", "recent", "battlefield", "gains", "emboldened",
	"repeatedly", "stressing", "continue", "offensive", "fail",
	"threatened", "intensified", "strikes", "ports", "ships", "entering",
	"calling", "attacks", "tankers", "piracy", "media", "amplified",
	"confident", "suggesting", "terms", "become", "harsher", "continues",
	"attack", "army", "border", "budget", "campaign", "ceasefire",
	"crisis", "defence", "energy", "funding", "growth", "health",
	"housing", "inflation", "interest", "investment", "killed", "oil",
	"opposition", "parliament", "policy", "political", "power",
	"protest", "rates", "reform", "region", "sanctions", "soldiers",
	"spending", "support", "tax", "trade", "troops", "voters", "weapons",
	"workers", "agreement", "aid", "allies", "announced", "authorities",
	"bank", "billion", "bill", "cabinet", "capital", "chief", "children",
	"civilians", "coalition", "committee", "companies", "conference",
	"costs", "council", "crime", "currency", "damage", "debt", "demand",
	"democracy", "deputy", "diplomats", "drones", "embassy", "emergency",
	"evidence", "exports", "families", "federal", "financial", "fuel",
	"gas", "global", "governor", "hospital", "humanitarian", "imports",
	"industry", "inquiry", "intelligence", "investigation", "judge",
	"lawmakers", "legal", "loans", "majority", "measures", "migrants",
	"million", "missiles", "nuclear", "operation", "partners",
	"pressure", "prosecutors", "rally", "refugees", "relief", "residents",
	"resolution", "rights", "shares", "shortage", "shelling", "suspect",
	"treaty", "trial", "unemployment", "victims", "violence", "wages",
	"weather", "ahead", "already", "although", "asked", "behind",
	"believe", "caused", "clear", "close", "critical", "current", "early",
	"earlier", "failed", "final", "following", "further", "huge",
	"immediately", "important", "increase", "largest", "later", "likely",
	"major", "meanwhile", "nearly", "previous", "quickly", "reached",
	"recently", "reported", "rising", "risk", "significant", "thousands",
	"together", "towards", "village", "weeks", "whether", "worst",
};

static const char *const onsets[] = {
	"b", "br", "c", "ch", "cl", "cr", "d", "dr", "f", "fl", "fr", "g",
	"gr", "h", "j", "k", "l", "m", "n", "p", "pl", "pr", "qu", "r", "s",
	"sc", "sh", "sl", "sp", "st", "str", "t", "th", "tr", "v", "w", "z", ""
};
static const char *const nuclei[] = {
	"a", "e", "i", "o", "u", "ai", "ea", "ee", "io", "ou", "oa", "ie"
};
static const char *const codas[] = {
	"", "", "n", "r", "s", "t", "l", "m", "nd", "nt", "st", "rt", "ck",
	"ng", "x", "ll", "ss"
};
static const char *const suffixes[] = {
	"", "", "", "", "s", "ed", "ing", "er", "ers", "tion", "ment", "ly",
	"al", "ity", "ive", "ous", "ness", "able"
};

#define NCOMMON	(sizeof(common) / sizeof(common[0]))
#define NVOCAB	(NCOMMON + NGEN)

static const char *vocab[NVOCAB];
static double vcum[NVOCAB];

static const char *const firsts[] = {
	"James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael",
	"Linda", "David", "Elizabeth", "Sarah", "Thomas", "Karen", "Daniel",
	"Olena", "Dmitry", "Sergei", "Natalia", "Oksana", "Mikhail", "Anna",
	"Pierre", "Marie", "Hans", "Greta", "Luca", "Giulia", "Ahmed",
	"Fatima", "Wei", "Hiroshi", "Yuki", "Carlos", "Lucía", "Kwame",
	"Amara", "Priya", "Rahul", "Søren", "Ingrid", "José", "François",
	"Zoë", "Małgorzata", "Çağla", "Jared", "Steve", "Marco", "Vladimir",
	"Yuri", "Олена", "Дмитро",
};
static const char *const lasts[] = {
	"Smith", "Johnson", "Brown", "Garcia", "Miller", "Davis", "Wilson",
	"Taylor", "Moore", "Martin", "Thompson", "White", "Harris", "Clark",
	"Petrov", "Ivanova", "Kovalenko", "Shevchenko", "Melnyk", "Sokolov",
	"Dubois", "Lefèvre", "Schmidt", "Müller", "Rossi", "Khan", "Chen",
	"Tanaka", "Mensah", "Okafor", "Sharma", "Nielsen", "Gómez", "Núñez",
	"Erdoğan", "Wałęsa", "O’Brien", "Ushakov", "Witkoff", "Kushner",
	"Rubio", "Putin", "Zelensky", "Macron", "Starmer", "Lavrov",
	"Peskov", "Kallas", "Rutte", "Merz", "Meloni", "Tusk", "Шевченко",
};
static const char *const places[] = {
	"Ukraine", "Russia", "Moscow", "Kyiv", "Europe", "Washington",
	"Pokrovsk", "Florida", "Kharkiv", "Donetsk", "Odesa", "London",
	"Paris", "Berlin", "Brussels", "Beijing", "Tokyo", "Gaza", "Israel",
	"Iran", "China", "India", "Turkey", "Poland", "Geneva", "Istanbul",
	"Crimea", "Zaporizhzhia", "Kherson", "Lviv", "Dnipro", "Kraków",
	"Zürich", "São Paulo", "Bogotá", "Reykjavík", "Malmö", "Düsseldorf",
	"Cairo", "Riyadh", "Doha", "Tehran", "Seoul", "Taiwan", "Nairobi",
	"Lagos", "Kursk", "Belgorod", "Київ", "Mariupol",
};
static const char *const orgs[] = {
	"the Kremlin", "the Pentagon", "NATO", "the EU", "the UN", "the IMF",
	"OPEC", "Congress", "the Senate", "the White House", "the Red Cross",
};
static const char *const agencies[] = {
	"Agencies", "Reuters", "AFP", "AP", "Bloomberg", "TASS", "Xinhua",
	"dpa", "Anadolu", "Kyodo", "ANSA",
};
static const char *const roles[] = {
	"President", "Minister", "Governor", "General", "Senator", "Mayor",
	"spokesman", "analyst", "Foreign Minister", "Secretary",
};
static const char *const contractions[] = {
	"don’t", "won’t", "it’s", "can’t", "isn’t", "didn’t", "we’re",
	"they’re", "there’s", "wasn’t", "that’s",
};
static const char *const says[] = {
	"said", "told reporters", "said in a statement", "added",
	"wrote on social media", "told the agency", "insisted", "warned",
	"noted", "argued",
};
static const char *const verbs[] = {
	"Warns", "Says", "Rejects", "Backs", "Slams", "Urges", "Signs",
	"Vows", "Denies", "Claims", "Seeks", "Calls for", "Launches", "Halts",
	"Blocks", "Approves", "Weighs", "Meets", "Threatens", "Accuses",
};
static const char *const tails[] = {
	"as Talks Stall", "Over Ukraine", "Amid Tensions", "After Strikes",
	"Ahead of Summit", "as Prices Rise", "in Landmark Deal",
	"Over Sanctions", "as Protests Grow", "After Election",
	"Despite Pressure", "",
};
static const char *const units[] = {
	"million", "billion", "trillion",
};

/* Makes up the tail words from syllables, and the Zipf weights. */
static void
mkvocab(void)
{
	static char arena[NGEN * 40];
	const char *o, *v, *c;
	char *w = arena;
	double acc = 0, x;
	size_t i, k;

	for (i = 0; i < NCOMMON; i++)
		vocab[i] = common[i];
	for (; i < NVOCAB; i++) {
		vocab[i] = w;
		for (k = firstless(3) ? 1 : between(2, 3); k > 0; k--) {
			/* Drawn last to first, as the words were first made. */
			c = PICK(codas);
			v = PICK(nuclei);
			o = PICK(onsets);
			w += sprintf(w, "%s%s%s", o, v, c);
		}
		w += sprintf(w, "%s", PICK(suffixes)) + 1;
	}
	/*
	 * Weights (rank + 3.7)^-1.25, made of operations IEEE 754 rounds
	 * exactly (sqrt among them, unlike pow), so that every machine
	 * draws the same words.
	 */
	for (i = 0; i < NVOCAB; i++) {
		x = (double)i + 3.7;
		acc += 1.0 / (x * sqrt(sqrt(x)));
		vcum[i] = acc;
	}
}

static const char *
zipfword(void)
{
	double u = unit() * vcum[NVOCAB - 1];
	size_t lo = 0, hi = NVOCAB - 1, mid;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (vcum[mid] < u)
			lo = mid + 1;
		else
			hi = mid;
	}
	return vocab[lo];
}

static void
person(void)
{
	double x = unit();

	if (x < 0.45) {
		adds(PICK(firsts));
		addc(' ');
	} else if (x < 0.6) {
		adds(PICK(roles));
		addc(' ');
	}
	adds(PICK(lasts));
}

static void
number(void)
{
	unsigned y, x = below(10);

	if (x < 2)
		addnum(between(2, 99));
	else if (x < 4) {
		addnum(between(1, 999));
		addc(',');
		addnum(between(100, 999));
	} else if (x < 5) {
		addnum(between(1, 99));
		addc('.');
		addnum(between(1, 9));
		adds(" percent");
	} else if (x < 6) {
		addc('$');
		addnum(between(1, 999));
		addc(' ');
		adds(PICK(units));
	} else if (x < 8) {
		y = between(1990, 2025);
		addnum(y);
		if (x == 7) {
			adds("–");	/* an en dash range */
			addnum(y + between(1, 5));
		}
	} else
		adds(PICK(contractions));
}

/* One word of running text: mostly vocabulary, sometimes a name. */
static void
word(void)
{
	unsigned x = below(1000);

	if (x < 55)
		person();
	else if (x < 100)
		adds(PICK(places));
	else if (x < 115)
		number();
	else if (x < 120)
		adds(PICK(orgs));
	else if (x < 135) {
		adds(PICK(places));
		adds("’s");
	} else if (x < 140) {
		adds(PICK(places));
		adds("–");
		adds(PICK(places));
	} else
		adds(zipfword());
}

static void
clause(unsigned lo, unsigned hi)
{
	unsigned i, n = between(lo, hi);

	for (i = 0; i < n; i++) {
		if (i > 0)
			addc(chance(0.06) ? ',' : ' ');
		if (i > 0 && art.p[art.n - 1] == ',')
			addc(' ');
		word();
	}
}

static void
capital(size_t at)
{
	if (art.p[at] >= 'a' && art.p[at] <= 'z')
		art.p[at] = (char)(art.p[at] - 'a' + 'A');
}

static void
sentence(void)
{
	size_t at = art.n;
	unsigned x = below(100);

	if (x < 10) {
		adds("“");
		at = art.n;
		clause(4, 16);
		capital(at);
		adds(",” ");
		person();
		addc(' ');
		adds(PICK(says));
		addc('.');
		return;
	}
	clause(3, 12);
	if (x < 20) {
		adds(" “");
		clause(1, 4);
		adds("”");
	} else if (x < 28) {
		adds("—");
		clause(2, 6);
		adds("—");
	} else if (x < 31)
		adds(" –");
	addc(' ');
	clause(2, 12);
	capital(at);
	addc(x == 99 ? '?' : '.');
}

/* Breaks the text from an offset on into lines of a width. */
static void
wrapat(size_t at, size_t width)
{
	size_t i, col = 0, lastsp = 0;

	for (i = at; i < art.n; i++, col++) {
		if (art.p[i] == ' ')
			lastsp = i;
		if (col >= width && lastsp > i - col) {
			art.p[lastsp] = '\n';
			col = i - lastsp - 1;
		}
	}
}

/* Breaks the paragraph that starts at an offset into lines of WRAP. */
static void
wrap(size_t at)
{
	wrapat(at, WRAP);
}

static void
paragraph(int wrapped, size_t minlen)
{
	size_t at = art.n;
	unsigned i, n = 1 + (firstless(6) ? below(3) : below(6));

	for (i = 0; i < n || art.n - at < minlen; i++) {
		if (i > 0)
			addc(' ');
		sentence();
	}
	if (wrapped)
		wrap(at);
}

static void
title(void)
{
	size_t at = art.n;
	unsigned i, x = below(10);

	if (x < 5) {
		person();
		addc(' ');
		adds(PICK(verbs));
		addc(' ');
		adds(PICK(places));
		addc(' ');
		adds(PICK(tails));
		return;
	}
	if (x < 7) {
		adds(PICK(places));
		adds("–");
		adds(PICK(places));
		addc(' ');
	}
	for (i = between(3, 8); i > 0; i--) {
		capital(art.n);
		adds(zipfword());
		if (i > 1)
			addc(' ');
	}
	capital(at);
}

/* The bylines of the shapes seen in the wild; 0 for none. */
static int
byline(void)
{
	unsigned x = below(100);

	if (x < 12)
		return 0;
	adds(x < 16 ? "BY " : "By ");
	if (x < 40) {
		adds("Staff, ");
		adds(PICK(agencies));
	} else if (x < 70) {
		adds(PICK(firsts));
		addc(' ');
		adds(PICK(lasts));
	} else if (x < 88) {
		adds(PICK(firsts));
		addc(' ');
		adds(PICK(lasts));
		adds(" and ");
		adds(PICK(firsts));
		addc(' ');
		adds(PICK(lasts));
		adds(", ");
		adds(PICK(agencies));
	} else {
		adds(PICK(agencies));
		adds(" staff");
	}
	return 1;
}

/* Days since 1970-01-01 to a civil date (the era method). */
static void
civil(long z, int *y, int *m, int *d)
{
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = z / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

enum bad {
	GOOD, NOBLANK, NODATE, NOHEADER, BADDATE, NOTITLE, TAB, CR, BADUTF8,
	NUL, LONGLINE, LEADBLANK, TRAILBLANK, BACKSLASH, FORMFEED, NBAD
};

/* A body offset where bytes can go: after the header line. */
static size_t
somewhere(size_t from)
{
	return from + below((unsigned)(art.n - from));
}

static void
header(long day, enum bad kind)
{
	static const char *const baddates[] = {
		"2025-02-30", "2025-13-45", "12/03/2025", "20251203", "2024-00-10"
	};
	char date[16];
	int y, m, d;

	civil(day, &y, &m, &d);
	snprintf(date, sizeof(date), "%04d-%02d-%02d", y, m, d);
	if (kind == LEADBLANK)
		adds(PICK(((const char *const[]){ " ", "  ", "\t", " \t " })));
	else if (chance(0.1))
		addc(' ');	/* as in the sample */
	if (kind == NOHEADER) {
		title();
		return;
	}
	adds("date ");
	if (kind == NODATE) {
		title();
		return;
	}
	adds(kind == BADDATE ? PICK(baddates) : date);
	if (kind == NOTITLE)
		return;
	addc(' ');
	title();
}

/* Spoils the finished article in one of the byte-level ways. */
static void
spoil(enum bad kind, size_t body)
{
	static const char *const badutf8[] = {
		"\xff", "\xe2\x80", "\xe9", "\xc3", "\x80\x80", "\xed\xa0\x80",
		"\xf8\x88\x80\x80\x80"
	};
	static const char *const backslashes[] = {
		"\\", "C:\\Users\\news", "\\n", "\\t", "a\\\\b"
	};
	const char *s;
	unsigned i, n = between(1, 3);
	size_t at;

	for (i = 0; i < n && art.n > body; i++) {
		at = somewhere(body);
		if (kind == TAB)
			insert(at, "\t", 1);
		else if (kind == CR)
			insert(at, "\r", 1);
		else if (kind == NUL)
			insert(at, "", 1);
		else if (kind == BADUTF8) {
			s = PICK(badutf8);
			insert(at, s, strlen(s));
		} else if (kind == BACKSLASH) {
			s = PICK(backslashes);
			insert(at, s, strlen(s));
		}
	}
}

/* Puts blanks at the ends of about half of the lines. */
static void
trailblanks(void)
{
	static const char *const blanks[] = { " ", "  ", "\t", " \t " };
	const char *s;
	size_t i;

	for (i = art.n; i > 0; i--)
		if (art.p[i - 1] == '\n' && chance(0.5)) {
			s = PICK(blanks);
			insert(i - 1, s, strlen(s));
		}
}

static void
article(long day, enum bad kind)
{
	int wrapped = chance(0.25);
	size_t body;
	unsigned i, n;

	header(day, kind);
	adds(kind == NOBLANK ? "\n" : "\n\n");
	body = art.n;
	if (kind != NOBLANK && byline())
		adds("\n\n");
	n = 3 + (firstless(23) ? below(8) : below(23));
	for (i = 0; i < n; i++) {
		if (i > 0)
			adds("\n\n");
		if (kind == LONGLINE && i == n / 2)
			paragraph(0, (size_t)1 << between(15, 20));
		else
			paragraph(wrapped, 0);
	}
	addc('\n');
	if (kind == TRAILBLANK)
		trailblanks();
	spoil(kind, body);
}

/* Moves the article to the output, with CRLF ends when asked. */
static void
emit(int crlf)
{
	size_t i;

	grow(&out, 2 * art.n);
	if (!crlf) {
		memcpy(out.p + out.n, art.p, art.n);
		out.n += art.n;
	} else
		for (i = 0; i < art.n; i++) {
			if (art.p[i] == '\n')
				out.p[out.n++] = '\r';
			out.p[out.n++] = art.p[i];
		}
	art.n = 0;
	if (out.n >= 1 << 20) {
		if (fwrite(out.p, 1, out.n, stdout) != out.n)
			err(2, "write error");
		out.n = 0;
	}
}

static void
usage(void)
{
	fprintf(stderr, "usage: gen [-crw] [-b fraction] [-n articles] "
	    "[-s seed]\n"
	    "       gen -a count | -p count [-s seed] file\n");
	exit(2);
}

/*
 * The day of article i of n: the dates move forward over three years from
 * 2023-01-01, with a few weeks of jitter, as in a feed.
 */
static long
dayof(unsigned long i, unsigned long n)
{
	const long start = 19358, span = 3 * 365;
	long day;

	day = start + (long)((double)span * (double)i / (double)n) +
	    (long)between(0, 40) - 20;
	return day < start ? start : day >= start + span ?
	    start + span - 1 : day;
}

/* Writes n articles of the default mix. */
static void
stream(unsigned long n, double badp, int crlf)
{
	unsigned long i;
	enum bad kind;
	long day;

	for (i = 0; i < n; i++) {
		day = dayof(i, n);
		kind = chance(badp) ? (enum bad)between(GOOD + 1, NBAD - 1) :
		    GOOD;
		if (i > 0)
			adds(kind == FORMFEED ? "\f\n" : "\n");
		article(day, kind);
		emit(crlf);
	}
	if (fwrite(out.p, 1, out.n, stdout) != out.n || fflush(stdout) == EOF)
		err(2, "write error");
}

/*
 * Wire stories (-w, -r).  Every draw of a story is made before any of it
 * is written, into a struct story, so that -w and -r give the same
 * stories.  The words around a quotation are the frame's own: the running
 * text leaves out reporting verbs, so that the only speakers are the ones
 * a frame names.
 */
enum agency { REUTERS, AP, AFP };
enum wkind { STORY, TABLE, BRIEF };

/* What a frame of a quotation tells the paragraph it stands in. */
#define FOLLOW	1	/* another quotation of the speaker may follow */
#define ABBR	2	/* the sentence ended at an abbreviation */

struct person {
	const char	*first;
	const char	*last;
	int		 jr;		/* the name ends in Jr. */
	int		 she;
};

struct story {
	enum wkind	 kind;
	enum agency	 agency;
	long		 day;
	unsigned	 city;
	unsigned	 csecs;		/* time of day in 1/100 s, for <DATE> */
	unsigned	 topic;		/* index in topics, 0 for none */
	int		 test;		/* in the TEST part of the collection */
	int		 wrapped;
	unsigned	 ctl;		/* a control character reference, or 0 */
	double		 ctlat;		/* where: a fraction of the body */
	struct text	 title;
	struct text	 byline;	/* the names alone, or empty */
	struct text	 body;		/* the paragraphs, each a line */
	struct text	 signoff;	/* the last paragraph, or empty */
};

static const struct {
	const char	*name;
	const char	*code;		/* as in <PLACES> */
} cities[] = {
	{ "LONDON", "uk" }, { "NEW YORK", "usa" }, { "WASHINGTON", "usa" },
	{ "CHICAGO", "usa" }, { "TOKYO", "japan" },
	{ "FRANKFURT", "west-germany" }, { "PARIS", "france" },
	{ "BRUSSELS", "belgium" }, { "SEOUL", "south-korea" },
	{ "HONG KONG", "hong-kong" }, { "SYDNEY", "australia" },
	{ "ZURICH", "switzerland" }, { "SINGAPORE", "singapore" },
	{ "OTTAWA", "canada" },
};
static const char *const months[] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December",
};
/* The months of datelines, and of <DATE>. */
static const char *const monabbr[] = {
	"Jan", "Feb", "March", "April", "May", "June", "July", "Aug",
	"Sept", "Oct", "Nov", "Dec",
};
static const char *const monupper[] = {
	"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT",
	"NOV", "DEC",
};
/* From day 0, 1970-01-01, a Thursday. */
static const char *const weekdays[] = {
	"Thursday", "Friday", "Saturday", "Sunday", "Monday", "Tuesday",
	"Wednesday",
};
static const char *const numwords[] = {
	"two", "three", "four", "five", "six", "seven", "eight", "nine",
	"ten", "twelve", "dozen", "hundred",
};
static const char *const men[] = {
	"John", "David", "Martin", "Peter", "Robert", "James", "Thomas",
	"Richard", "Kenji", "Hans", "Carlos", "Ahmed", "Paul", "George",
};
static const char *const women[] = {
	"Mary", "Sarah", "Anna", "Laura", "Helen", "Susan", "Maria", "Yuki",
	"Ingrid", "Fatima", "Jane", "Claire",
};
static const char *const surnames[] = {
	"Broughton", "Walker", "Fischer", "Tanaka", "Moreau", "Okafor",
	"Lindqvist", "Hughes", "Keller", "Romano", "Baxter", "Nakamura",
	"Duval", "Sutton", "Ferreira", "Kowalski", "Mercer", "Ashdown",
};
static const char *const firms[] = {
	"Acme", "Calder", "Dunmore", "Fairbank", "Halsey", "Kestrel",
	"Marlow", "Norbury", "Oakridge", "Pemberton", "Redfern", "Thornbury",
	"Wexford", "Brixham",
};
static const char *const firmends[] = { "Inc.", "Corp.", "Co.", "Ltd." };
static const char *const countries[] = {
	"Japan", "Germany", "France", "Brazil", "Canada", "Mexico", "China",
	"India", "Europe", "Asia", "South Korea", "Australia",
};
static const char *const towns[] = {
	"London", "Tokyo", "Frankfurt", "Paris", "Seoul", "Washington",
	"New York", "Singapore",
};
static const char *const jobs[] = {
	"an analyst at", "a trader at", "chief economist at",
	"a fund manager at", "a strategist at",
};
static const char *const spokes[] = {
	"a spokesman", "a spokeswoman", "an official", "a company spokesman",
	"a senior official",
};
/* Bodies that speak, by their full name and by a short one. */
static const struct {
	const char	*full;
	const char	*brief;
} bodies[] = {
	{ "the Finance and Economy Ministry", "the ministry" },
	{ "the Trade Ministry", "the ministry" },
	{ "the Bank of Japan", "the bank" },
	{ "the European Commission", "the commission" },
	{ "the U.S. Commerce Department", "the department" },
	{ "the U.K. Treasury", "the Treasury" },
	{ "the Federal Reserve", "the Fed" },
};
static const char *const consults[] = {
	"4Cast", "Capital Analytics", "Bramley Research", "Kellner Associates",
};
static const char *const papers[] = {
	"Nikkei", "Asahi", "Handelsblatt", "Kommersant", "Yomiuri",
};
static const char *const newsagencies[] = {
	"Xinhua", "Interfax", "Yonhap", "Itar-Tass",
};
static const char *const wsays[] = {
	"said", "added", "told reporters", "said in an interview",
	"said in a statement",
};
/* Words that open sentences: the next sentence after an abbreviation. */
static const char *const openers[] = {
	"The", "It", "He", "She", "They", "We", "But", "In", "This", "A",
};
/* Words the running text leaves out, so that no speaker comes by chance. */
static const char *const reporting[] = {
	"said", "told", "added", "warned", "insisted", "described",
	"acknowledged", "announced", "claimed", "noted", "argued", "asked",
	"stressed", "accused", "reported", "emphasized", "affirmed",
	"maintained", "threatened", "calling", "suggesting", "according",
};
static const char *const topics[] = {
	"", "trade", "money-fx", "interest", "crude", "acq", "grain", "ship",
};
static const char *const ctlrefs[] = { "&#127;", "&#27;", "&#5;" };

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

static struct person who;	/* the speaker of the frame being made */

static void
addfmt(const char *fmt, ...)
{
	char s[128];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(s, sizeof(s), fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof(s))
		errx(2, "addfmt: %s: too long", fmt);
	add(s, (size_t)n);
}

/*
 * A number from lo to hi and one below frac, drawn in this order (the
 * arguments of a call are not), printed by fmt.
 */
static void
addpair(const char *fmt, unsigned lo, unsigned hi, unsigned frac)
{
	unsigned a = between(lo, hi);

	addfmt(fmt, a, below(frac));
}

/* Moves the bytes of the article from an offset on into a text. */
static void
take(struct text *t, size_t from)
{
	t->n = 0;
	if (art.n == from)
		return;
	grow(t, art.n - from);
	memcpy(t->p, art.p + from, art.n - from);
	t->n = art.n - from;
	art.n = from;
}

static const char *
wzipf(void)
{
	const char *w;
	size_t i;

	for (;;) {
		w = zipfword();
		for (i = 0; i < NELEM(reporting); i++)
			if (strcmp(w, reporting[i]) == 0)
				break;
		if (i == NELEM(reporting))
			return w;
	}
}

static void
firm(void)
{
	adds(PICK(firms));
	addc(' ');
	adds(PICK(firmends));
}

static void
newperson(struct person *p)
{
	p->she = chance(0.4);
	p->first = p->she ? PICK(women) : PICK(men);
	p->last = PICK(surnames);
	p->jr = !p->she && chance(0.12);
}

static void
addname(const struct person *p)
{
	adds(p->first);
	addc(' ');
	adds(p->last);
	if (p->jr)
		adds(" Jr.");
}

static void
wnumber(void)
{
	switch (below(5)) {
	case 0:
		addpair("%u.%u pct", 1, 40, 10);
		break;
	case 1:
		addpair("%u.%u mln dlrs", 1, 999, 10);
		break;
	case 2:
		addfmt("%u billion dlrs", between(2, 90));
		break;
	case 3:
		addpair("%u,%03u", 1, 99, 1000);
		break;
	default:
		addnum(between(1990, 2025));
	}
}

/* One word of wire text, or a few that go together (in March, U.S. trade). */
static void
wword(void)
{
	unsigned x = below(1000);

	if (x < 30)
		adds(PICK(numwords));
	else if (x < 50)
		wnumber();
	else if (x < 62) {
		adds("in ");
		adds(PICK(months));
	} else if (x < 72) {
		adds("on ");
		adds(PICK(weekdays));
	} else if (x < 84)
		adds(PICK(countries));
	else if (x < 96) {
		adds(chance(0.7) ? "U.S. " : "U.K. ");
		adds(wzipf());
	} else if (x < 106) {
		firm();
		addc(' ');
		adds(wzipf());
	} else
		adds(wzipf());
}

/* A run of words; it never ends at an abbreviation, which a word follows. */
static void
wclause(unsigned lo, unsigned hi)
{
	unsigned i, n = between(lo, hi);

	for (i = 0; i < n; i++) {
		if (i > 0)
			adds(chance(0.05) ? ", " : " ");
		wword();
	}
}

static void
narrative(void)
{
	size_t at = art.n;

	wclause(5, 16);
	capital(at);
	addc('.');
}

/* A sentence that opens with a word that opens sentences. */
static void
opener(void)
{
	adds(PICK(openers));
	addc(' ');
	wclause(4, 12);
	addc('.');
}

/* Ends a sentence; says whether an abbreviation's stop ended it. */
static int
stop(void)
{
	if (art.p[art.n - 1] == '.')
		return ABBR;
	addc('.');
	return 0;
}

static void
qsentence(void)
{
	size_t at = art.n;

	wclause(4, 14);
	capital(at);
}

/* A quotation of one or two sentences, the last ended by end. */
static void
quotation(const char *end)
{
	addc('"');
	qsentence();
	if (chance(0.3)) {
		adds(". ");
		qsentence();
	}
	adds(end);
	addc('"');
}

static void
onday(void)
{
	adds(" said on ");
	adds(PICK(weekdays));
	addc(' ');
	wclause(4, 10);
	addc('.');
}

/* "...," said Jane Doe, an analyst at Acme Corp. in Japan. */
static int
saidname(void)
{
	newperson(&who);
	quotation(",");
	adds(" said ");
	addname(&who);
	if (chance(0.6)) {
		adds(", ");
		adds(PICK(jobs));
		addc(' ');
		firm();
		adds(" in ");
		adds(PICK(countries));
	}
	return FOLLOW | stop();
}

/* "...," Jane Doe said.  "...," Jane Doe, a trader at Acme Co., added. */
static int
namesaid(void)
{
	newperson(&who);
	quotation(",");
	addc(' ');
	addname(&who);
	if (chance(0.3)) {
		adds(", ");
		adds(PICK(jobs));
		addc(' ');
		firm();
		addc(',');
	}
	addc(' ');
	adds(PICK(wsays));
	addc('.');
	return FOLLOW;
}

/* Jane Doe said on Monday ...  "...," she added. */
static int
pronoun(void)
{
	newperson(&who);
	addname(&who);
	onday();
	addc(' ');
	if (chance(0.3)) {
		adds(who.she ? "She" : "He");
		adds(" warned that ");
		wclause(3, 8);
		adds(" \"");
		wclause(1, 4);
		adds("\".");
		return 0;
	}
	quotation(",");
	adds(who.she ? " she " : " he ");
	adds(PICK(wsays));
	addc('.');
	return FOLLOW;
}

/* "...," a spokesman said.  "...," the ministry said in a statement. */
static int
npdet(void)
{
	unsigned x = below(4), b = below(NELEM(bodies));
	size_t at = art.n;

	if (x == 2) {
		adds(bodies[b].full);
		capital(at);
		onday();
		addc(' ');
	}
	quotation(",");
	addc(' ');
	if (x == 0) {
		adds(PICK(spokes));
		adds(" said.");
	} else if (x == 1) {
		adds("said ");
		adds(PICK(spokes));
		adds(" for ");
		adds(bodies[b].full);
		addc('.');
	} else if (x == 2) {
		adds(bodies[b].brief);
		adds(" said in a statement.");
	} else {
		adds(bodies[b].full);
		adds(" said.");
	}
	return FOLLOW;
}

/* "...," Acme chairman John Doe said.  "...," consultancy 4Cast said. */
static int
nptitle(void)
{
	newperson(&who);
	quotation(",");
	addc(' ');
	switch (below(4)) {
	case 0:
		adds(PICK(firms));
		adds(" chairman ");
		addname(&who);
		adds(" said");
		break;
	case 1:
		adds("consultancy ");
		adds(PICK(consults));
		adds(" said in a note");
		break;
	case 2:
		adds("said ");
		firm();
		adds(" chief executive ");
		addname(&who);
		break;
	default:
		adds("U.S. Trade Representative ");
		addname(&who);
		adds(" told reporters");
	}
	return FOLLOW | stop();
}

/* Acme Inc. said on Monday ...  "...," it said. */
static int
itsaid(void)
{
	if (chance(0.25)) {
		adds("Analysts at ");
		firm();
		adds(" said ");
		wclause(4, 10);
		adds(". ");
		quotation(",");
		adds(" they wrote in a note.");
		return 0;
	}
	firm();
	onday();
	addc(' ');
	quotation(",");
	adds(chance(0.5) ? " it said." : " it said in a statement.");
	return FOLLOW;
}

/*
 * Jane Doe told reporters: "..."  He added: "..."  The ministry said in a
 * statement: "..."  A name often follows in the next sentence: it is not
 * the speaker.
 */
static int
colon(void)
{
	unsigned x = below(3);
	size_t at = art.n;
	struct person other;

	newperson(&who);
	if (x == 0) {
		addname(&who);
		adds(" told reporters: ");
	} else if (x == 1) {
		addname(&who);
		onday();
		adds(who.she ? " She added: " : " He added: ");
	} else {
		adds(bodies[below(NELEM(bodies))].full);
		capital(at);
		adds(" said in a statement: ");
	}
	quotation(".");
	if (chance(0.6)) {
		newperson(&other);
		addc(' ');
		addname(&other);
		adds(", ");
		adds(PICK(jobs));
		addc(' ');
		firm();
		adds(", said ");
		wclause(4, 10);
		addc('.');
	}
	return 0;
}

/* The Nikkei newspaper quoted John Doe as saying "..." */
static int
quotedas(void)
{
	unsigned x = below(3);

	newperson(&who);
	if (x == 0) {
		adds("The ");
		adds(PICK(papers));
		adds(" newspaper quoted ");
		addname(&who);
		adds(" as saying ");
		quotation(".");
	} else if (x == 1) {
		quotation(",");
		adds(" the ");
		adds(PICK(newsagencies));
		adds(" news agency quoted ");
		addname(&who);
		adds(" as saying.");
	} else {
		adds(PICK(newsagencies));
		adds(" quoted a ministry official as saying: ");
		quotation(".");
	}
	return FOLLOW;
}

/* Quotation marks around a word or two that nobody is quoted as saying. */
static int
scare(void)
{
	size_t at = art.n;
	unsigned i, n = between(1, 3);

	wclause(3, 10);
	capital(at);
	adds(chance(0.5) ? " the so-called \"" : " a \"");
	for (i = 0; i < n; i++) {
		if (i > 0)
			addc(' ');
		adds(wzipf());
	}
	adds("\" ");
	wclause(3, 8);
	addc('.');
	return 0;
}

/* A quotation that runs on into the next paragraph, reopened by a mark. */
static int
overbreak(void)
{
	newperson(&who);
	if (chance(0.5)) {
		addname(&who);
		adds(" said: \"");
		qsentence();
		adds(".\n\"");
		qsentence();
		adds(".\"");
		return 0;
	}
	addc('"');
	qsentence();
	adds(".\n\"");
	qsentence();
	adds(",\" said ");
	addname(&who);
	return stop();
}

/* A quotation whose speaker was named three sentences before: none. */
static int
far(void)
{
	newperson(&who);
	addname(&who);
	onday();
	addc(' ');
	narrative();
	addc(' ');
	narrative();
	addc('\n');
	quotation(".");
	return 0;
}

/* John Doe said the plan was "..." and ... */
static int
partial(void)
{
	newperson(&who);
	addname(&who);
	adds(" said the ");
	adds(wzipf());
	adds(" was \"");
	wclause(1, 4);
	adds("\" and ");
	wclause(3, 8);
	addc('.');
	return 0;
}

/* A sentence that ends in an abbreviation, and one that opens after it. */
static void
abbrevend(void)
{
	static const char *const ends[] = {
		"with the U.S.", "in the U.S.", "to the U.K.", "from the U.K.",
	};
	struct person p;
	size_t at = art.n;
	unsigned x = below(3);

	wclause(5, 12);
	capital(at);
	addc(' ');
	if (x == 0)
		adds(PICK(ends));
	else if (x == 1) {
		adds("from ");
		firm();
	} else {
		newperson(&p);
		p.first = PICK(men);
		p.jr = 1;
		adds("by ");
		addname(&p);
	}
	addc(' ');
	opener();
}

/* One paragraph of a story after its lead, ended by a newline. */
static void
beat(void)
{
	static int (*const frames[])(void) = {
		saidname, namesaid, pronoun, npdet, nptitle, itsaid, colon,
		quotedas, scare, overbreak, far, partial,
	};
	unsigned x = below(100);
	int f;

	if (x < 25) {
		narrative();
		if (chance(0.4)) {
			addc(' ');
			narrative();
		}
	} else if (x < 40)
		abbrevend();
	else {
		f = PICK(frames)();
		if (f & ABBR) {
			addc(' ');
			opener();
		} else if ((f & FOLLOW) && chance(0.4)) {
			addc(' ');
			quotation(".");
		}
	}
	addc('\n');
}

/* The first paragraph; the dateline goes before it when it is written. */
static void
lead(long day)
{
	size_t at = art.n;

	switch (below(3)) {
	case 0:
		firm();
		break;
	case 1:
		adds(bodies[below(NELEM(bodies))].full);
		capital(at);
		break;
	default:
		wclause(6, 12);
		capital(at);
		adds(", officials");
	}
	adds(" said on ");
	adds(weekdays[day % 7]);
	addc(' ');
	wclause(6, 14);
	adds(".\n");
}

static void
money(void)
{
	if (chance(0.4))
		addfmt("%u cts", between(1, 99));
	else
		addpair("%u.%02u dlrs", 1, 9, 100);
}

static void
amount(void)
{
	if (chance(0.5))
		addpair("%u.%u mln", 1, 999, 10);
	else
		addpair("%u,%03u,000", 1, 999, 1000);
}

/* The lines of an earnings report, each a paragraph. */
static void
table(void)
{
	static const char *const periods[] = {
		"Year", "Nine mths", "Six mths"
	};
	unsigned i, n = 1 + chance(0.5);

	for (i = 0; i < n; i++) {
		if (i > 0) {
			adds(PICK(periods));
			addc('\n');
		}
		adds(chance(0.2) ? "Shr loss " : "Shr ");
		money();
		adds(" vs ");
		money();
		if (chance(0.3)) {
			adds("\nOper shr ");
			money();
			adds(" vs ");
			money();
		}
		adds("\nNet ");
		amount();
		adds(" vs ");
		amount();
		adds("\nRevs ");
		amount();
		adds(" vs ");
		amount();
		if (chance(0.5)) {
			adds("\nAvg shrs ");
			amount();
			adds(" vs ");
			amount();
		}
		addc('\n');
	}
	if (chance(0.3)) {
		adds("NOTE: Per share figures adjusted for a two-for-one "
		    "split in ");
		adds(PICK(months));
		adds(".\n");
	}
}

/* ACME CORP <ACME> 4TH QTR NET, the title of an earnings report. */
static void
tabletitle(int brief)
{
	static const char *const what[] = {
		"1ST QTR NET", "2ND QTR NET", "3RD QTR NET", "4TH QTR NET",
		"YEAR NET",
	};
	static const char *const news[] = {
		"SETS QUARTERLY DIVIDEND", "RAISES DIVIDEND",
		"COMPLETES ACQUISITION", "SEES HIGHER PROFITS",
		"NAMES NEW CHAIRMAN",
	};
	const char *f = PICK(firms), *e = PICK(firmends);
	size_t at = art.n, i;

	adds(f);
	addc(' ');
	add(e, strlen(e) - 1);
	adds(" <");
	add(f, 4);
	adds("> ");
	for (i = at; i < art.n; i++)
		if (art.p[i] >= 'a' && art.p[i] <= 'z')
			art.p[i] = (char)(art.p[i] - 'a' + 'A');
	adds(brief ? PICK(news) : PICK(what));
}

static void
storytitle(void)
{
	size_t at = art.n;
	unsigned i, n = between(3, 7);

	if (chance(0.5)) {
		adds(PICK(firms));
		addc(' ');
	} else if (chance(0.3))
		adds("U.S. ");
	for (i = 0; i < n; i++) {
		if (i > 0)
			addc(' ');
		adds(chance(0.1) ? PICK(numwords) : wzipf());
	}
	capital(at);
}

static void
wbyline(void)
{
	struct person p;
	unsigned x = below(10);

	if (x < 5)
		return;
	newperson(&p);
	p.jr = 0;
	addname(&p);
	if (x == 9) {
		adds(" and ");
		newperson(&p);
		p.jr = 0;
		addname(&p);
	}
}

static void
reporter(void)
{
	struct person p;

	newperson(&p);
	p.jr = 0;
	addname(&p);
}

/* (Reporting by Jane Doe in Tokyo; Editing by John Roe) */
static void
credit(void)
{
	adds("(Reporting by ");
	reporter();
	if (chance(0.4)) {
		adds(" in ");
		adds(PICK(towns));
	}
	if (chance(0.3)) {
		adds("; Additional reporting by ");
		reporter();
	}
	if (chance(0.3)) {
		adds("; Writing by ");
		reporter();
	}
	adds("; Editing by ");
	reporter();
	addc(')');
}

/* The last paragraph: the agency's sign-off, a credit line, or none. */
static void
signoff(enum agency ag)
{
	static const char *const reuter[] = {
		"Reuter", "REUTER", "(Reuters)", "-- Reuters"
	};
	unsigned x = below(100);

	if (x < 12)
		return;
	if (ag == AP)
		adds(x < 60 ? "AP" : "(AP)");
	else if (ag == AFP)
		adds(x < 60 ? "AFP" : "(AFP)");
	else if (x < 60)
		adds(PICK(reuter));
	else
		credit();
}

/* Draws a story; every draw is made here, so that -w and -r agree. */
static void
draw(struct story *s, long day)
{
	unsigned x = below(100);

	s->day = day;
	s->kind = x < 8 ? BRIEF : x < 20 ? TABLE : STORY;
	s->agency = s->kind != STORY || x < 64 ? REUTERS : x < 82 ? AP : AFP;
	s->city = below(NELEM(cities));
	s->csecs = below(8640000);
	s->topic = s->kind == TABLE ? 0 : below(NELEM(topics));
	s->test = chance(0.3);
	s->wrapped = chance(0.25);
	s->ctl = chance(0.15) ? between(1, NELEM(ctlrefs)) : 0;
	s->ctlat = unit();
	if (s->kind == STORY)
		storytitle();
	else
		tabletitle(s->kind == BRIEF);
	take(&s->title, 0);
	if (s->kind == STORY)
		wbyline();
	take(&s->byline, 0);
	if (s->kind == STORY) {
		lead(day);
		for (x = between(3, 8); x > 0; x--)
			beat();
	} else if (s->kind == TABLE)
		table();
	take(&s->body, 0);
	if (s->kind == STORY)
		signoff(s->agency);
	else if (s->kind == TABLE && chance(0.9))
		adds(chance(0.7) ? "Reuter" : "REUTER");
	take(&s->signoff, 0);
}

/* LONDON, March 3 (Reuters) - ; without the agency in SGML. */
static void
dateline(const struct story *s, int sgml)
{
	int y, m, d;

	civil(s->day, &y, &m, &d);
	adds(cities[s->city].name);
	if (s->agency == AP && !sgml) {
		adds(" (AP) — ");
		return;
	}
	addfmt(", %s %d", monabbr[m - 1], d);
	if (sgml)
		adds(" - ");
	else
		adds(s->agency == AFP ? " (AFP) - " : " (Reuters) - ");
}

/* The story as article text. */
static void
wtext(const struct story *s)
{
	const char *p = s->body.p, *end = p + s->body.n, *nl;
	size_t at;
	int y, m, d;

	civil(s->day, &y, &m, &d);
	addfmt("date %04d-%02d-%02d ", y, m, d);
	add(s->title.p, s->title.n);
	addc('\n');
	if (s->kind == BRIEF)
		return;
	addc('\n');
	if (s->byline.n > 0) {
		adds("By ");
		add(s->byline.p, s->byline.n);
		adds("\n\n");
	}
	for (; p < end; p = nl + 1) {
		nl = memchr(p, '\n', (size_t)(end - p));
		at = art.n;
		if (p == s->body.p)
			dateline(s, 0);
		add(p, (size_t)(nl - p));
		if (s->wrapped)
			wrap(at);
		adds(nl + 1 < end ? "\n\n" : "\n");
	}
	if (s->signoff.n > 0) {
		addc('\n');
		add(s->signoff.p, s->signoff.n);
		addc('\n');
	}
}

/*
 * Adds text as SGML text: & and < as references, letters in upper case
 * when up is set, and the reference ref before the byte at refat.
 */
static void
addesc(const char *p, size_t n, int up, const char *ref, const char *refat)
{
	size_t i;
	int c;

	for (i = 0; i < n; i++) {
		if (p + i == refat)
			adds(ref);
		c = (unsigned char)p[i];
		if (c == '&')
			adds("&amp;");
		else if (c == '<')
			adds("&lt;");
		else
			addc(up && c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
	}
}

/* The start of a <REUTERS> element, up to the text. */
static void
sgmlhead(const struct story *s, unsigned long no)
{
	const char *t = s->title.p, *end = t + s->title.n;
	unsigned secs = s->csecs / 100, words = 1;
	int y, m, d, dash = 0;
	size_t i;

	civil(s->day, &y, &m, &d);
	addfmt("<REUTERS TOPICS=\"%s\" LEWISSPLIT=\"%s\" ", s->topic ||
	    s->kind == TABLE ? "YES" : "NO", s->test ? "TEST" : "TRAIN");
	addfmt("CGISPLIT=\"TRAINING-SET\" OLDID=\"%lu\" NEWID=\"%lu\">\n",
	    5544 + no, no + 1);
	addfmt("<DATE>%2d-%s-%04d ", d, monupper[m - 1], y);
	addfmt("%02u:%02u:%02u.%02u</DATE>\n<TOPICS>", secs / 3600,
	    secs / 60 % 60, secs % 60, s->csecs % 100);
	if (s->kind == TABLE)
		adds("<D>earn</D>");
	else if (s->topic)
		addfmt("<D>%s</D>", topics[s->topic]);
	addfmt("</TOPICS>\n<PLACES><D>%s</D></PLACES>\n", cities[s->city].code);
	adds("<PEOPLE></PEOPLE>\n<ORGS></ORGS>\n<EXCHANGES></EXCHANGES>\n"
	    "<COMPANIES></COMPANIES>\n<UNKNOWN> \n&#5;&#5;&#5;F\n");
	addfmt("&#22;&#22;&#1;f%04lu&#31;reute\nr f BC-", no % 10000);
	/* The slug: the first words of the title. */
	for (; t < end; t++)
		if (*t == ' ' && ++dash == 2)
			break;
		else if (*t == ' ')
			addc('-');
		else if (*t != '<' && *t != '>' && *t != '.')
			addc(*t >= 'a' && *t <= 'z' ? *t - 'a' + 'A' : *t);
	for (i = 0; i < s->body.n; i++)
		words += s->body.p[i] == ' ' || s->body.p[i] == '\n';
	addfmt("   %02d-%02d %04u</UNKNOWN>\n", m, d, words > 9999 ? 9999 :
	    words);
}

/*
 * The story as Reuters-21578 has it: the text wrapped, each paragraph
 * after the first indented, the sign-off on a line of its own after a
 * space, &#2; and &#3; around the text, and a brief's body the
 * collection's placeholder.
 */
static void
wsgml(const struct story *s, unsigned long no)
{
	const char *p = s->body.p, *end = p + s->body.n, *nl, *refat = NULL;
	size_t at;

	sgmlhead(s, no);
	if (s->kind == BRIEF) {
		adds("<TEXT TYPE=\"BRIEF\">&#2;\n******<TITLE>");
		addesc(s->title.p, s->title.n, 1, NULL, NULL);
		adds("</TITLE>\nBlah blah blah.\n&#3;\n\n</TEXT>\n</REUTERS>\n");
		return;
	}
	adds("<TEXT>&#2;\n<TITLE>");
	addesc(s->title.p, s->title.n, 1, NULL, NULL);
	adds("</TITLE>\n");
	if (s->byline.n > 0) {
		adds("<AUTHOR>    By ");
		addesc(s->byline.p, s->byline.n, 0, NULL, NULL);
		adds(", Reuters</AUTHOR>\n");
	}
	/* A control character reference after a word, where it fell. */
	if (s->ctl > 0)
		refat = memchr(p + (size_t)(s->ctlat * (double)s->body.n), ' ',
		    s->body.n - (size_t)(s->ctlat * (double)s->body.n));
	adds("<DATELINE>    ");
	dateline(s, 1);
	adds("</DATELINE><BODY>");
	for (; p < end; p = nl + 1) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (p > s->body.p)
			adds("\n    ");
		at = art.n;
		addesc(p, (size_t)(nl - p), 0, s->ctl > 0 ?
		    ctlrefs[s->ctl - 1] : NULL, refat);
		wrapat(at, 64);
	}
	if (s->signoff.n > 0) {
		adds("\n ");
		at = art.n;
		addesc(s->signoff.p, s->signoff.n, 0, NULL, NULL);
		wrapat(at, 64);
	}
	adds("\n&#3;</BODY></TEXT>\n</REUTERS>\n");
}

/* Writes n wire stories, as article text or, with sgml, as SGML. */
static void
wstream(unsigned long n, int crlf, int sgml)
{
	static struct story s;
	unsigned long i;

	for (i = 0; i < n; i++) {
		draw(&s, dayof(i, n));
		if (sgml && i == 0)
			adds("<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n");
		if (sgml)
			wsgml(&s, i);
		else {
			if (i > 0)
				addc('\n');
			wtext(&s);
		}
		emit(crlf);
	}
	if (fwrite(out.p, 1, out.n, stdout) != out.n || fflush(stdout) == EOF)
		err(2, "write error");
}

/*
 * Name lists (-a, -p): the watch lists of the benchmarks of artgrep -f,
 * one name a line, checked against the file they are for.
 *
 * -a writes names that occur nowhere in the file, in any case: a first
 * name of the stream's and a surname made of the syllables of its made-up
 * words, kept when the surname, its ASCII letters folded, is nowhere in
 * the file folded so.  Folding only ASCII is enough for the streams gen
 * writes: they hold no letter whose fold is an ASCII one but those
 * letters themselves (no Kelvin sign, no long s).  Each name has a
 * surname of its own.
 *
 * -p writes names that occur in the file as they are written: pairs of
 * places joined by an en dash (Kharkiv–Odesa), as titles and text have
 * them, then first and last names when there are too few of those.  A
 * pair of places stands in about one article in a thousand, so that a
 * list of a thousand finds a little more than half of the articles of a
 * stream (a first and last name, in one in two hundred, would find them
 * all).
 *
 * The candidates are drawn in an order that the seed alone sets, so that
 * a list is the beginning of a longer one for the same file and seed.
 */

#define NBATCH		4096	/* surnames looked for in one pass */
#define SURNAME_MAX	32	/* bytes of a surname, its NUL among them */

/* Reads a whole file into t. */
static void
slurp(const char *path, struct text *t)
{
	FILE *fp;
	size_t r;

	if ((fp = fopen(path, "rb")) == NULL)
		err(2, "%s", path);
	do {
		grow(t, (size_t)1 << 20);
		r = fread(t->p + t->n, 1, t->cap - t->n, fp);
		t->n += r;
	} while (r > 0);
	if (ferror(fp))
		err(2, "%s", path);
	fclose(fp);
}

static void
foldascii(char *p, size_t n)
{
	for (; n > 0; p++, n--)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
}

/* The 4 bytes at p as a number: the key of the table of occur(). */
static uint32_t
key4(const char *p)
{
	uint32_t k;

	memcpy(&k, p, sizeof(k));
	return k;
}

/*
 * Marks in hit each of the n strings, 4 bytes long at least, that occurs
 * in the text: one pass over it, which looks up the 4 bytes at each place
 * in a table of the strings' first 4.
 */
static void
occur(const struct text *t, char *const *s, size_t n, unsigned char *hit)
{
	size_t bits = 1, i, mask, *len;
	long *head, *next, j;
	uint32_t k;

	while (((size_t)1 << bits) < 2 * n)
		bits++;
	mask = ((size_t)1 << bits) - 1;
	head = malloc((mask + 1) * sizeof(*head));
	next = malloc(n * sizeof(*next));
	len = malloc(n * sizeof(*len));
	if (head == NULL || next == NULL || len == NULL)
		err(2, NULL);
	for (i = 0; i <= mask; i++)
		head[i] = -1;
	for (i = 0; i < n; i++) {
		len[i] = strlen(s[i]);
		k = (key4(s[i]) * 2654435761u) >> (32 - bits);
		next[i] = head[k];
		head[k] = (long)i;
		hit[i] = 0;
	}
	for (i = 0; i + 4 <= t->n; i++) {
		k = key4(t->p + i);
		for (j = head[(k * 2654435761u) >> (32 - bits)]; j != -1;
		    j = next[j])
			if (!hit[j] && key4(s[j]) == k &&
			    len[j] <= t->n - i &&
			    memcmp(t->p + i, s[j], len[j]) == 0)
				hit[j] = 1;
	}
	free(head);
	free(next);
	free(len);
}

/* Makes up a surname of 2 or 3 syllables, 5 bytes long at least. */
static void
surname(char *s)
{
	const char *o, *v, *c;
	size_t n;
	unsigned k;

	do {
		n = 0;
		for (k = between(2, 3); k > 0; k--) {
			o = PICK(onsets);
			v = PICK(nuclei);
			c = PICK(codas);
			n += (size_t)snprintf(s + n, SURNAME_MAX - n, "%s%s%s",
			    o, v, c);
		}
	} while (n < 5);
	s[0] = (char)(s[0] - 'a' + 'A');
}

/* FNV-1a, for the set of the surnames written. */
static size_t
strhash(const char *s)
{
	uint32_t h = 2166136261u;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

/*
 * Adds a string to a set of room slots (a power of 2, more than the
 * strings it will hold); returns 0 when it was there already.
 */
static int
setadd(char **set, size_t room, const char *s)
{
	size_t i;

	for (i = strhash(s) & (room - 1); set[i] != NULL;
	    i = (i + 1) & (room - 1))
		if (strcmp(set[i], s) == 0)
			return 0;
	if ((set[i] = strdup(s)) == NULL)
		err(2, NULL);
	return 1;
}

/* -a: count names that the text does not hold, in any case. */
static void
absent(struct text *t, unsigned long count)
{
	static char sur[NBATCH][SURNAME_MAX], fold[NBATCH][SURNAME_MAX];
	static const char *first[NBATCH];
	static char *cand[NBATCH];
	static unsigned char hit[NBATCH];
	unsigned long done = 0, before;
	size_t i, room = 2;
	char **set;

	while (room <= 2 * count)
		room *= 2;
	if ((set = calloc(room, sizeof(*set))) == NULL)
		err(2, NULL);
	foldascii(t->p, t->n);
	while (done < count) {
		before = done;
		for (i = 0; i < NBATCH; i++) {
			first[i] = PICK(firsts);
			surname(sur[i]);
			memcpy(fold[i], sur[i], SURNAME_MAX);
			foldascii(fold[i], strlen(fold[i]));
			cand[i] = fold[i];
		}
		occur(t, cand, NBATCH, hit);
		for (i = 0; i < NBATCH && done < count; i++)
			if (!hit[i] && setadd(set, room, fold[i])) {
				printf("%s %s\n", first[i], sur[i]);
				done++;
			}
		if (done == before)
			errx(2, "-a %lu: none of %d surnames drawn is "
			    "absent from the file", count, NBATCH);
	}
	for (i = 0; i < room; i++)
		free(set[i]);
	free(set);
}

/* Appends to the pool the name a, sep, b. */
static void
pooladd(char **pool, size_t *n, const char *a, const char *sep,
    const char *b)
{
	size_t len = strlen(a) + strlen(sep) + strlen(b) + 1;

	if ((pool[*n] = malloc(len)) == NULL)
		err(2, NULL);
	snprintf(pool[(*n)++], len, "%s%s%s", a, sep, b);
}

/* Puts the n names in an order drawn from the seed. */
static void
shuffle(char **s, size_t n)
{
	size_t i, j;
	char *x;

	for (i = n; i > 1; i--) {
		j = below((unsigned)i);
		x = s[i - 1];
		s[i - 1] = s[j];
		s[j] = x;
	}
}

/* -p: count names that the text holds. */
static void
present(const struct text *t, unsigned long count)
{
	static char *pool[NELEM(places) * NELEM(places) +
	    NELEM(firsts) * NELEM(lasts)];
	static unsigned char hit[NELEM(pool)];
	unsigned long done = 0;
	size_t a, b, n = 0, npair;

	for (a = 0; a < NELEM(places); a++)
		for (b = 0; b < NELEM(places); b++)
			if (a != b)
				pooladd(pool, &n, places[a], "–", places[b]);
	npair = n;
	for (a = 0; a < NELEM(firsts); a++)
		for (b = 0; b < NELEM(lasts); b++)
			pooladd(pool, &n, firsts[a], " ", lasts[b]);
	shuffle(pool, npair);
	shuffle(pool + npair, n - npair);
	occur(t, pool, n, hit);
	for (a = 0; a < n; a++)
		done += hit[a];
	if (done < count)
		errx(2, "-p %lu: only %lu of the names occur in the file",
		    count, done);
	for (a = 0, done = 0; a < n && done < count; a++)
		if (hit[a]) {
			printf("%s\n", pool[a]);
			done++;
		}
	for (a = 0; a < n; a++)
		free(pool[a]);
}

/* -a, -p: the list of count names for the file at path. */
static void
names(int which, unsigned long count, const char *path)
{
	struct text t = { NULL, 0, 0 };

	slurp(path, &t);
	if (which == 'a')
		absent(&t, count);
	else
		present(&t, count);
	free(t.p);
	if (fflush(stdout) == EOF || ferror(stdout))
		err(2, "write error");
}

/* The number of an option, or the end of the run with the message what. */
static unsigned long
optnum(const char *s, const char *what)
{
	unsigned long v;
	char *end;

	v = strtoul(s, &end, 10);
	if (*end != '\0' || *s == '\0')
		errx(2, "%s", what);
	return v;
}

int
main(int argc, char *argv[])
{
	unsigned long n = 1000, seed = 1, count = 0;
	double badp = 0;
	int c, crlf = 0, wire = 0, sgml = 0, nflag = 0, list = 0;
	char *end;

	while ((c = getopt(argc, argv, "a:b:chn:p:rs:w")) != -1) {
		switch (c) {
		case 'a':
		case 'p':
			if (list != 0 && list != c)
				errx(2, "-a and -p cannot be used together");
			list = c;
			count = optnum(optarg, "-a and -p take a number of "
			    "names");
			break;
		case 'b':
			badp = strtod(optarg, &end);
			if (*end != '\0' || !(badp >= 0 && badp <= 1))
				errx(2, "-b takes a fraction from 0 to 1");
			break;
		case 'c':
			crlf = 1;
			break;
		case 'n':
			n = optnum(optarg, "-n takes a number of articles");
			nflag = 1;
			break;
		case 'r':
			wire = sgml = 1;
			break;
		case 's':
			seed = optnum(optarg, "-s takes a number");
			break;
		case 'w':
			wire = 1;
			break;
		default:
			usage();
		}
	}
	if (list != 0) {
		if (optind + 1 != argc || wire || crlf || nflag || badp > 0)
			usage();
		rstate = seed;
		names(list, count, argv[optind]);
		return 0;
	}
	if (optind != argc)
		usage();
	if (wire && badp > 0)
		errx(2, "-b spoils the default stories; it cannot be used "
		    "with -r or -w");
	rstate = VOCAB_SEED;
	mkvocab();
	rstate = seed;
	if (wire)
		wstream(n, crlf, sgml);
	else
		stream(n, badp, crlf);
	return 0;
}
