/*
 * Putting native.json where --out says, atomically: the whole document was built in memory;
 * it goes to a temp file in the same directory, is synced and renamed over --out. An
 * interrupted or failed run never leaves a partial file or damages an earlier one.
 */
#include "publish.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int write_all(int fd, const char *data, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, data, len);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

static int sync_directory_of(const char *path)
{
	char dir[4096];
	const char *slash = strrchr(path, '/');
	int fd, rc;

	if (slash == NULL)
		snprintf(dir, sizeof(dir), ".");
	else if (slash == path)
		snprintf(dir, sizeof(dir), "/");
	else
		snprintf(dir, sizeof(dir), "%.*s", (int)(slash - path), path);
	fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	rc = fsync(fd);
	if (close(fd) != 0)
		rc = -1;
	return rc;
}

/* Signals that would kill us between mkstemp and rename are held until the file is in place. */
static int atomic_write(const char *path, const char *data, size_t len)
{
	char tmp[4096 + 16];
	sigset_t block, previous;
	mode_t mask;
	int fd, rc = -1, err = 0;

	if (snprintf(tmp, sizeof(tmp), "%s.tmp.XXXXXX", path) >= (int)sizeof(tmp)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	if (sigemptyset(&block) != 0 || sigaddset(&block, SIGINT) != 0 || sigaddset(&block, SIGTERM) != 0 ||
	    sigaddset(&block, SIGHUP) != 0 || sigprocmask(SIG_BLOCK, &block, &previous) != 0)
		return -1;
	mask = umask(0);
	umask(mask);
	fd = mkstemp(tmp);
	if (fd < 0) {
		err = errno;
		goto restore;
	}
	if (fchmod(fd, 0666 & ~mask) != 0 || write_all(fd, data, len) != 0 || fsync(fd) != 0) {
		err = errno;
		(void)close(fd);
		goto remove_tmp;
	}
	if (close(fd) != 0 || rename(tmp, path) != 0) {
		err = errno;
		goto remove_tmp;
	}
	if (sync_directory_of(path) != 0)
		err = errno; /* the file is complete and in place; only its durability is in doubt */
	rc = err ? -1 : 0;
	goto restore;
remove_tmp:
	if (unlink(tmp) != 0)
		perror("perfbp-bench: removing the temp file");
restore:
	if (sigprocmask(SIG_SETMASK, &previous, NULL) != 0 && rc == 0) {
		err = errno;
		rc = -1;
	}
	errno = err;
	return rc;
}

int publish_document(const char *out, const char *document, size_t len)
{
	int rc;

	if (out == NULL) {
		rc = fwrite(document, 1, len, stdout) == len && fflush(stdout) == 0 ? 0 : -1;
		if (rc != 0)
			perror("perfbp-bench: writing native.json to stdout");
	} else {
		rc = atomic_write(out, document, len);
		if (rc != 0)
			fprintf(stderr, "perfbp-bench: writing %s: %s\n", out, strerror(errno));
	}
	return rc;
}

int out_path_check(const char *out)
{
	char dir[4096];
	const char *slash;
	struct stat st;

	if (out == NULL)
		return 0;
	slash = strrchr(out, '/');
	if (slash == NULL) {
		snprintf(dir, sizeof(dir), ".");
	} else if (slash == out) {
		snprintf(dir, sizeof(dir), "/");
	} else {
		if ((size_t)(slash - out) >= sizeof(dir)) {
			fprintf(stderr, "perfbp-bench: --out %s: path too long; valid: a file in an existing, writable directory\n",
				out);
			return -1;
		}
		memcpy(dir, out, (size_t)(slash - out));
		dir[slash - out] = '\0';
	}
	if (slash != NULL && slash[1] == '\0') {
		fprintf(stderr, "perfbp-bench: --out %s: names a directory; valid: a file in an existing, writable directory\n",
			out);
		return -1;
	}
	if (stat(out, &st) == 0 && S_ISDIR(st.st_mode)) {
		fprintf(stderr, "perfbp-bench: --out %s: names a directory; valid: a file in an existing, writable directory\n",
			out);
		return -1;
	}
	/* Checked now so a long run cannot end with nowhere to put its results. */
	if (access(dir, W_OK | X_OK) != 0) {
		fprintf(stderr, "perfbp-bench: --out %s: directory %s is %s; valid: a file in an existing, writable directory\n",
			out, dir, errno == ENOENT ? "missing" : "not writable");
		return -1;
	}
	return 0;
}
