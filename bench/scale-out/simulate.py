"""List-scheduling simulation of a cluster run from a --cluster-log file (docs/scale-out.md).

Jobs are taken in the client's order (strategy by strategy, fold by fold) and each goes to the worker that frees up
first, as ClusterFoldRunner does with one thread per worker. Each worker first pays the measured shipping cost
(bytes / measured rate). Prints the makespan for 1..32 workers and the limits: the longest job and the client's share.
"""
import heapq, json, sys

log = json.load(open(sys.argv[1]))
jobs = [j for j in log["jobs"] if j["counted"]]
order = {}
for j in jobs:
    order.setdefault(j["strategy"], len(order))
jobs.sort(key=lambda j: (order[j["strategy"]], j["fold"]))
durations = [j["seconds"] for j in jobs]
shipped = log["bytes_shipped"]
per_worker_bytes = max(shipped.values()) if shipped else 0
ship_s = log["shipping_seconds"] / max(1, len(shipped))  # encoding + sending, per worker
total = sum(durations)
print(f"jobs: {len(jobs)}, summed job time {total:.1f} s, longest job {max(durations):.2f} s, "
      f"bytes shipped per worker {per_worker_bytes}, shipping {ship_s:.3f} s per worker")
print("workers  makespan_s  speedup  efficiency")
for workers in [1, 2, 4, 8, 16, 32]:
    free = [ship_s] * workers
    heapq.heapify(free)
    for d in durations:
        heapq.heappush(free, heapq.heappop(free) + d)
    makespan = max(free)
    print(f"{workers:7d}  {makespan:10.2f}  {total / makespan:7.2f}  {total / makespan / workers:10.2f}")
print(f"lower bound for any number of workers: longest job + shipping = {max(durations) + ship_s:.2f} s")
