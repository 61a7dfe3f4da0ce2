/* What the process holds, from /proc/self, for the leak checks (resources.c). */
#ifndef PERFBP_RESOURCES_H
#define PERFBP_RESOURCES_H

/* Every open fd and every mapping of this process now; -1 if /proc fails. */
int process_resources(int *fds, int *mappings);
/* Perf fds and perf mappings the process holds now (0 and 0 between groups); -1 if /proc fails. */
int perf_resources_held(int *fds, int *mappings);
/* 0 when no perf fd or mapping is held; otherwise -1 and one line on stderr:
 *   perfbp-bench: after <after>, F perf fds and M perf mappings are still open (...): a leak in <owner>; nothing written */
int perf_resources_check_released(const char *after, const char *owner);

#endif
