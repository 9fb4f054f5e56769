"""The fetch benchmark's Python alternatives: aiohttp on asyncio, or on uvloop with --uvloop.

As the Java alternatives do: `concurrency` workers share one session and take requests from a
shared count until `requests` GETs have been made, each checking the page's length. One round to
warm up, then the measured round. Prints one line for FetchBenchmark: "RESULT <wall s> <CPU s>"
(CPU: the whole process), or "RESULT skip <why>" when a module is missing.
"""
import argparse
import asyncio
import sys
import time


def parse():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", required=True)
    parser.add_argument("--size", type=int, default=10240)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=100)
    parser.add_argument("--uvloop", action="store_true")
    return parser.parse_args()


async def worker(session, url, size, left):
    fetched = 0
    while left[0] > 0:
        left[0] -= 1
        async with session.get(url) as response:
            body = await response.read()
        if len(body) != size:
            raise RuntimeError(f"GET {url} gave {len(body)} bytes, not the page's {size}")
        fetched += 1
    return fetched


async def one_round(session, args):
    left = [args.requests]
    await asyncio.gather(*(worker(session, args.url, args.size, left) for _ in range(args.concurrency)))


async def measure(aiohttp, args):
    connector = aiohttp.TCPConnector(limit=args.concurrency)
    async with aiohttp.ClientSession(connector=connector) as session:
        await one_round(session, args)
        wall, cpu = time.perf_counter(), time.process_time()
        await one_round(session, args)
        return time.perf_counter() - wall, time.process_time() - cpu


def main():
    args = parse()
    try:
        import aiohttp
    except ImportError:
        print(f"RESULT skip aiohttp is not installed for {sys.executable} (Debian: apt-get install python3-aiohttp)")
        return
    if args.uvloop:
        try:
            import uvloop
        except ImportError:
            print(f"RESULT skip uvloop is not installed for {sys.executable} (Debian: apt-get install python3-uvloop)")
            return
        uvloop.install()
    wall, cpu = asyncio.run(measure(aiohttp, args))
    print(f"RESULT {wall} {cpu}", flush=True)


if __name__ == "__main__":
    main()
