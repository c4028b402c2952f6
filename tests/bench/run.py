#!/usr/bin/env python3
"""memtutor benchmarks: each workload run by memtutor and by python3 itself,
alternating, N rounds; medians of wall time and peak RSS.  Usage:
    python3 tests/bench/run.py MEMTUTOR [ROUNDS [STEPBACK]]
STEPBACK is the driver built from stepback.c (make bench builds it)."""
import json, os, statistics, subprocess, sys, time

here = os.path.dirname(os.path.abspath(__file__))
memtutor = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else './memtutor'
rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 5
stepback = os.path.abspath(sys.argv[3]) if len(sys.argv) > 3 else None
python = os.path.realpath(sys.executable)   # the interpreter itself, not a launcher


class Failed(Exception):
    pass


def run(cmd):
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, status, ru = os.wait4(p.pid, 0)
    dt = time.perf_counter() - t0
    out = p.stdout.read()
    err = p.stderr.read()
    p.stdout.close(); p.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        last = err.decode(errors='replace').strip().splitlines()[-1:] or ['']
        raise Failed('exit %d: %s' % (os.waitstatus_to_exitcode(status), last[0]))
    return dt, ru.ru_maxrss / 1024.0, out


def compare(name, script):
    path = os.path.join(here, script)
    mt, py = [], []
    outs = set()
    for _ in range(rounds):
        try:
            a = run([memtutor, 'exec', path]); mt.append(a)
        except Failed as e:
            print('%-34s memtutor FAILS (%s)' % (name, e))
            return
        b = run([python, path]); py.append(b)
        outs.add((a[2], b[2]))
    same = all(x == y for x, y in outs)
    mt_t = statistics.median(x[0] for x in mt); py_t = statistics.median(x[0] for x in py)
    mt_m = statistics.median(x[1] for x in mt); py_m = statistics.median(x[1] for x in py)
    print('%-34s memtutor %7.3f s %7.1f MB | python3 %7.3f s %7.1f MB | time %.2fx rss %.2fx%s' % (
        name, mt_t, mt_m, py_t, py_m, mt_t / py_t, mt_m / py_m, '' if same else '  OUTPUT DIFFERS'))


def timed(name, cmd, n=None):
    ts = [run(cmd)[0] for _ in range(n or rounds)]
    print('%-34s %8.1f ms (median of %d)' % (name, statistics.median(ts) * 1000, len(ts)))


print('python3: %s (%s); %d alternating rounds, medians' % (python, sys.version.split()[0], rounds))
compare('1. seed workload', 'seed.py')
compare('   making/freeing 1M ints, cycles', 'alloc_free.py')
compare('2. gc.collect, 1M live containers', 'gc_live.py')
compare('   gc.collect, 1M unreachable', 'gc_cycles.py')
# the interpreter's own speed (issue 14): attribute access, comprehensions,
# int arithmetic in a function, str() and dicts, keyword calls
compare('6. linked list of 300,000, walked', 'linked_list.py')
compare('   [i for i in range(10**7)], del', 'listcomp_del.py')
compare('   s += i * 2 % 7, 3M times in a def', 'int_loop.py')
compare('   {i: str(i)} for 10**6, clear()', 'dictcomp_clear.py')
compare('   1M keyword-argument calls', 'kwcall_loop.py')
# 3. render of the frame at the million-object step against exec of the same program
# (9 runs each: these take tens of milliseconds, where the machine's noise shows most)
timed('3. render del lesson, step 4 (1M)', [memtutor, 'render', 'del-unbinds-names', '--step', '4'], 9)
timed('   exec of the same program to line 5', [memtutor, 'exec', os.path.join(here, 'del_prefix.py')], 9)
# 4. one step back at the million-object step, as the key press does it in
# the TUI (re-run to step 3, draw), inside one process; and as a whole
# process (start-up, lesson, re-run, drawing): an upper bound
if stepback:
    ts = [float(subprocess.run([stepback, 'del-unbinds-names', '4', '3', '9'], check=True,
                               stdout=subprocess.PIPE).stdout) for _ in range(rounds)]
    print('%-34s %8.1f ms (median of %d x 9)' % ('4. step back 4 -> 3 in the TUI', statistics.median(ts), rounds))
timed('   as a process: render --step 3', [memtutor, 'render', 'del-unbinds-names', '--step', '3'], 9)
timed('5. start-up: memtutor list', [memtutor, 'list'], 21)
