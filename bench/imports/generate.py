#!/usr/bin/env python3
"""Writes bench/imports/clients-100k.csv and deals-100k.csv (the export's header names) for the import benchmark.

usage: generate.py [rows] [owner e-mail]
"""
import csv, os, random, sys
from datetime import date, timedelta

rows = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
owner = sys.argv[2] if len(sys.argv) > 2 else ""
here = os.path.dirname(os.path.abspath(__file__))
random.seed(15)
states = ["TX", "CA", "NY", "WA", "FL", "IL", "MA", "CO"]
industries = ["Software", "Retail", "Logistics", "Health", "Finance", "Energy"]
with open(os.path.join(here, "clients-100k.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["id", "name", "contactName", "contactEmail", "contactPhone", "industry", "addressLine1", "city",
                "state", "zipCode", "estimatedMonthlySpend", "status", "accountOwnerId", "companyId"])
    for i in range(rows):
        w.writerow(["", f"Bench Company {i:06d}", f"Person {i}", f"person{i}@bench{i % 997}.test",
                    f"+1 512 555 {i % 10000:04d}", random.choice(industries), f"{i} Main Street", "Austin",
                    random.choice(states), f"{78700 + i % 99:05d}", f"{random.randint(0, 99999)}.{i % 100:02d}",
                    "active", owner, f"BC-{i:06d}"])
stages = ["Lead", "Qualified", "Proposal", "Negotiation", "Won", "Lost"]
with open(os.path.join(here, "deals-100k.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["name", "stage", "value", "currency", "clientName", "expectedCloseDate", "actualCloseDate",
                "ownerId", "source", "lostReason", "createdAt"])
    start = date(2025, 1, 1)
    for i in range(rows):
        stage = random.choice(stages)
        created = start + timedelta(days=random.randint(0, 300))
        closed = created + timedelta(days=random.randint(1, 60)) if stage in ("Won", "Lost") else None
        w.writerow([f"Bench deal {i:06d}", stage, f"{random.randint(100, 500000)}.00", "USD",
                    f"Bench Company {i % 5000:06d}", (created + timedelta(days=90)).isoformat(),
                    closed.isoformat() if closed else "", owner, "Import bench",
                    "Budget" if stage == "Lost" else "", created.isoformat()])
print("wrote", rows, "clients and deals to", here)
