"""Timing helpers shared by the benchmark scripts: the method of ../shared/bench."""
import os
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


def paired_runs(commands, cwd=None, env=None, runs=21):
    """Each command's median wall time in ms and its minor page faults, the commands run in turn
    (A, B, A, B, ...) after one warm-up each, so that a change in the machine's load falls on
    all of them alike: the way to compare two programs side by side on a shared machine."""
    def once(command):
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        return (time.perf_counter() - start) * 1000, usage.ru_minflt
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
