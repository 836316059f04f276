#!/usr/bin/env python3
"""Posts batches of generated records to a batch endpoint and prints records/s and the batch latencies.

   batch.py BASE TOKEN clients|deals BATCHES [CONCURRENCY] [CUSTOM_FIELDS: 0|1] [MODE: create|upsert]
"""
import json, sys, time, threading, urllib.request, random

base, token, kind, batches = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
concurrency = int(sys.argv[5]) if len(sys.argv) > 5 else 1
custom = len(sys.argv) > 6 and sys.argv[6] == "1"
mode = sys.argv[7] if len(sys.argv) > 7 else "create"
path = "/api/clients/batch" if kind == "clients" else "/api/crm/deals/batch"
SIZE = 1000
industries = ["Software", "Retail", "Energy", "Health", "Logistics", "Finance"]
states = ["TX", "CA", "NY", "WA", "FL", "IL"]
run = random.randrange(1_000_000)

def record(b, i):
    n = b * SIZE + i
    if kind == "clients":
        r = {"name": f"Bench Batch {run}-{n}", "contactName": f"Contact {n}",
             "contactEmail": f"c{run}-{n}@batch.example", "industry": industries[n % 6], "state": states[n % 6],
             "city": "Springfield", "estimatedMonthlySpend": str(100 + n % 5000), "companyId": f"B{run}-{n}"}
        if custom:
            r["customFields"] = {"tier": ["gold", "silver", "bronze"][n % 3], "seats": n % 500}
    else:
        r = {"name": f"Bench deal {run}-{n}", "value": str(1000 + n % 90000), "currency": "USD",
             "contactEmail": f"d{run}-{n}@batch.example", "stage": ["lead", "qualified", "proposal"][n % 3]}
        if custom:
            r["customFields"] = {"budget": n % 10000}
    return r

bodies = [json.dumps({"mode": mode, "idProperty": "contactEmail" if mode == "upsert" else None,
                      "inputs": [record(b, i) for i in range(SIZE)]}).encode() for b in range(batches)]
latencies, errors, lock, nxt = [], [], threading.Lock(), [0]

def worker():
    while True:
        with lock:
            if nxt[0] >= batches:
                return
            b = nxt[0]; nxt[0] += 1
        req = urllib.request.Request(base + path, data=bodies[b], method="POST",
                                     headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
        t = time.perf_counter()
        with urllib.request.urlopen(req, timeout=120) as resp:
            answer = json.load(resp)
        dt = time.perf_counter() - t
        with lock:
            latencies.append(dt)
            if answer["errors"]:
                errors.append(answer["errors"])

start = time.perf_counter()
threads = [threading.Thread(target=worker) for _ in range(concurrency)]
[t.start() for t in threads]
[t.join() for t in threads]
total = time.perf_counter() - start
latencies.sort()
p = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000
print(f"RESULT batch-{kind}{'-cf' if custom else ''}-{mode} c={concurrency} batches={batches} "
      f"records={batches * SIZE} seconds={total:.2f} records_per_s={batches * SIZE / total:.0f} "
      f"batch_p50={p(0.5):.0f}ms batch_p95={p(0.95):.0f}ms refused={sum(errors)}")
