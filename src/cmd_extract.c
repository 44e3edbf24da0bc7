/* cmd_extract.c — `liaison extract` and `liaison merge` (being written). */
#include "cli.h"
const char lia_usage_extract[] = "usage: liaison extract [options] INPUT...\n";
const char lia_usage_merge[] = "usage: liaison merge [-o DIR] FACTS...\n";
int cmd_extract(int argc, char **argv) { (void)argc; (void)argv; lia_error("not yet available"); return LIA_EXIT_FAIL; }
int cmd_merge(int argc, char **argv) { (void)argc; (void)argv; lia_error("not yet available"); return LIA_EXIT_FAIL; }
