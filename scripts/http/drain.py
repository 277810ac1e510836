"""End to end, as a user deploys Taskforge: submits N echo jobs to a running `taskforge serve`
through POST /v1/jobs:batch (its default limit of 100 jobs a request, two keep-alive connections),
then waits until a worker has run them all, and prints one JSON line with the rate.

The rate counts from the first submit to the moment GET /v1/queues first shows the queue empty
(nothing pending, nothing running), read every 20 ms; the jobs' own finished_at, which the
caller checks in the database, bounds it more tightly."""
import http.client
import json
import sys
import threading
import time

port, total = int(sys.argv[1]), int(sys.argv[2])
batch = 100


def connection():
    return http.client.HTTPConnection("127.0.0.1", port, timeout=60)


def submit(first, count, failures):
    conn = connection()
    for start in range(first, first + count, batch):
        size = min(batch, first + count - start)
        body = json.dumps({"jobs": [{"task": "echo", "input": {"message": f"job {start + i}"}} for i in range(size)]})
        conn.request("POST", "/v1/jobs:batch", body, {"Content-Type": "application/json"})
        response = conn.getresponse()
        response.read()
        if response.status != 202:
            failures.append(response.status)


def queue(conn):
    conn.request("GET", "/v1/queues")
    response = conn.getresponse()
    for status in json.loads(response.read())["queues"]:
        if status["name"] == "default":
            return status
    return {"pending": 0, "running": 0}


failures = []
started = time.monotonic()
half = total // 2
threads = [
    threading.Thread(target=submit, args=(0, half, failures)),
    threading.Thread(target=submit, args=(half, total - half, failures)),
]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
submitted = time.monotonic()
conn = connection()
while True:
    status = queue(conn)
    if status["pending"] == 0 and status["running"] == 0:
        break
    time.sleep(0.02)
drained = time.monotonic()


def listed(status):
    conn.request("GET", f"/v1/jobs?status={status}&limit=1")
    response = conn.getresponse()
    return len(json.loads(response.read())["jobs"])


unsuccessful = [status for status in ("failed", "cancelled", "quarantined") if listed(status)]
print(json.dumps({
    "jobs": total,
    "refused_batches": len(failures),
    "unsuccessful_states": unsuccessful,
    "submit_seconds": round(submitted - started, 3),
    "total_seconds": round(drained - started, 3),
    "jobs_per_second": round(total / (drained - started)),
}))
sys.exit(1 if failures or unsuccessful else 0)
