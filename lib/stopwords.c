/*
 * The built-in word lists of artstat: English stop words, left out of the
 * terms, bigrams and names (-S replaces them), and the titles that stand
 * before names (President, Secretary, Mr), which end a name.  Both are
 * case-folded, with ' for the apostrophe.
 */
#include <stddef.h>

#include "stats.h"

const char *const stats_stopwords[] = {
	"a", "about", "above", "according", "across", "after", "again",
	"against", "ago", "ain't", "all", "almost", "along", "already",
	"also", "although", "am", "amid", "among", "an", "and", "another",
	"any", "anyone", "anything", "are", "aren't", "around", "as", "at",
	"be", "because", "been", "before", "being", "below", "between",
	"both", "but", "by", "can", "can't", "cannot", "could", "couldn't",
	"did", "didn't", "do", "does", "doesn't", "doing", "don't", "down",
	"during", "each", "either", "else", "even", "ever", "every", "few",
	"for", "from", "further", "had", "hadn't", "has", "hasn't", "have",
	"haven't", "having", "he", "he'd", "he'll", "her", "here", "hers",
	"herself", "him", "himself", "his", "how", "however", "i", "i'd",
	"i'll", "i'm", "i've", "if", "in", "into", "is", "isn't", "it",
	"it'll", "its", "itself", "just", "last", "least", "less", "let",
	"like", "made", "make", "many", "may", "me", "meanwhile", "might",
	"more", "most", "mr", "mrs", "ms", "much", "must", "mustn't", "my",
	"myself", "neither", "never", "no", "nor", "not", "now", "of", "off",
	"often", "on", "once", "one", "only", "onto", "or", "other", "others",
	"our", "ours", "ourselves", "out", "over", "own", "per", "put",
	"rather", "said", "same", "say", "says", "see", "seen", "shall",
	"shan't", "she", "she'd", "she'll", "should", "shouldn't", "since",
	"so", "some", "still", "such", "than", "that", "that'll", "the",
	"their", "theirs", "them", "themselves", "then", "there", "these",
	"they", "they'd", "they'll", "they're", "they've", "this", "those",
	"though", "through", "thus", "to", "too", "told", "toward",
	"towards", "under", "until", "up", "upon", "us", "very", "via",
	"was", "wasn't", "we", "we'd", "we'll", "we're", "we've", "were",
	"weren't", "what", "whatever", "when", "where", "whether", "which",
	"while", "who", "whom", "whose", "why", "will", "with", "within",
	"without", "won't", "would", "wouldn't", "yet", "you", "you'd",
	"you'll", "you're", "you've", "your", "yours", "yourself",
	"yourselves",
	NULL
};

const char *const stats_titlewords[] = {
	"adm", "admiral", "ambassador", "archbishop", "bishop", "capt",
	"captain", "cardinal", "chairman", "chairwoman", "chancellor", "chief",
	"col", "colonel", "commander", "commissioner", "defence", "defense",
	"deputy", "director", "dr", "envoy", "foreign", "gen", "general",
	"gov", "governor", "judge", "justice", "king", "lady", "lieutenant",
	"lord", "lt", "maj", "major", "mayor", "minister", "miss", "mr",
	"mrs", "ms", "pope", "premier", "president", "prime", "prince",
	"princess", "prof", "professor", "queen", "rep", "rev", "secretary",
	"sen", "senator", "sergeant", "sgt", "sir", "speaker", "spokesman",
	"spokeswoman", "state", "vice",
	NULL
};
