/*
 * What the process holds, read from /proc/self like the Java soak does: every fd and mapping
 * (native.json shows a run ends holding what it started with), or only the perf ones (between
 * groups both must be zero, or some path leaked: docs/design.md, no leaks after any number of ops).
 */
#include "resources.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define PERF_INODE "anon_inode:[perf_event]"

/* Open fds, or with perf_only those whose link names a perf event; -1 if /proc fails. */
static int count_fds(int perf_only)
{
	char link[64], path[64];
	struct dirent *entry;
	DIR *dir = opendir("/proc/self/fd");
	int count = 0;

	if (dir == NULL)
		return -1;
	while ((entry = readdir(dir)) != NULL) {
		ssize_t n;

		if (entry->d_name[0] == '.')
			continue;
		if (!perf_only) {
			count++;
			continue;
		}
		snprintf(path, sizeof(path), "/proc/self/fd/%.32s", entry->d_name);
		n = readlink(path, link, sizeof(link) - 1);
		if (n < 0)
			continue; /* the directory's own fd may be gone already */
		link[n] = '\0';
		if (strcmp(link, PERF_INODE) == 0)
			count++;
	}
	if (closedir(dir) != 0)
		return -1;
	/* The directory's own fd, open only while it is read, is not the process's. */
	return perf_only ? count : count - 1;
}

/* Mappings, or with perf_only the perf rings; whole lines, however long their path. */
static int count_mappings(int perf_only)
{
	FILE *maps = fopen("/proc/self/maps", "r");
	char *line = NULL;
	size_t size = 0;
	int count = 0;

	if (maps == NULL)
		return -1;
	while (getline(&line, &size, maps) >= 0)
		if (!perf_only || strstr(line, PERF_INODE) != NULL)
			count++;
	free(line);
	return fclose(maps) == 0 ? count : -1;
}

static int count_both(int perf_only, int *fds, int *mappings)
{
	*fds = count_fds(perf_only);
	*mappings = *fds < 0 ? -1 : count_mappings(perf_only);
	if (*fds < 0 || *mappings < 0) {
		*fds = *fds < 0 ? 0 : *fds;
		*mappings = *mappings < 0 ? 0 : *mappings;
		return -1;
	}
	return 0;
}

int process_resources(int *fds, int *mappings)
{
	return count_both(0, fds, mappings);
}

int perf_resources_held(int *fds, int *mappings)
{
	return count_both(1, fds, mappings);
}

int perf_resources_check_released(const char *after, const char *owner)
{
	int fds, maps;

	if (perf_resources_held(&fds, &maps) == 0 && fds == 0 && maps == 0)
		return 0;
	fprintf(stderr, "perfbp-bench: after %s, %d perf fds and %d perf mappings are still open (or /proc/self could not "
		"be read): a leak in %s; nothing written\n", after, fds, maps, owner);
	return -1;
}
