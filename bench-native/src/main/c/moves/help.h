/* The sections of perfbp-bench moves --help after its options and matrices (help.c). */
#ifndef PERFBP_MOVES_HELP_H
#define PERFBP_MOVES_HELP_H

#include <stdio.h>

void moves_help_measurement(FILE *out);
void moves_help_output(FILE *out);

#endif
