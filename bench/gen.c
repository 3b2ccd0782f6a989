/*
 * gen: writes a deterministic stream of news articles in the article text
 * format, for the benchmarks and for tests that need large or messy input.
 *
 * usage: gen [-c] [-b fraction] [-n articles] [-s seed]
 *
 * Each article has a header line with a date that moves forward through
 * the stream, a byline of one of several shapes (or none), and 3 to 25
 * paragraphs of sentences whose words are drawn Zipf-like from a fixed
 * vocabulary, with names, places, numbers, curly quotes and dashes.  Some
 * articles are hard-wrapped.  -b makes a fraction of the articles
 * malformed in one of the ways real streams are; -c writes CRLF line ends.
 * The same options give the same bytes on any machine.
 */
#include <err.h>
#include <math.h>
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

/* Breaks the paragraph that starts at an offset into lines of WRAP. */
static void
wrap(size_t at)
{
	size_t i, col = 0, lastsp = 0;

	for (i = at; i < art.n; i++, col++) {
		if (art.p[i] == ' ')
			lastsp = i;
		if (col >= WRAP && lastsp > i - col) {
			art.p[lastsp] = '\n';
			col = i - lastsp - 1;
		}
	}
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
	fprintf(stderr, "usage: gen [-c] [-b fraction] [-n articles] "
	    "[-s seed]\n");
	exit(2);
}

/*
 * Writes n articles whose dates move forward over three years from
 * 2023-01-01, with a few weeks of jitter, as in a feed.
 */
static void
stream(unsigned long n, double badp, int crlf)
{
	const long start = 19358, span = 3 * 365;
	unsigned long i;
	enum bad kind;
	long day;

	for (i = 0; i < n; i++) {
		day = start + (long)((double)span * (double)i / (double)n) +
		    (long)between(0, 40) - 20;
		day = day < start ? start : day >= start + span ?
		    start + span - 1 : day;
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

int
main(int argc, char *argv[])
{
	unsigned long n = 1000, seed = 1;
	double badp = 0;
	int c, crlf = 0;
	char *end;

	while ((c = getopt(argc, argv, "b:chn:s:")) != -1) {
		switch (c) {
		case 'b':
			badp = strtod(optarg, &end);
			if (*end != '\0' || !(badp >= 0 && badp <= 1))
				errx(2, "-b takes a fraction from 0 to 1");
			break;
		case 'c':
			crlf = 1;
			break;
		case 'n':
			n = strtoul(optarg, &end, 10);
			if (*end != '\0' || *optarg == '\0')
				errx(2, "-n takes a number of articles");
			break;
		case 's':
			seed = strtoul(optarg, &end, 10);
			if (*end != '\0' || *optarg == '\0')
				errx(2, "-s takes a number");
			break;
		default:
			usage();
		}
	}
	if (optind != argc)
		usage();
	rstate = VOCAB_SEED;
	mkvocab();
	rstate = seed;
	stream(n, badp, crlf);
	return 0;
}
