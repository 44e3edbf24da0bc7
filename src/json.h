/* json.h — a small JSON lexer over one line of text, shared by the readers
 * of documents (read.c) and of facts (facts.c), and the JSON string
 * escaping every writer uses.  It reads, it never allocates beyond the
 * strings it returns (the caller frees them). */
#ifndef LIA_JSON_H
#define LIA_JSON_H

#include <stddef.h>

#include "util.h"

typedef struct {
    const char *p, *end;     /* the unread rest */
    const char *err;         /* why the last string was malformed (static) */
} lia_json;

/* Skips white space. */
void lia_json_ws(lia_json *j);

/* Parses the string at j->p into malloc'd UTF-8 (its byte length in
 * *len_out when not NULL).  Returns NULL, with j->p unspecified, when j->p
 * is not at a well-formed string.  With strict, a lone surrogate or \u0000
 * is malformed; without, a lone surrogate becomes U+FFFD. */
char *lia_json_string(lia_json *j, int strict, size_t *len_out);
/* lia_json_string (not strict) decoded over the string's own bytes, which
 * must be writable (j reads a buffer of the caller's): returns a pointer
 * into it, NUL-terminated, at most where the closing quote was; NULL when
 * malformed, the bytes read so far then overwritten. */
char *lia_json_string_in_place(lia_json *j, size_t *len_out);

/* Length of the number or literal (true, false, null) at j->p, or 0. */
size_t lia_json_scalar_len(const lia_json *j);

/* Skips any value, objects and arrays nested at most 64 deep; 0 when
 * malformed. */
int lia_json_skip(lia_json *j, int depth);

/* Appends s as a JSON string literal (quotes and escapes included). */
void lia_json_escape(strbuf *b, const char *s);

#endif
