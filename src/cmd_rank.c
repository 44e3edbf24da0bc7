/* cmd_rank.c — being written */
typedef int lia_placeholder_cmd_rank;
