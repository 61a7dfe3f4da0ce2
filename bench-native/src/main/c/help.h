/* Every command's --help (help.c). */
#ifndef PERFBP_HELP_H
#define PERFBP_HELP_H

#include "cli.h"

#include <stdio.h>

/* The --help of opts->command. */
void options_help(const struct options *opts, FILE *out);

#endif
