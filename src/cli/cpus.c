/* What a batch may use: the CPUs this process may run on and the memory
 * it may still take. A node's CPU count says nothing about a Slurm job
 * given 4 of its 64 cores (its affinity mask), a Kubernetes pod limited to
 * 2 CPUs (a cgroup quota) or a run under taskset; nor does its memory
 * about a pod's memory limit. */
#define _GNU_SOURCE
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/batch.h"

/* Is `name` one of the comma-separated controllers of `list`? */
static int has_controller(const char *list, const char *name)
{
    size_t n = strlen(name);
    for (const char *p = list; p && *p; p = strchr(p, ',') ? strchr(p, ',') + 1 : NULL)
        if (!strncmp(p, name, n) && (p[n] == ',' || !p[n]))
            return 1;
    return 0;
}

/* The cgroup (v2 "0::PATH", or v1 with `controller` among its
 * controllers) of this process, into buf; 0 when not found. */
static int cgroup_path(const char *controller, int v2, char *buf, size_t cap)
{
    FILE *f = fopen("/proc/self/cgroup", "r");
    char line[4096];
    int found = 0;
    if (!f)
        return 0;
    while (!found && fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = 0;
        char *c1 = strchr(line, ':'), *c2 = c1 ? strchr(c1 + 1, ':') : NULL;
        if (!c2)
            continue;
        *c1 = *c2 = 0;
        if (v2 ? !strcmp(line, "0") && c1 + 1 == c2 : has_controller(c1 + 1, controller)) {
            snprintf(buf, cap, "%s", c2 + 1);
            found = 1;
        }
    }
    fclose(f);
    return found;
}

static int read_line(const char *path, char *buf, size_t cap)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return 0;
    int ok = fgets(buf, (int)cap, f) != NULL;
    fclose(f);
    return ok;
}

/* The smallest value of FILE in the cgroup `path` under `root` and in its
 * parents (a limit set higher up bounds those below), through parse(). */
static double cgroup_min(const char *root, const char *path, const char *file,
                         double (*parse)(const char *text, const char *dir))
{
    char dir[4096], p[4400], text[256];
    double best = -1;
    snprintf(dir, sizeof dir, "%s%s", root, path);
    for (;;) {
        snprintf(p, sizeof p, "%s/%s", dir, file);
        if (read_line(p, text, sizeof text)) {
            double v = parse(text, dir);
            if (v > 0 && (best < 0 || v < best))
                best = v;
        }
        char *slash = strrchr(dir, '/');
        if (!slash || (size_t)(slash - dir) < strlen(root))
            break;
        *slash = 0;
    }
    return best;
}

/* cgroup v2 cpu.max: "QUOTA PERIOD" or "max PERIOD" */
static double cpu_max(const char *text, const char *dir)
{
    (void)dir;
    double q, per;
    return sscanf(text, "%lf %lf", &q, &per) == 2 && q > 0 && per > 0 ? q / per : -1;
}

/* cgroup v1 cpu.cfs_quota_us (-1: none), with cpu.cfs_period_us beside it */
static double cfs_quota(const char *text, const char *dir)
{
    char p[4400], per[64];
    double q = atof(text);
    snprintf(p, sizeof p, "%s/cpu.cfs_period_us", dir);
    if (q <= 0 || !read_line(p, per, sizeof per) || atof(per) <= 0)
        return -1;
    return q / atof(per);
}

int cli_cpus_available(void)
{
    cpu_set_t set;
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    if (sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0)
        n = CPU_COUNT(&set);
    char path[4096];
    double quota = -1;
    if (cgroup_path(NULL, 1, path, sizeof path))
        quota = cgroup_min("/sys/fs/cgroup", path, "cpu.max", cpu_max);
    if (quota < 0 && cgroup_path("cpu", 0, path, sizeof path)) {
        quota = cgroup_min("/sys/fs/cgroup/cpu,cpuacct", path, "cpu.cfs_quota_us", cfs_quota);
        if (quota < 0)
            quota = cgroup_min("/sys/fs/cgroup/cpu", path, "cpu.cfs_quota_us", cfs_quota);
    }
    if (quota > 0 && quota < (double)n)
        n = (long)(quota + 0.999); /* 1.5 CPUs: two workers */
    return n < 1 ? 1 : n > 4096 ? 4096 : (int)n;
}

/* memory.max (v2) or memory.limit_in_bytes (v1) less what the group uses */
static double mem_left(const char *text, const char *dir)
{
    char p[4400], cur[64];
    if (!strncmp(text, "max", 3))
        return -1;
    double limit = atof(text), used = 0;
    snprintf(p, sizeof p, "%s/memory.current", dir);
    if (!read_line(p, cur, sizeof cur)) {
        snprintf(p, sizeof p, "%s/memory.usage_in_bytes", dir);
        if (!read_line(p, cur, sizeof cur))
            cur[0] = 0;
    }
    used = atof(cur);
    if (limit <= 0 || limit > 1e18) /* v1 writes "no limit" as a huge number */
        return -1;
    return limit > used ? limit - used : 1;
}

unsigned long long cli_memory_available(void)
{
    FILE *f = fopen("/proc/meminfo", "r");
    char line[256];
    double avail = -1;
    while (f && fgets(line, sizeof line, f))
        if (!strncmp(line, "MemAvailable:", 13))
            avail = atof(line + 13) * 1024;
    if (f)
        fclose(f);
    char path[4096];
    double cg = -1;
    if (cgroup_path(NULL, 1, path, sizeof path))
        cg = cgroup_min("/sys/fs/cgroup", path, "memory.max", mem_left);
    if (cg < 0 && cgroup_path("memory", 0, path, sizeof path))
        cg = cgroup_min("/sys/fs/cgroup/memory", path, "memory.limit_in_bytes", mem_left);
    if (cg > 0 && (avail < 0 || cg < avail))
        avail = cg;
    return avail > 0 ? (unsigned long long)avail : 0;
}
