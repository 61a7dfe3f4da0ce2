/* Word-wrapping for --help, so every command's options and paragraphs line up alike. */
#include "help_text.h"

#include <string.h>

void help_wrap(FILE *out, const char *text, int indent, int width)
{
	int column = indent;
	const char *p = text;

	while (*p) {
		const char *space = strchr(p, ' ');
		int word = space ? (int)(space - p) : (int)strlen(p);

		if (column > indent && column + 1 + word > width) {
			fprintf(out, "\n%*s", indent, "");
			column = indent;
		} else if (column > indent) {
			fputc(' ', out);
			column++;
		}
		fprintf(out, "%.*s", word, p);
		column += word;
		p += word;
		while (*p == ' ')
			p++;
	}
	fputc('\n', out);
}

void help_exit_status(FILE *out)
{
	fprintf(out,
		"\n"
		"EXIT STATUS\n"
		"  0 results written; 1 a premise failed (a trap count was off) or the system failed (memory,\n"
		"  I/O), nothing written; 2 bad input (one line names the option and the valid values), nothing\n"
		"  run; 3 the kernel refused (the message says why and what to do), or round-size found no\n"
		"  scenario it can run here, nothing written. A moves or round-size run that stops ends\n"
		"  stderr with \"perfbp-bench: stopped at <where>: <what failed> (<scenario, thread,\n"
		"  round>); nothing written\".\n");
}
