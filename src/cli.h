/* cli.h — what the subcommands share: the command table entry, exit codes
 * and message helpers.  Only main.c and cmd_*.c include this; the library
 * never prints. */
#ifndef LIA_CLI_H
#define LIA_CLI_H

#include "liaison.h"

enum { LIA_EXIT_OK = 0, LIA_EXIT_FAIL = 1, LIA_EXIT_USAGE = 2 };

typedef struct {
    const char *name;
    int (*run)(int argc, char **argv);   /* argv[0] is the command name */
    const char *summary;
    const char *usage;                   /* full help text, printed by --help */
} lia_command;

/* "liaison: error: ..." on stderr. */
void lia_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void lia_warning(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints each warning line of d as "liaison: warning: ..." unless quiet. */
void lia_print_warnings(const lia_diag *d, int quiet);
/* Usage error: message, then "see 'liaison help CMD'"; returns LIA_EXIT_USAGE. */
int lia_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Prints cmd's usage to stdout when argv holds -h or --help; returns 1 then. */
int lia_wants_help(const char *cmd, int argc, char **argv);

/* Tables on a terminal: text with control characters printed as spaces,
 * its width in code points (Arabic comes last on a line), and the text
 * padded to w columns. */
void lia_put_flat(const char *s);
int lia_text_width(const char *s);
void lia_put_padded(const char *s, int w);

/* The path of the running executable's argv[0], for finding rules. */
extern const char *lia_argv0;

int cmd_build(int argc, char **argv);
int cmd_extract(int argc, char **argv);
int cmd_merge(int argc, char **argv);
int cmd_rank(int argc, char **argv);
int cmd_neighbors(int argc, char **argv);
int cmd_path(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_rules(int argc, char **argv);

extern const char lia_usage_build[];
extern const char lia_usage_extract[];
extern const char lia_usage_merge[];
extern const char lia_usage_rank[];
extern const char lia_usage_neighbors[];
extern const char lia_usage_path[];
extern const char lia_usage_export[];
extern const char lia_usage_explain[];
extern const char lia_usage_rules[];

#endif
