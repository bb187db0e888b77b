"""The issue #19 three-level chain in SimPy, the way a SimPy user writes it: one process per client, a Resource per level.

Runs with Debian's python3-simpy (SimPy 2.3.1, the classic `yield hold/request/release` API) under /usr/bin/python3.
Replications run in a multiprocessing pool of --workers processes, so both cores are used as Polku uses them.
Prints one JSON object: events (arrivals and service completions, as Polku counts them), wall seconds, and per
replication the mean wait at each level after the warm-up.
"""
import argparse
import json
import multiprocessing
import random
import time

from SimPy.Simulation import Process, Resource, Simulation, hold, release, request

LEVELS = [("universal", 6, 0.12, 0.3), ("basic", 9, 0.6, 0.2), ("specialist", 6, 2.0, 0.0)]
PER_DAY = 40.0


def replication(args):
    seed, days, warmup = args
    rng = random.Random(seed)
    sim = Simulation()
    sim.initialize()
    resources = [Resource(capacity=c, sim=sim, name=name) for name, c, _, _ in LEVELS]
    waits = [[0.0, 0] for _ in LEVELS]
    counter = [0]

    class Client(Process):
        def visit(self):
            level = 0
            while level is not None:
                _, _, mean, onward = LEVELS[level]
                entered = self.sim.now()
                yield request, self, resources[level]
                if self.sim.now() >= warmup:
                    waits[level][0] += self.sim.now() - entered
                    waits[level][1] += 1
                yield hold, self, rng.expovariate(1.0 / mean)
                yield release, self, resources[level]
                counter[0] += 1
                level = level + 1 if level + 1 < len(LEVELS) and rng.random() < onward else None

    class Arrivals(Process):
        def run(self):
            while True:
                yield hold, self, rng.expovariate(PER_DAY)
                counter[0] += 1
                client = Client(sim=self.sim)
                self.sim.activate(client, client.visit())

    source = Arrivals(sim=sim)
    sim.activate(source, source.run())
    sim.simulate(until=days)
    return counter[0], [w / n if n else None for w, n in waits]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--days", type=float, default=2000)
    parser.add_argument("--warmup", type=float, default=200)
    parser.add_argument("--replications", type=int, default=4)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--workers", type=int, default=2)
    a = parser.parse_args()
    jobs = [(a.seed * 1000 + r, a.days, a.warmup) for r in range(a.replications)]
    start = time.perf_counter()
    with multiprocessing.Pool(a.workers) as pool:
        results = pool.map(replication, jobs)
    seconds = time.perf_counter() - start
    print(json.dumps({
        "simpy": "2.3.1",
        "events": sum(r[0] for r in results),
        "seconds": seconds,
        "waits": [r[1] for r in results],
        "levels": [name for name, _, _, _ in LEVELS],
    }))


if __name__ == "__main__":
    main()
