/* Help text laid out alike in every command's --help (help_text.c). */
#ifndef PERFBP_HELP_TEXT_H
#define PERFBP_HELP_TEXT_H

#include <stdio.h>

/* Prints text word-wrapped at width, continuation lines indented by indent, and a newline. */
void help_wrap(FILE *out, const char *text, int indent, int width);

/* The EXIT STATUS section every command's --help ends with. */
void help_exit_status(FILE *out);

#endif
