"""Timing helpers shared by the benchmark scripts: the method of ../shared/bench."""
import os
import shutil
import statistics
import subprocess
import time


def whole_process_ms(command, cwd=None, runs=5, env=None):
    """Median wall time of a command in ms (output to /dev/null), after one warm-up."""
    def once():
        start = time.perf_counter()
        subprocess.run(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return (time.perf_counter() - start) * 1000
    once()
    return statistics.median(once() for _ in range(runs))


def evict_from_page_cache(program):
    """Drops a program's files (its binary and the shared libraries `ldd` lists) from the page
    cache, so that its next run reads them from disk, as a program is after a reboot, and the
    cache holds them as it holds any installed program. A file just written (a `strip -o` copy, a
    fresh link) sits in the cache in large pieces that take far fewer page faults to map: on the
    5% diff pair a fresh stripped copy of motion took 303 faults, the same file read from disk 403.
    Pages another process has mapped (the C library, which Python uses) stay."""
    path = shutil.which(program) or program
    files = [path]
    for line in subprocess.run(["ldd", path], capture_output=True, text=True).stdout.splitlines():
        parts = line.split("=>")
        if len(parts) == 2 and parts[1].strip().startswith("/"):
            files.append(parts[1].split()[0])
    for file in files:
        descriptor = os.open(file, os.O_RDONLY)
        try:
            os.posix_fadvise(descriptor, 0, 0, os.POSIX_FADV_DONTNEED)
        finally:
            os.close(descriptor)


def paired_runs(commands, cwd=None, env=None, runs=21):
    """Each command's median wall time in ms and its minor page faults, the commands run in turn
    (A, B, A, B, ...) after each program is read from disk and run once, so that a change in the
    machine's load falls on all of them alike: the way to compare two programs side by side on a
    shared machine."""
    def once(command):
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        return (time.perf_counter() - start) * 1000, usage.ru_minflt
    # Every program read from disk first (see evict_from_page_cache), then one warm-up run each.
    for command in commands:
        evict_from_page_cache(command[0])
    for command in commands:
        once(command)
    times = [[] for _ in commands]
    faults = [0 for _ in commands]
    for _ in range(runs):
        for index, command in enumerate(commands):
            ms, minflt = once(command)
            times[index].append(ms)
            faults[index] = minflt
    return [(statistics.median(t), f) for t, f in zip(times, faults)]
