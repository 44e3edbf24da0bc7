/* spelling.h — the Latin spelling of a person's name the gazetteer does
 * not know.
 *
 * ICU's Arabic-Latin writes what Arabic writes: the consonants and long
 * vowels of a name ("محمد ولد سيدي" → "mhmd wld sydy").  The officials of
 * the gazetteer give hundreds of Arabic names with the Latin spelling the
 * press uses; aligned word by word they say how each common name word is
 * spelled, and where ("محمد" is "Mohamed" in Mauritania, "Mohammed" in
 * Saudi Arabia; "ولد" is "Ould").  A name nobody listed is spelled from
 * those words; ICU writes only the words no official's name holds.
 *
 * A lia_spellings is filled while the rules load (lia_spellings_learn for
 * every name variant, then lia_spellings_settle once) and read-only after:
 * extraction threads share it.  It owns all its memory.
 */
#ifndef LIA_SPELLING_H
#define LIA_SPELLING_H

typedef struct lia_spellings lia_spellings;

lia_spellings *lia_spellings_new(void);
void lia_spellings_free(lia_spellings *s);   /* accepts NULL */

/* Counts how one name variant (normalized Arabic, see lia_normalize_str)
 * spells its words, against latin, the official's Latin name, for the
 * official's country cc.  Variants whose word counts differ from latin's
 * teach nothing ("عبد اللطيف حموشي" / "Abdellatif Hammouchi"), except
 * that "عبد" and the word after it may be one Latin word ("عبد الله بن
 * زايد" / "Abdullah bin Zayed"). */
void lia_spellings_learn(lia_spellings *s, const char *norm_name, const char *latin, const char *cc);

/* Keeps, for each word (and each country), its most frequent spelling if
 * seen at least twice, ties going to the alphabetically first: the
 * choice does not depend on the order of the rows. */
void lia_spellings_settle(lia_spellings *s);

/* The Latin spelling (malloc'd) of norm_name, a person's normalized Arabic
 * name, of country cc ("" when unknown): each word as that country's
 * officials, else all officials, most often spell it; a word with the
 * article that no name holds, as the word without it after "al-"; any
 * other word through lia_transliterate, capitalized. */
char *lia_spellings_spell(const lia_spellings *s, const char *norm_name, const char *cc);

#endif
