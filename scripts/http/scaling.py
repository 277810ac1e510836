"""Scaling apart: N echo jobs are submitted to a running `taskforge serve --workers 0` (through
POST /v1/jobs:batch, 100 a request), then K `taskforge worker` processes are started at once on the
same database and timed until GET /v1/queues (read every 20 ms) shows the queue empty.

Usage: scaling.py PORT JOBS WORKERS -- WORKER COMMAND...

Prints one JSON line: the wall time from starting the workers to the empty queue, and the CPU
seconds spent meanwhile by the PostgreSQL server's processes, by the worker processes and by
their handler processes (their children), read from /proc before the start and at the end.
The caller reads the jobs' own timestamps from the database for the tighter figure."""
import http.client
import json
import os
import signal
import subprocess
import sys
import time

port, total, workers = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
command = sys.argv[sys.argv.index("--") + 1:]
batch = 100
ticks = os.sysconf("SC_CLK_TCK")


def connection():
    return http.client.HTTPConnection("127.0.0.1", port, timeout=60)


def submit():
    conn = connection()
    for start in range(0, total, batch):
        size = min(batch, total - start)
        body = json.dumps({"jobs": [{"task": "echo", "input": {"message": f"job {start + i}"}} for i in range(size)]})
        conn.request("POST", "/v1/jobs:batch", body, {"Content-Type": "application/json"})
        response = conn.getresponse()
        response.read()
        if response.status != 202:
            sys.exit(f"a batch was refused with {response.status}")


def queue_is_empty(conn):
    conn.request("GET", "/v1/queues")
    response = conn.getresponse()
    queues = json.loads(response.read())["queues"]
    return all(q["pending"] == 0 and q["running"] == 0 for q in queues)


def processes():
    """pid -> (parent pid, command name, CPU seconds) of every process."""
    table = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as file:
                stat = file.read()
        except OSError:
            continue
        name = stat[stat.index("(") + 1:stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2:].split()
        table[int(entry)] = (int(fields[1]), name, (int(fields[11]) + int(fields[12])) / ticks)
    return table


def cpu(table, pids):
    return sum(table[pid][2] for pid in pids if pid in table)


def postgres_cpu_since(before, after):
    """CPU seconds the PostgreSQL processes spent between the two readings (backends started meanwhile whole)."""
    return sum(
        seconds - (before[pid][2] if pid in before and before[pid][1] == name else 0)
        for pid, (_, name, seconds) in after.items() if name == "postgres")


submit()
before = processes()
started = time.monotonic()
spawned = [subprocess.Popen(command, stderr=subprocess.DEVNULL) for _ in range(workers)]
conn = connection()
while not queue_is_empty(conn):
    time.sleep(0.02)
drained = time.monotonic()
after = processes()
worker_pids = [process.pid for process in spawned]
handler_pids = [pid for pid, (parent, _, _) in after.items() if parent in worker_pids]
result = {
    "workers": workers,
    "jobs": total,
    "seconds": round(drained - started, 3),
    "jobs_per_second": round(total / (drained - started)),
    "cpu_seconds": {
        "postgres": round(postgres_cpu_since(before, after), 2),
        "workers": round(cpu(after, worker_pids), 2),
        "handler_processes": round(cpu(after, handler_pids), 2),
    },
}
for process in spawned:
    process.send_signal(signal.SIGTERM)
for process in spawned:
    process.wait(timeout=60)
print(json.dumps(result))
