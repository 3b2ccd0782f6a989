/*
 * Bylines: who wrote an article and for whom.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "byline.h"
#include "text.h"

/* News agencies and wire services that stand alone in a byline. */
static const char *const agencies[] = {
	"Agence France-Presse", "Agencies", "Al Jazeera", "ANSA", "AP",
	"AFP", "Anadolu", "Associated Press", "BBC", "Bloomberg", "CNN",
	"dpa", "EFE", "IANS", "Interfax", "Kyodo", "News Agencies", "PA",
	"Press Association", "PTI", "Reuters", "RIA Novosti", "Sputnik",
	"TASS", "UPI", "Wire Services", "Wires", "Xinhua", "Yonhap"
};

/* Words that make a part a role rather than a name. */
static const char *const roles[] = {
	"analyst", "columnist", "contributor", "correspondent",
	"correspondents", "desk", "editor", "editors", "newsroom", "reporter",
	"reporters", "staff", "team", "wire", "writer", "writers"
};

/* Lower-case words that may stand inside a name. */
static const char *const particles[] = {
	"al", "bin", "da", "das", "de", "del", "della", "den", "der", "di",
	"dos", "du", "ibn", "la", "le", "van", "von"
};

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

static int
member(const char *const *list, size_t len, const char *w, size_t n)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (strlen(list[i]) == n && strncasecmp(list[i], w, n) == 0)
			return 1;
	return 0;
}

static int
isspace_(int c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' ||
	    c == '\v';
}

/* The next word of p..end, as white space separates them: 1 or 0. */
static int
nextword(const char **p, const char *end, const char **w, size_t *n)
{
	const char *q = *p;

	while (q < end && isspace_((unsigned char)*q))
		q++;
	if (q == end)
		return 0;
	*w = q;
	while (q < end && !isspace_((unsigned char)*q))
		q++;
	*n = (size_t)(q - *w);
	*p = q;
	return 1;
}

static int
add(struct buf *b, const char *p, size_t n)
{
	if (b->n > 0 && buf_addc(b, '|') == -1)
		return -1;
	return buf_add(b, p, n);
}

/*
 * Tells whether a word is an acronym: two or more capitals (of any
 * script), nothing else.
 */
static int
acronym(const char *w, size_t n)
{
	const char *end = w + n;
	size_t k = 0;
	uint32_t c;

	for (; w < end; k++) {
		w += text_decode(w, end, &c);
		if (!text_isupper(c))
			return 0;
	}
	return k >= 2;
}

static int
capitalised(const char *w, size_t n)
{
	uint32_t c;

	text_decode(w, w + n, &c);
	return text_isupper(c);
}

#define MAXWORDS	8

struct words {
	const char	*w[MAXWORDS];
	size_t		 n[MAXWORDS];
	size_t		 nw;
};

/* Roles that, after a name, make that name an agency: AFP staff. */
static int
grouprole(const char *w, size_t n)
{
	return member(roles, NELEM(roles), w, n) && (w[n - 1] == 's' ||
	    w[n - 1] == 'S' || strncasecmp(w, "staff", n) == 0 ||
	    strncasecmp(w, "wire", n) == 0 || strncasecmp(w, "desk", n) == 0 ||
	    strncasecmp(w, "newsroom", n) == 0 || strncasecmp(w, "team", n) == 0);
}

static int
span(struct buf *b, const struct words *ws, size_t i, size_t j)
{
	return add(b, ws->w[i], (size_t)(ws->w[j - 1] + ws->n[j - 1] -
	    ws->w[i]));
}

/* Sorts the words of one part into an author, an agency or neither. */
static int
sort(const struct words *ws, struct buf *authors, struct buf *agcs)
{
	size_t i, nw = ws->nw, last = nw - 1;
	int acr = 1, name = capitalised(ws->w[0], ws->n[0]);

	if (member(roles, NELEM(roles), ws->w[last], ws->n[last])) {
		if (nw >= 2 && grouprole(ws->w[last], ws->n[last]) &&
		    capitalised(ws->w[0], ws->n[0]) &&
		    !member(roles, NELEM(roles), ws->w[0], ws->n[0]) &&
		    !(ws->n[0] == 3 && strncasecmp(ws->w[0], "our", 3) == 0))
			return span(agcs, ws, 0, last);
		return 0;
	}
	for (i = 0; i < nw; i++) {
		if (member(roles, NELEM(roles), ws->w[i], ws->n[i]))
			return 0;
		acr &= acronym(ws->w[i], ws->n[i]);
		name &= capitalised(ws->w[i], ws->n[i]) ||
		    member(particles, NELEM(particles), ws->w[i], ws->n[i]);
	}
	if (acr)
		return span(agcs, ws, 0, nw);
	if (name && nw <= 5)
		return span(authors, ws, 0, nw);
	return 0;
}

/* One part of a byline, between separators. */
static int
part(const char *p, const char *end, struct buf *authors, struct buf *agcs)
{
	struct words ws;
	const char *w;
	size_t n;

	while (p < end && isspace_((unsigned char)*p))
		p++;
	while (end > p && (isspace_((unsigned char)end[-1]) || end[-1] == '.'))
		end--;
	if (p == end)
		return 0;
	if (member(agencies, NELEM(agencies), p, (size_t)(end - p)))
		return add(agcs, p, (size_t)(end - p));
	ws.nw = 0;
	while (nextword(&p, end, &w, &n)) {
		/* Jane Doe in Moscow: the place is no part of the name. */
		if (ws.nw > 0 && n == 2 && memcmp(w, "in", 2) == 0)
			break;
		if (ws.nw == MAXWORDS)
			return 0;
		ws.w[ws.nw] = w;
		ws.n[ws.nw++] = n;
	}
	return ws.nw > 0 ? sort(&ws, authors, agcs) : 0;
}

static int
isand(const char *w, size_t n)
{
	return (n == 3 && memcmp(w, "and", 3) == 0) || (n == 1 && *w == '&');
}

/* A stretch between punctuation: its parts are joined by and or &. */
static int
segment(const char *p, const char *end, struct buf *authors,
    struct buf *agcs)
{
	const char *start = p, *w;
	size_t n;

	while (nextword(&p, end, &w, &n)) {
		if (!isand(w, n))
			continue;
		if (part(start, w, authors, agcs) == -1)
			return -1;
		start = p;
	}
	return part(start, end, authors, agcs);
}

int
byline_parse(const char *p, size_t n, struct buf *authors,
    struct buf *agcs)
{
	const char *end = p + n, *q;

	while (p < end && isspace_((unsigned char)*p))
		p++;
	if (end - p >= 2 && (p[0] == 'B' || p[0] == 'b') &&
	    (p[1] == 'Y' || p[1] == 'y') && (end - p == 2 ||
	    isspace_((unsigned char)p[2])))
		p += 2;
	for (q = p; q < end; q++) {
		if (*q != ',' && *q != ';' && *q != '/' && *q != '|')
			continue;
		if (segment(p, q, authors, agcs) == -1)
			return -1;
		p = q + 1;
	}
	return segment(p, end, authors, agcs);
}
