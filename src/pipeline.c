/* pipeline.c — one document through the extraction stages, in order:
 * normalize → tokenize → match → resolve.  Owns nothing beyond the call:
 * every per-document structure is released before it returns. */
#include "liaison.h"
#include "match.h"
#include "normalize.h"
#include "resolve.h"
#include "tokenize.h"

lia_status lia_extract_doc(const lia_rules *r, const lia_doc *doc, lia_facts *f, lia_diag *d)
{
    lia_normtext nt;
    lia_status st = lia_normalize(doc->text, doc->len, &nt, d);
    if (st != LIA_OK)
        return st;
    lia_tokens toks;
    st = lia_tokenize(&nt, &toks, d);
    if (st != LIA_OK) {
        lia_normtext_release(&nt);
        return st;
    }
    lia_matches m;
    lia_match(r, &toks, doc->text, doc->date, &m);
    lia_resolve(r, doc, &toks, &m, f);
    lia_matches_release(&m);
    lia_tokens_release(&toks);
    lia_normtext_release(&nt);
    return LIA_OK;
}
