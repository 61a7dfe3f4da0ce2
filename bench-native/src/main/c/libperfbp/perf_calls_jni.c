/*
 * JNI entry points for the perf calls on the move path of both strategies
 * (dev.rearm.perf.linux.JniPerfCalls).
 *
 * Why not JNA there: JNA's generic dispatch adds a per-call cost that showed in every JMH
 * figure against the native harness's where it was measured (docs/design.md has those figures);
 * a plain JNI call adds far less. BindingFloorBenchmark measures the floor on the machine
 * at hand.
 *
 * Contract of every function: the call's result, or -errno when it fails, read here right
 * after the call so nothing in the JVM can overwrite errno first. Java exceptions are never
 * touched in C: the Java side turns -errno into a PerfException that says what to do.
 * Pointers cross as jlong addresses (attr, read buffer, f_owner_ex): no array copies, no
 * pinning, nothing for the JVM to marshal. The methods are instance methods of JniPerfCalls
 * (it implements the PerfCalls interface directly); JNI spells '_' in a Java name as "_1".
 */
#include <jni.h>

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#define PTR(address) ((void *)(intptr_t)(address))

static jlong or_errno(long result)
{
	return result == -1 ? -(jlong)errno : (jlong)result;
}

JNIEXPORT jlong JNICALL
Java_dev_rearm_perf_linux_JniPerfCalls_perf_1event_1open(JNIEnv *env, jobject self, jlong attr, jint pid, jint cpu,
						     jint group_fd, jlong flags)
{
	(void)env;
	(void)self;
	return or_errno(syscall(SYS_perf_event_open, PTR(attr), (pid_t)pid, (int)cpu, (int)group_fd,
				(unsigned long)flags));
}

/* The kernel reads ioctl's third argument as an unsigned long: an integer or a struct's address. */
JNIEXPORT jint JNICALL
Java_dev_rearm_perf_linux_JniPerfCalls_ioctl(JNIEnv *env, jobject self, jint fd, jlong request, jlong arg)
{
	(void)env;
	(void)self;
	return (jint)or_errno(ioctl(fd, (unsigned long)request, (unsigned long)arg));
}

/* The mapping's address (user-space addresses are positive) or -errno. */
JNIEXPORT jlong JNICALL
Java_dev_rearm_perf_linux_JniPerfCalls_mmap(JNIEnv *env, jobject self, jlong addr, jlong length, jint prot,
					    jint flags, jint fd, jlong offset)
{
	void *mapped;

	(void)env;
	(void)self;
	mapped = mmap(PTR(addr), (size_t)length, prot, flags, fd, (off_t)offset);
	return mapped == MAP_FAILED ? -(jlong)errno : (jlong)(intptr_t)mapped;
}

JNIEXPORT jint JNICALL
Java_dev_rearm_perf_linux_JniPerfCalls_munmap(JNIEnv *env, jobject self, jlong addr, jlong length)
{
	(void)env;
	(void)self;
	return (jint)or_errno(munmap(PTR(addr), (size_t)length));
}

JNIEXPORT jint JNICALL
Java_dev_rearm_perf_linux_JniPerfCalls_close(JNIEnv *env, jobject self, jint fd)
{
	(void)env;
	(void)self;
	return (jint)or_errno(close(fd));
}

JNIEXPORT jlong JNICALL
Java_dev_rearm_perf_linux_JniPerfCalls_read(JNIEnv *env, jobject self, jint fd, jlong buf, jlong count)
{
	(void)env;
	(void)self;
	return or_errno(read(fd, PTR(buf), (size_t)count));
}

/* Like ioctl, fcntl's third argument reaches the kernel as an unsigned long: F_SETSIG's signal
 * number and F_SETOWN_EX's struct f_owner_ex address alike. */
JNIEXPORT jint JNICALL
Java_dev_rearm_perf_linux_JniPerfCalls_fcntl(JNIEnv *env, jobject self, jint fd, jint cmd, jlong arg)
{
	(void)env;
	(void)self;
	return (jint)or_errno(fcntl(fd, cmd, (unsigned long)arg));
}

JNIEXPORT jint JNICALL
Java_dev_rearm_perf_linux_JniPerfCalls_gettid(JNIEnv *env, jobject self)
{
	(void)env;
	(void)self;
	return (jint)gettid();
}

JNIEXPORT jint JNICALL
Java_dev_rearm_perf_linux_JniPerfCalls_getpagesize(JNIEnv *env, jobject self)
{
	(void)env;
	(void)self;
	return (jint)getpagesize();
}
