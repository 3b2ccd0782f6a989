/*
 * The Aho-Corasick automaton of the multi-string searcher: a trie of the
 * strings with failure links, laid out as rows near the start and as
 * records deeper down, and the search that runs it for the leftmost, then
 * longest, match.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mpat.h"
#include "mpatint.h"
#include "text.h"

/*
 * The rows take at most this many bytes (of MPAT_FIXMEM); deeper states
 * are records, of 28 bytes at most for each byte of the strings (of
 * MPAT_BYTEMEM).  A search through text that holds no match stays near
 * the start, in the rows, one load a byte.
 */
#define ROWBYTES	(512u << 10)

_Static_assert(ROWBYTES + 4096 <= MPAT_FIXMEM, "the rows fit MPAT_FIXMEM");

/*
 * A text of this many bytes at least is searched in two halves side by
 * side, after the first half of that alone.
 */
#define PAIRMIN		2048

/* A node of the trie while the automaton is built. */
struct tnode {
	uint32_t	 child;		/* first child, or 0 */
	uint32_t	 next;		/* next sibling, or 0 */
	uint32_t	 fail;
	uint32_t	 dict;
	uint32_t	 term;
	uint32_t	 depth;
	uint32_t	 off;		/* its offset in tab */
	uint16_t	 nchild;
	uint8_t		 c;		/* the class of the byte into it */
};

struct trie {
	struct tnode	*v;
	size_t		 n, cap;
	uint32_t	*order;		/* breadth first */
	size_t		 nrow;		/* the first nrow of order are rows */
};

/*
 * Classes of bytes: each byte that a string holds is a class of its own,
 * all others one class.  The text is read through cls: with MPAT_ICASE
 * capital ASCII letters fall into the class of their small ones, and the
 * first bytes of the characters that fold to others into esc.
 */
static void
classes(struct mpat *m, const uint8_t *foldlead)
{
	struct acauto *a = &m->ac;
	uint8_t used[256];
	size_t i, j;
	unsigned k = 0, b, any = 0;

	memset(used, 0, sizeof(used));
	for (i = 0; i < m->nstr; i++)
		for (j = 0; j < m->str[i].len; j++)
			used[(unsigned char)m->bytes[m->str[i].off + j]] = 1;
	for (b = 0; b < 256; b++)
		any |= !used[b];
	k = any;
	for (b = 0; b < 256; b++)
		a->fcls[b] = used[b] ? (uint8_t)k++ : 0;
	memcpy(a->cls, a->fcls, sizeof(a->cls));
	a->esc = NOCLASS;
	if (m->flags & MPAT_ICASE) {
		for (b = 'A'; b <= 'Z'; b++)
			a->cls[b] = a->fcls[b + 32];
		a->esc = k++;
		for (b = 0x80; b < 256; b++)
			if (foldlead[b])
				a->cls[b] = (uint8_t)a->esc;
	}
	a->nclass = k;
}

/* The first bytes of the characters that text_foldcp() changes. */
static int
foldleads(uint8_t *lead)
{
	const struct foldpair *p;
	size_t n, i;
	uint32_t c;

	memset(lead, 0, 256);
	if ((p = mpat_foldpairs(&n)) == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		c = p[i].cp;
		if (c >= 0x80)
			lead[c < 0x800 ? 0xc0 | c >> 6 : 0xe0 | c >> 12] = 1;
	}
	return 0;
}

static uint32_t
child(const struct trie *tr, uint32_t v, unsigned c)
{
	uint32_t w;

	for (w = tr->v[v].child; w != 0; w = tr->v[w].next)
		if (tr->v[w].c == c)
			return w;
	return 0;
}

static int
newnode(struct trie *tr, uint32_t parent, unsigned c, uint32_t *wp)
{
	struct tnode *v;
	size_t cap;

	if (tr->n == tr->cap) {
		cap = tr->cap > 0 ? tr->cap * 2 : 256;
		if ((v = realloc(tr->v, cap * sizeof(*v))) == NULL)
			return -1;
		tr->v = v;
		tr->cap = cap;
	}
	v = &tr->v[tr->n];
	memset(v, 0, sizeof(*v));
	v->term = v->dict = NONE;
	v->c = (uint8_t)c;
	if (tr->n > 0) {
		v->next = tr->v[parent].child;
		tr->v[parent].child = (uint32_t)tr->n;
		tr->v[parent].nchild++;
	}
	*wp = (uint32_t)tr->n++;
	return 0;
}

/* The trie of the strings, over the classes of their bytes. */
static int
maketrie(const struct mpat *m, struct trie *tr)
{
	const struct mstr *s;
	uint32_t v, w, id;
	size_t j;
	unsigned c;

	if (newnode(tr, 0, 0, &v) == -1)
		return -1;
	for (id = 0; id < m->nstr; id++) {
		s = &m->str[id];
		if (s->len == 0)
			continue;
		for (v = 0, j = 0; j < s->len; j++, v = w) {
			c = m->ac.fcls[(unsigned char)m->bytes[s->off + j]];
			if ((w = child(tr, v, c)) == 0 &&
			    newnode(tr, v, c, &w) == -1)
				return -1;
		}
		if (tr->v[v].term == NONE)
			tr->v[v].term = id;
	}
	return 0;
}

/* Orders the trie breadth first and sets the failure and dictionary links. */
static int
links(struct trie *tr)
{
	struct tnode *n;
	size_t head = 0, tail = 1;
	uint32_t u, w, f, x;

	if ((tr->order = malloc(tr->n * sizeof(*tr->order))) == NULL)
		return -1;
	tr->order[0] = 0;
	n = tr->v;
	while (head < tail) {
		u = tr->order[head++];
		for (w = n[u].child; w != 0; w = n[w].next) {
			tr->order[tail++] = w;
			n[w].depth = n[u].depth + 1;
			x = 0;
			if (u != 0) {
				for (f = n[u].fail; f != 0 &&
				    (x = child(tr, f, n[w].c)) == 0; )
					f = n[f].fail;
				if (f == 0)
					x = child(tr, 0, n[w].c);
			}
			n[w].fail = x;
			f = n[w].fail;
			n[w].dict = n[f].term != NONE ? f : n[f].dict;
		}
	}
	return 0;
}

static int
hasout(const struct tnode *v)
{
	return v->term != NONE || v->dict != NONE;
}

/*
 * Gives each state its offset: the rows in the order struct acauto
 * tells, then the records.  Returns the words of the table.
 */
static size_t
layout(struct acauto *a, struct trie *tr)
{
	struct tnode *n = tr->v;
	size_t off, stride = a->nclass + 3, i, pass;
	uint32_t v;

	off = stride;
	if (a->skip) {
		n[0].off = (uint32_t)off;
		off += stride;
	}
	for (pass = 0; pass < 2; pass++) {
		if (pass == 0)
			a->matchlo = (uint32_t)off;
		else {
			a->fastlo = (uint32_t)off;
			if (!a->skip) {
				n[0].off = (uint32_t)off;
				off += stride;
			}
		}
		for (i = 1; i < tr->nrow; i++) {
			v = tr->order[i];
			if (hasout(&n[v]) == (pass == 0)) {
				n[v].off = (uint32_t)off;
				off += stride;
			}
		}
	}
	a->fastspan = (uint32_t)off - a->fastlo;
	a->sparselo = (uint32_t)off;
	for (i = tr->nrow; i < tr->n; i++) {
		v = tr->order[i];
		n[v].off = (uint32_t)off;
		off += AC_HEAD + (n[v].nchild + 3u) / 4 + n[v].nchild;
	}
	return off;
}

static uint32_t
offof(const struct trie *tr, uint32_t v)
{
	return v == NONE ? NONE : tr->v[v].off;
}

/* Fills the row of state v, whose failure state's row is filled. */
static void
fillrow(struct acauto *a, const struct trie *tr, uint32_t v)
{
	const struct tnode *n = &tr->v[v];
	uint32_t *row = a->tab + n->off, w;
	unsigned c;

	for (c = 0; c < a->nclass; c++)
		row[c] = v == 0 ? n->off : a->tab[tr->v[n->fail].off + c];
	for (w = n->child; w != 0; w = tr->v[w].next)
		row[tr->v[w].c] = tr->v[w].off;
	if (a->esc != NOCLASS)
		row[a->esc] = 0;
	row[a->nclass] = n->depth;
	row[a->nclass + 1] = n->term;
	row[a->nclass + 2] = offof(tr, n->dict);
}

static void
fillrecord(struct acauto *a, const struct trie *tr, uint32_t v)
{
	const struct tnode *n = &tr->v[v];
	uint32_t *r = a->tab + n->off, *to, w;
	uint8_t *cl;

	r[0] = n->nchild | (hasout(n) ? AC_OUT : 0);
	r[1] = tr->v[n->fail].off;
	r[2] = n->depth;
	r[3] = n->term;
	r[4] = offof(tr, n->dict);
	cl = (uint8_t *)(r + AC_HEAD);
	memset(cl, 0, (n->nchild + 3u) / 4 * 4);
	to = r + AC_HEAD + (n->nchild + 3u) / 4;
	for (w = n->child; w != 0; w = tr->v[w].next) {
		*cl++ = tr->v[w].c;
		*to++ = tr->v[w].off;
	}
}

/*
 * Decides whether the search looks for the bytes that leave the start
 * with a filter: when they are few and none is a small letter or a space,
 * which are most of the bytes of text.
 */
static void
skipset(struct mpat *m, const struct trie *tr)
{
	struct acauto *a = &m->ac;
	unsigned b, k = 0, common = 0;

	memset(a->tlo, 0, sizeof(a->tlo));
	memset(a->thi, 0, sizeof(a->thi));
	for (b = 0; b < 256; b++) {
		a->skipset[b] = a->cls[b] == a->esc ||
		    child(tr, 0, a->cls[b]) != 0;
		if (!a->skipset[b])
			continue;
		if (k < 3)
			a->skipbyte[k] = (uint8_t)b;
		k++;
		common |= (b >= 'a' && b <= 'z') || b == ' ';
		if (b < 0x80)
			a->tlo[b & 15] |= (uint8_t)(1u << (b >> 4));
		else
			a->thi[b & 15] |= (uint8_t)(1u << ((b >> 4) - 8));
	}
	a->nskipbyte = (int)k;
	a->skip = k > 0 && !common;
}

static int
maketable(struct mpat *m, struct trie *tr)
{
	struct acauto *a = &m->ac;
	size_t stride = a->nclass + 3, words, i;

	tr->nrow = ROWBYTES / (stride * sizeof(uint32_t));
	if (tr->nrow < 1 || (m->flags & MPAT_FEWROWS))
		tr->nrow = 1;
	if (tr->nrow > tr->n)
		tr->nrow = tr->n;
	skipset(m, tr);
	words = layout(a, tr);
	if (words > (MPAT_MAXMEM - MPAT_FIXMEM) / sizeof(uint32_t)) {
		errno = E2BIG;
		return -1;
	}
	if ((a->tab = calloc(words, sizeof(uint32_t))) == NULL)
		return -1;
	a->ntab = words;
	for (i = 0; i < tr->nrow; i++)
		fillrow(a, tr, tr->order[i]);
	for (; i < tr->n; i++)
		fillrecord(a, tr, tr->order[i]);
	a->start = tr->v[0].off;
	return 0;
}

int
mpat_acbuild(struct mpat *m)
{
	struct trie tr;
	uint8_t lead[256];
	int r = -1;

	memset(&tr, 0, sizeof(tr));
	if ((m->flags & MPAT_ICASE) && foldleads(lead) == -1)
		return -1;
	classes(m, lead);
	if (maketrie(m, &tr) == 0 && links(&tr) == 0)
		r = maketable(m, &tr);
	free(tr.v);
	free(tr.order);
	return r;
}

void
mpat_acfree(struct mpat *m)
{
	free(m->ac.tab);
	m->ac.tab = NULL;
	m->ac.ntab = 0;
}

/*
 * The search.
 */

/* A search under way: the best match yet, and what it must beat. */
struct acrun {
	const struct mpat	*m;
	const char		*t;
	size_t			 n, from;
	size_t			 limit;		/* a match starts no later */
	int			 found;
	int			 shrink;	/* a fold was shorter */
	struct mpatmatch	 best;
};

static inline int
isrecord(const struct acauto *a, uint32_t s)
{
	return s >= a->sparselo;
}

/* The depth, the string and the dictionary link of a state. */
static inline uint32_t
meta(const struct acauto *a, uint32_t s, unsigned k)
{
	return isrecord(a, s) ? a->tab[s + 2 + k] : a->tab[s + a->nclass + k];
}

static inline int
stateout(const struct acauto *a, uint32_t s)
{
	return isrecord(a, s) ? (a->tab[s] & AC_OUT) != 0 :
	    s >= a->matchlo && s < a->fastlo;
}

/* The state after s on a byte of class c (never esc). */
static inline uint32_t
acnext(const struct acauto *a, uint32_t s, unsigned c)
{
	const uint32_t *r;
	const uint8_t *cl;
	uint32_t nt, i;

	while (isrecord(a, s)) {
		r = a->tab + s;
		nt = AC_NT(r);
		cl = (const uint8_t *)(r + AC_HEAD);
		for (i = 0; i < nt; i++)
			if (cl[i] == c)
				return r[AC_HEAD + (nt + 3) / 4 + i];
		s = r[1];
	}
	return a->tab[s + c];
}

/* The offset in the text of the character that ends at q. */
static size_t
unitbefore(const struct acrun *r, size_t q)
{
	uint32_t c;
	size_t k;

	for (k = 1; k <= 4 && k <= q - r->from; k++)
		if (((unsigned char)r->t[q - k] & 0xc0) != 0x80)
			return text_decode(r->t + q - k, r->t + r->n, &c) == k ?
			    q - k : q - 1;
	return q - 1;
}

/*
 * Where a match of len folded bytes that ends at e begins in the text:
 * back over its characters when some fold was shorter.  Returns 0 when
 * it would begin inside a character.
 */
static int
startof(const struct acrun *r, size_t e, size_t len, size_t *so)
{
	size_t q = e, p, fl;
	char f[4];

	if (!r->shrink) {
		*so = e - len;
		return 1;
	}
	while (len > 0) {
		p = unitbefore(r, q);
		fl = 1;
		if (q - p > 1)
			mpat_foldunit(r->t + p, r->t + r->n, f, &fl);
		if (fl > len)
			return 0;
		len -= fl;
		q = p;
	}
	*so = q;
	return 1;
}

/*
 * The strings that end at e in state s, longest first: the first that
 * may match is the best there, and beats what was found before when it
 * starts no later.
 */
static void
acout(struct acrun *r, uint32_t s, size_t e)
{
	const struct mpat *m = r->m;
	const struct acauto *a = &m->ac;
	const struct mstr *st;
	uint32_t id;
	size_t so;

	if (!mpat_endok(m, r->t, r->n, e))
		return;
	for (; s != NONE; s = meta(a, s, 2)) {
		if ((id = meta(a, s, 1)) == NONE)
			continue;
		st = &m->str[id];
		if (!startof(r, e, st->len, &so))
			continue;
		if (so > r->limit)
			return;
		if (st->ragged && (!mpat_boundary(r->t, r->n, r->from, so) ||
		    !mpat_boundary(r->t, r->n, r->from, e)))
			continue;
		if (!mpat_startok(m, r->t, so))
			continue;
		r->best.so = so;
		r->best.eo = e;
		r->best.pat = id;
		r->found = 1;
		r->limit = so;
		return;
	}
}

/* Reads the character at *pos folded, from state s. */
static uint32_t
acunit(struct acrun *r, uint32_t s, size_t *pos)
{
	const struct acauto *a = &r->m->ac;
	char f[4];
	size_t l, fl, i;

	l = mpat_foldunit(r->t + *pos, r->t + r->n, f, &fl);
	for (i = 0; i < fl; i++)
		s = acnext(a, s, a->fcls[(unsigned char)f[i]]);
	if (fl < l)
		r->shrink = 1;
	*pos += l;
	if (stateout(a, s))
		acout(r, s, *pos);
	return s;
}

/*
 * Runs the fast rows from s at *pos, one load a byte, until a byte leads
 * out of them or the text ends; or, when the start is looked for with a
 * filter, back to the start, from which the filter goes on.
 */
static uint32_t
acfast(const struct mpat *m, const char *t, size_t n, uint32_t s,
    size_t *pos)
{
	const struct acauto *a = &m->ac;
	const unsigned char *u = (const unsigned char *)t;
	const uint32_t *tab = a->tab;
	const uint8_t *cls = a->cls;
	uint32_t lo = a->fastlo, span = a->fastspan, ns;
	size_t p = *pos;

	for (;;) {
		if (s == a->start && a->skip &&
		    (p = mpat_skip(m, t, p, n)) >= n)
			break;
		while (n - p >= 4) {
			if ((ns = tab[s + cls[u[p]]]) - lo >= span)
				goto out;
			if ((s = tab[ns + cls[u[p + 1]]]) - lo >= span) {
				s = ns;
				p += 1;
				goto out;
			}
			if ((ns = tab[s + cls[u[p + 2]]]) - lo >= span) {
				p += 2;
				goto out;
			}
			if ((s = tab[ns + cls[u[p + 3]]]) - lo >= span) {
				s = ns;
				p += 3;
				goto out;
			}
			p += 4;
		}
		while (p < n && (ns = tab[s + cls[u[p]]]) - lo < span) {
			s = ns;
			p++;
		}
out:
		if (p < n && a->skip && tab[s + cls[u[p]]] == a->start) {
			s = a->start;
			p++;
			continue;
		}
		break;
	}
	*pos = p;
	return s;
}

/* One step through the byte at *pos, or the character to fold there. */
static uint32_t
acstep(struct acrun *r, uint32_t s, size_t *pos)
{
	const struct acauto *a = &r->m->ac;
	unsigned c;

	c = a->cls[(unsigned char)r->t[*pos]];
	if (c == a->esc)
		return acunit(r, s, pos);
	s = acnext(a, s, c);
	(*pos)++;
	if (stateout(a, s))
		acout(r, s, *pos);
	return s;
}

/*
 * Runs the search r on from state s at *pos to its end, or until *pos
 * reaches stop with nothing found yet; returns the state.
 */
static uint32_t
acrun(struct acrun *r, uint32_t s, size_t *pos, size_t stop)
{
	const struct acauto *a = &r->m->ac;
	size_t end;
	uint32_t d;

	while (*pos < r->n && (r->found || *pos < stop)) {
		/* The fast rows, up to where a match may start. */
		if (!r->found && *pos <= r->limit && !isrecord(a, s)) {
			end = r->limit < r->n ? r->limit + 1 : r->n;
			s = acfast(r->m, r->t, end < stop ? end : stop, s, pos);
			if (*pos >= r->n || *pos >= stop)
				break;
		}
		s = acstep(r, s, pos);
		/* No match to come can start at or before the limit. */
		d = meta(a, s, 0);
		if ((r->found || r->limit < r->n) &&
		    *pos > r->limit + (r->shrink ? 2 * (size_t)d : d))
			break;
	}
	return s;
}

/*
 * Runs two searches side by side in the fast rows, so that the loads of
 * one overlap those of the other: ra from *sa at *pa up to mid, rb from
 * *sb at *pb to the end; a byte that leads out of the rows takes a
 * careful step.  Stops when ra's half or rb's text is done, or either
 * finds a match.
 */
static void
acpair(struct acrun *ra, uint32_t *sa, size_t *pa, struct acrun *rb,
    uint32_t *sb, size_t *pb, size_t mid)
{
	const struct acauto *a = &ra->m->ac;
	const unsigned char *u = (const unsigned char *)ra->t;
	const uint32_t *tab = a->tab;
	const uint8_t *cls = a->cls;
	uint32_t lo = a->fastlo, span = a->fastspan, x = *sa, y = *sb, nx, ny;
	size_t p = *pa, q = *pb, n = rb->n;

	while (p < mid && q < n) {
		nx = isrecord(a, x) ? 0 : tab[x + cls[u[p]]];
		ny = isrecord(a, y) ? 0 : tab[y + cls[u[q]]];
		if (nx - lo < span && ny - lo < span) {
			x = nx, p++;
			y = ny, q++;
			continue;
		}
		if (nx - lo < span)
			x = nx, p++;
		else if (x = acstep(ra, x, &p), ra->found)
			break;
		if (ny - lo < span)
			y = ny, q++;
		else if (y = acstep(rb, y, &q), rb->found)
			break;
	}
	*sa = x, *pa = p;
	*sb = y, *pb = q;
}

static void
acinit(struct acrun *r, const struct mpat *m, const char *t, size_t n,
    size_t from, size_t limit)
{
	memset(r, 0, sizeof(*r));
	r->m = m;
	r->t = t;
	r->n = n;
	r->from = from;
	r->limit = limit;
}

/*
 * A text long enough, with no filter for the start, is searched a stretch
 * alone, where matches are often found, and then in two halves side by
 * side: the first for the matches that start in it, the second, from a
 * character at its middle, for the others, wanted only when the first
 * has none.
 */
int
mpat_acfind(const struct mpat *m, const char *t, size_t n, size_t from,
    size_t limit, struct mpatmatch *mp)
{
	const struct acauto *a = &m->ac;
	struct acrun ra, rb, *r = &ra;
	uint32_t sa = a->start, sb = a->start;
	size_t mid, pa = from, pb, min;

	min = m->flags & MPAT_HALVES ? 2 : PAIRMIN;
	acinit(&ra, m, t, n, from, limit);
	if (!a->skip && limit >= n && n - from >= min) {
		sa = acrun(&ra, sa, &pa, from + min / 2);
		if (!ra.found && n - pa >= min / 2) {
			for (mid = pa + (n - pa) / 2; mid < n &&
			    ((unsigned char)t[mid] & 0xc0) == 0x80; mid++)
				;
			acinit(&rb, m, t, n, mid, n);
			ra.limit = mid - 1;
			pb = mid;
			acpair(&ra, &sa, &pa, &rb, &sb, &pb, mid);
			sa = acrun(&ra, sa, &pa, n);
			if (!ra.found) {
				r = &rb;
				acrun(&rb, sb, &pb, n);
			}
			goto out;
		}
	}
	acrun(&ra, sa, &pa, n);
out:
	if (!r->found)
		return 0;
	*mp = r->best;
	return 1;
}
