#!/usr/bin/env python3
"""Puts files in the page cache in a known state before they are timed.

How the kernel holds a cached file changes what reading it through a mapping costs. On this machine (Linux 6.18,
ext4) a file read from disk while memory is free is cached in large folios (up to 2 MiB, see FileHugePages in
/proc/meminfo), and mapping it costs little. A file cached while memory was fragmented sits in 4 KiB pages:
mapping it then costs 0.1-0.2 s more system time per 0.77 GB, about a fifth of an `ercalc size` run on one core
(Reports/BENCHMARK.md, eighth session); DuckDB and Polars barely notice. A file that has sat in the
cache for hours can be in either state, so the benchmark sets it:

    cache_state.py read  FILE_OR_FOLDER...   dropped from the cache, then read once front to back (readahead
                                              caches it in large folios where memory allows), as a file read
                                              from disk
    cache_state.py pages FILE_OR_FOLDER...   dropped, then read backwards one 4 KiB page at a time (no
                                              readahead, so 4 KiB pages), as on a machine short of free
                                              contiguous memory

Needs no privileges: posix_fadvise(DONTNEED) drops the clean pages of files the caller can read.
"""
import os
import sys

PAGE = 4096


def files(paths):
    for path in paths:
        if os.path.isdir(path):
            for folder, _, names in os.walk(path):
                for name in sorted(names):
                    yield os.path.join(folder, name)
        else:
            yield path


def main():
    if len(sys.argv) < 3 or sys.argv[1] not in ("read", "pages"):
        sys.exit("usage: cache_state.py read|pages FILE_OR_FOLDER...")
    state = sys.argv[1]
    for path in files(sys.argv[2:]):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            size = os.fstat(fd).st_size
            if state == "read":
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_SEQUENTIAL)
                while os.read(fd, 1 << 20):
                    pass
            else:
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_RANDOM)
                for offset in range((size - 1) // PAGE * PAGE, -1, -PAGE):
                    os.pread(fd, PAGE, offset)
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_NORMAL)
        finally:
            os.close(fd)


if __name__ == "__main__":
    main()
