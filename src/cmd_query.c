/* cmd_query.c — `liaison neighbors`, `path`, `export` (being written). */
#include "cli.h"
const char lia_usage_neighbors[] = "usage: liaison neighbors GRAPH KEY\n";
const char lia_usage_path[] = "usage: liaison path GRAPH A B\n";
const char lia_usage_export[] = "usage: liaison export GRAPH --format json|csv -o DIR\n";
int cmd_neighbors(int argc, char **argv) { (void)argc; (void)argv; lia_error("not yet available"); return LIA_EXIT_FAIL; }
int cmd_path(int argc, char **argv) { (void)argc; (void)argv; lia_error("not yet available"); return LIA_EXIT_FAIL; }
int cmd_export(int argc, char **argv) { (void)argc; (void)argv; lia_error("not yet available"); return LIA_EXIT_FAIL; }
