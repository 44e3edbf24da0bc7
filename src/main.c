/* main.c — the liaison command line: a table of subcommands, help, and the
 * message helpers every cmd_*.c uses.  The only place besides cmd_*.c that
 * prints or exits. */
#include <malloc.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

const char *lia_argv0 = "liaison";

static int cmd_help(int argc, char **argv);

static const lia_command commands[] = {
    { "build", cmd_build, "read articles and write the knowledge graph (GraphML, DOT, SVG)",
      lia_usage_build },
    { "extract", cmd_extract, "read articles and write their facts as JSON Lines (map step)",
      lia_usage_extract },
    { "merge", cmd_merge, "turn fact files into the graph and its outputs (reduce step)",
      lia_usage_merge },
    { "rank", cmd_rank, "rank the actors of a graph by a centrality", lia_usage_rank },
    { "neighbors", cmd_neighbors, "whom an actor met, visited or attended: when, where, sources",
      lia_usage_neighbors },
    { "path", cmd_path, "how two actors are connected, hop by hop with evidence",
      lia_usage_path },
    { "export", cmd_export, "write a graph as node-link JSON or Neo4j CSV files",
      lia_usage_export },
    { "explain", cmd_explain, "show the sentences, spans and rules behind an entity or an edge",
      lia_usage_explain },
    { "rules", cmd_rules, "check, test, list or trace the rules (rules check|test|aliases|trace)",
      lia_usage_rules },
    { "help", cmd_help, "show help for a command", "usage: liaison help [COMMAND]\n" },
};

#define N_COMMANDS (sizeof commands / sizeof *commands)

static void vmsg(const char *kind, const char *fmt, va_list ap)
{
    fprintf(stderr, "liaison: %s: ", kind);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
}

void lia_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vmsg("error", fmt, ap);
    va_end(ap);
}

void lia_warning(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vmsg("warning", fmt, ap);
    va_end(ap);
}

void lia_print_warnings(const lia_diag *d, int quiet)
{
    if (quiet || !d->warnings)
        return;
    const char *p = d->warnings;
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        fprintf(stderr, "liaison: warning: %.*s\n", (int)n, p);
        p += n + (nl ? 1 : 0);
    }
}

int lia_usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vmsg("error", fmt, ap);
    va_end(ap);
    fprintf(stderr, "see 'liaison help %s'\n", cmd);
    return LIA_EXIT_USAGE;
}

void lia_put_flat(const char *s)
{
    for (; *s; s++)
        putchar((unsigned char)*s < 0x20 ? ' ' : *s);
}

int lia_text_width(const char *s)
{
    int w = 0;
    for (; *s; s++)
        if (((unsigned char)*s & 0xc0) != 0x80)
            w++;
    return w;
}

void lia_put_padded(const char *s, int w)
{
    lia_put_flat(s);
    for (int k = lia_text_width(s); k < w; k++)
        putchar(' ');
}

static const lia_command *find_command(const char *name)
{
    for (size_t i = 0; i < N_COMMANDS; i++)
        if (strcmp(commands[i].name, name) == 0)
            return &commands[i];
    return NULL;
}

int lia_wants_help(const char *cmd, int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0)
            break;
        if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            const lia_command *c = find_command(cmd);
            if (c)
                fputs(c->usage, stdout);
            return 1;
        }
    }
    return 0;
}

static void print_overview(FILE *out)
{
    fputs("usage: liaison <command> [options] [args]\n\n"
          "liaison reads Arabic news and builds a knowledge graph of security agencies,\n"
          "officials and countries: who met whom, where and when.\n\ncommands:\n", out);
    for (size_t i = 0; i < N_COMMANDS; i++)
        fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].summary);
    fputs("\n'liaison help <command>' or 'liaison <command> --help' shows a command's options.\n",
          out);
}

static int cmd_help(int argc, char **argv)
{
    if (argc < 2) {
        print_overview(stdout);
        return LIA_EXIT_OK;
    }
    const lia_command *c = find_command(argv[1]);
    if (!c)
        return lia_usage_error("help", "unknown command '%s'", argv[1]);
    fputs(c->usage, stdout);
    return LIA_EXIT_OK;
}

/* The process's malloc policy.  Documents and 1 MB batches are allocated
 * and freed over and over; by default glibc hands memory over 128 KB back
 * to the kernel on free (munmap, or trimming a heap's top, MADV_DONTNEED on
 * a thread's heap), and the next document faults it in again, page by
 * page (a fault costs microseconds on a virtual machine: 6,900 faults and
 * a tenth of the CPU time of `extract -j 2` on 10 MB).  Kept, it is
 * reused; peak memory stays the same, as what is kept is what the next
 * document needs. */
static void keep_freed_memory(void)
{
#ifdef M_TRIM_THRESHOLD
    mallopt(M_MMAP_THRESHOLD, 16 << 20);   /* blocks below 16 MB from the heaps */
    mallopt(M_TRIM_THRESHOLD, 64 << 20);   /* a heap's free top kept up to 64 MB */
#endif
}

int main(int argc, char **argv)
{
    keep_freed_memory();
    if (argc > 0)
        lia_argv0 = argv[0];
    if (argc < 2) {
        print_overview(stderr);
        return LIA_EXIT_USAGE;
    }
    if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0) {
        print_overview(stdout);
        return LIA_EXIT_OK;
    }
    if (strcmp(argv[1], "--version") == 0) {
        puts("liaison 0.1.0");
        return LIA_EXIT_OK;
    }
    const lia_command *c = find_command(argv[1]);
    if (!c) {
        lia_error("unknown command '%s'", argv[1]);
        print_overview(stderr);
        return LIA_EXIT_USAGE;
    }
    return c->run(argc - 1, argv + 1);
}
