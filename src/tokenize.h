/* tokenize.h — tokens and sentences over normalized text, clitic-aware.
 *
 * Input: a lia_normtext.  Output: a lia_tokens list the caller owns.  Every
 * token keeps its byte span in the ORIGINAL text (through normtext.orig) so
 * that evidence always quotes what the author wrote.
 */
#ifndef LIA_TOKENIZE_H
#define LIA_TOKENIZE_H

#include <stddef.h>

#include "normalize.h"

typedef enum {
    LIA_TOK_WORD,     /* Arabic word */
    LIA_TOK_LATIN,    /* Latin letters, possibly with digits: "fbi", "igef" */
    LIA_TOK_NUMBER,   /* digits (after normalization every digit is ASCII) */
    LIA_TOK_PUNCT,    /* one punctuation character: , ; ? ! . : " ( ) - / etc. */
} lia_tok_kind;

#define LIA_MAX_FORMS 8

typedef struct {
    /* The fields every stage reads for nearly every token come first, then
     * the forms, then the spans: a token is 208 bytes, and the passes over
     * a document's tokens touch the cache lines of these fields first. */
    lia_tok_kind kind;
    int sentence;          /* index of the sentence the token belongs to */
    int n_forms;
    int has_conj;          /* the token starts with the conjunction و or ف (stripped in some form) */
    int has_article;       /* the word carries the article, possibly behind proclitics
                              (الدولة، بالدور، والمهام، للأمن): asked often, worked out once */
    int paragraph;         /* index of the paragraph (blank-line or newline separated) */
    const char *norm;      /* the normalized token (points into the token arena) */
    unsigned long norm_hash;  /* lia_hash(norm): keys per-word caches of later stages */
    /* Match keys, most literal first: forms[0] is norm with the article
     * removed (الأمن → امن; a word that is only ال + one letter keeps it);
     * the rest strip proclitic combinations (و ف, then ب ك ل, then the
     * article; لل = ل + ال) as long as at least two letters remain:
     * "وبالمديرية" → {وبالمديريه, بالمديريه?, مديريه, ...}.  Duplicates are
     * removed.  A rule entry word is reduced with lia_entry_key and matches
     * a token when it equals one of these forms. */
    const char *forms[LIA_MAX_FORMS];
    unsigned long form_hash[LIA_MAX_FORMS];  /* lia_hash of each form, for rule look-ups */
    long number;           /* value for LIA_TOK_NUMBER, else 0 */
    size_t start, end;     /* byte span in the original text */
    size_t nstart, nend;   /* byte span in the normalized text */
} lia_token;

typedef struct {
    size_t first, last;    /* token indexes [first, last) */
    size_t start, end;     /* byte span in the original text */
} lia_sentence;

typedef struct lia_tokens {
    lia_token *tok;
    size_t n;
    lia_sentence *sent;
    size_t n_sent;
    struct lia_arena *arena;  /* owns every string the tokens point to */
} lia_tokens;

/* Tokenizes t and splits it into sentences on . ? ! and line breaks
 * (robust to decimals, initials and Latin abbreviations; quotes stay in
 * their sentence).  Release with lia_tokens_release. */
lia_status lia_tokenize(const lia_normtext *t, lia_tokens *out, lia_diag *d);
void lia_tokens_release(lia_tokens *t);

/* A tokenizer for many texts in a row (the phrases of the rules, the
 * documents of one extraction thread), which reuses its memory: the tokens
 * lia_tokenizer_run returns are the same as lia_tokenize's and are owned
 * by tz, valid until its next run or lia_tokenizer_free (accepts NULL). */
typedef struct lia_tokenizer lia_tokenizer;
lia_tokenizer *lia_tokenizer_new(void);
const lia_tokens *lia_tokenizer_run(lia_tokenizer *tz, const lia_normtext *t);
void lia_tokenizer_free(lia_tokenizer *tz);

/* The key of one already-normalized rule-entry word: the article removed
 * (ال or لل prefix) when at least two letters remain, nothing else.
 * Returns a malloc'd string. */
char *lia_entry_key(const char *norm_word);
/* The same key, not copied: a pointer into norm_word (a suffix of it). */
const char *lia_entry_key_in(const char *norm_word);

/* Does the token match the entry key? (any of its forms equals key) */
int lia_token_matches(const lia_token *t, const char *key);
/* The same with hash = lia_hash(key) known: strings are compared only
 * where the hashes agree. */
int lia_token_matches_hashed(const lia_token *t, const char *key, unsigned long hash);

#endif
