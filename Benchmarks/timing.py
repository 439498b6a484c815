"""Timing helpers shared by the benchmark scripts: the method of ../shared/bench."""
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
