/* normalize.h — the one normalizer used for text and for rule entries alike.
 *
 * NFKC (ICU), then: tashkeel, superscript alef and tatweel removed; alef
 * forms (أ إ آ ٱ) → ا; ى → ي; ة → ه; ؤ → و; ئ → ي; Arabic and Persian
 * digits → ASCII; Arabic punctuation and typographic quotes unified
 * (، → ","  ؛ → ";"  ؟ → "?"  “ ” « » ″ „ → '"'  ‘ ’ → "'"); Latin letters
 * lower-cased; bidi marks and zero-width characters dropped; any run of
 * white space kept as is (offsets stay exact).
 */
#ifndef LIA_NORMALIZE_H
#define LIA_NORMALIZE_H

#include <stddef.h>

#include "liaison.h"

/* Normalized text with a map back to the original bytes. */
typedef struct {
    char *text;      /* normalized UTF-8, NUL-terminated */
    size_t len;      /* bytes in text */
    size_t *orig;    /* len + 1 entries: orig[i] is the byte offset in the
                        original text of the character that produced
                        normalized byte i; orig[len] = original length */
} lia_normtext;

/* Normalizes src[0..len).  Invalid UTF-8 bytes are replaced by U+FFFD.
 * The caller releases out with lia_normtext_release. */
lia_status lia_normalize(const char *src, size_t len, lia_normtext *out, lia_diag *d);
void lia_normtext_release(lia_normtext *t);

/* A normalizer for many texts in a row (the documents of one extraction
 * thread), which reuses its memory: the text lia_normalizer_run returns is
 * lia_normalize's, owned by nz and valid until its next run or
 * lia_normalizer_free (accepts NULL). */
typedef struct lia_normalizer lia_normalizer;
lia_normalizer *lia_normalizer_new(void);
const lia_normtext *lia_normalizer_run(lia_normalizer *nz, const char *src, size_t len);
void lia_normalizer_free(lia_normalizer *nz);

/* The normalized form of a NUL-terminated string (malloc'd), for rule
 * entries and one-off comparisons. */
char *lia_normalize_str(const char *s);

/* A fast path for the many short texts (rule phrases, names) made only of
 * ASCII spaces and the Arabic letters U+0621..U+064A but tatweel: writes
 * lia_normalize's text of src[0..len) to out (len bytes, not terminated:
 * each such letter folds to two bytes, a space stays) and returns 1; when
 * src has any other character returns 0, out then holding scratch. */
int lia_normalize_plain(const char *src, size_t len, char *out);

/* A readable Latin transliteration of Arabic text (malloc'd), through ICU's
 * Arabic-Latin transform, folded to plain ASCII ("عبد الله" → "abd allah"). */
char *lia_transliterate(const char *utf8);

/* An ASCII slug for keys: lower-case letters, digits and '-' ("Abdellatif
 * Hammouchi" → "abdellatif-hammouchi"); Arabic is transliterated first. */
char *lia_slug(const char *utf8);

/* Opens the transliterators now rather than at the first transliteration,
 * which then finds them ready (opening builds ICU's registry of
 * transliterators: about 160M instructions, a fixed cost of any run that
 * transliterates).  Thread-safe: meant for a thread that has nothing else
 * to do while the caller loads the rules. */
void lia_transliterate_prepare(void);
/* lia_transliterate_prepare on a detached thread of its own, started once
 * whatever the number of calls: the rules load and the first documents are
 * read meanwhile, and a transliteration asked for before it is done waits
 * for it.  Nothing waits for the thread itself: a run that never
 * transliterates exits without paying for ICU's registry. */
void lia_transliterate_prepare_in_background(void);

/* Releases the cached transliterators.  Optional, for leak checkers: call
 * once at exit when no other thread uses this module (it waits for a
 * background preparation to end; then ICU's own u_cleanup() may follow).
 * Later calls simply reopen them. */
void lia_normalize_cleanup(void);

#endif
