/*
 * The whole process's open fds and mappings, read from /proc/self like the Java soak does, so
 * native.json can show that a run (a million moves, say) ends holding what it started with.
 */
#include "bench.h"

#include <dirent.h>

int process_resources(int *fds, int *mappings)
{
	struct dirent *entry;
	DIR *dir = opendir("/proc/self/fd");
	FILE *maps;
	int c;

	*fds = 0;
	*mappings = 0;
	if (dir == NULL)
		return -1;
	while ((entry = readdir(dir)) != NULL)
		if (entry->d_name[0] != '.')
			(*fds)++;
	if (closedir(dir) != 0)
		return -1;
	(*fds)--; /* the directory's own fd, open only while it is read */
	maps = fopen("/proc/self/maps", "r");
	if (maps == NULL)
		return -1;
	/* Count lines, not fgets calls: a path longer than the buffer must not count twice. */
	while ((c = fgetc(maps)) != EOF)
		if (c == '\n')
			(*mappings)++;
	return fclose(maps) == 0 ? 0 : -1;
}
