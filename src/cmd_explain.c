/* cmd_explain.c — `liaison explain` (being written). */
#include "cli.h"
const char lia_usage_explain[] = "usage: liaison explain INPUT... [--entity KEY | --edge A B]\n";
int cmd_explain(int argc, char **argv) { (void)argc; (void)argv; lia_error("not yet available"); return LIA_EXIT_FAIL; }
