/* resolve.h — from one document's matches to facts.
 *
 * Decides who each mention is (an anaphor, a title without a name, the
 * event "this forum" refers to), who the implicit subject of a relation is,
 * and when and where each relation happened; adds entities and relations
 * with provenance to facts.  Reads matches; never looks at rules files.
 */
#ifndef LIA_RESOLVE_H
#define LIA_RESOLVE_H

#include "facts.h"
#include "match.h"

void lia_resolve(const lia_rules *r, const lia_doc *doc, const lia_tokens *t,
                 lia_matches *m, lia_facts *f);

#endif
