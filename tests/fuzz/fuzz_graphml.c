/* fuzz_graphml.c — fuzz target for the GraphML reader path of `liaison
 * rank`: the input is written to a temp file and cmd_rank runs on it
 * (the hostile-XML check, igraph's reader, the actor network, a centrality
 * and the JSON printer), stdout to /dev/null.  The measure is picked from
 * the input's length.  main.c is compiled with main renamed. */
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "fuzz.h"

static char path[] = "/tmp/lia-fuzz-graphml-XXXXXX";

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    int fd = mkstemp(path);
    if (fd < 0)
        abort();
    close(fd);
    if (!freopen("/dev/null", "w", stdout))
        abort();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const measures[] = { "degree", "strength", "betweenness", "closeness",
                                            "harmonic", "pagerank", "eigenvector" };
    if (size > 1 << 18)
        return 0;
    FILE *fp = fopen(path, "wb");
    if (!fp)
        abort();
    fwrite(data, 1, size, fp);
    fclose(fp);
    char *argv[] = { "rank", "--format", "json", "--top", "0", "--measure",
                     (char *)measures[size % 7], path, NULL };
    int rc = cmd_rank(8, argv);
    FUZZ_CHECK(rc == LIA_EXIT_OK || rc == LIA_EXIT_FAIL);
    return 0;
}
