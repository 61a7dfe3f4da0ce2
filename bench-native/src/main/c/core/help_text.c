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
