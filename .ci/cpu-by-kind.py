"""Where CI's CPU goes, by kind of process (issue 28): CI on two cores is CPU-bound once the
networks are up, so a faster CI needs less work, and this says which work.

  cpu-by-kind.py sample FILE   every 2 s, the CPU time of every process, kept in FILE until killed
  cpu-by-kind.py report FILE   CPU seconds per kind, and how busy the machine was

A process that lives less than one interval (a shell step, a peer CLI call) is missed; the
machine's own count (/proc/stat) shows how much that left unnamed.
"""
import json
import os
import re
import sys
import time

TICK = os.sysconf('SC_CLK_TCK')

# (kind, pattern in the command line), first match wins
KINDS = [
    ('chromium', r'/chromium|chrome_crashpad|/chromedriver'),
    ('test portal (Payara Micro)', r'payara-micro\.jar.*portal-preboot'),
    ('Arquillian portal (Payara Micro)', r'payara-micro|payaramicro'),
    ('test JVM (Surefire/Failsafe)', r'surefire'),
    ('Maven', r'plexus-classworlds'),
    ('Fabric peer', r'\bpeer node start'),
    ('Fabric orderer', r'/orderer\b'),
    ('chaincode service', r'chaincode.*\.jar|registry-chaincode'),
    ('Fabric CA', r'fabric-ca-server'),
    ('PostgreSQL', r'postgres'),
    ('other Java (bench, clients)', r'/java\b'),
]


def kind_of(pid):
    try:
        with open(f'/proc/{pid}/cmdline', 'rb') as f:
            command = f.read().replace(b'\0', b' ').decode(errors='replace')
    except OSError:
        return None
    if not command:
        return 'kernel'
    for kind, pattern in KINDS:
        if re.search(pattern, command):
            return kind
    return 'other'


def machine_ticks():
    with open('/proc/stat') as f:
        fields = [int(x) for x in f.readline().split()[1:]]
    idle = fields[3] + fields[4]
    return sum(fields[:8]) - idle, sum(fields[:8])


def sample(path):
    processes = {}  # pid -> [kind, ticks]
    busy0, all0 = machine_ticks()
    started = time.time()
    while True:
        for pid in os.listdir('/proc'):
            if not pid.isdigit():
                continue
            try:
                with open(f'/proc/{pid}/stat') as f:
                    fields = f.read().rsplit(')', 1)[1].split()
            except OSError:
                continue
            ticks = int(fields[11]) + int(fields[12])
            if pid not in processes or processes[pid][0] == 'other':
                # a shell that execs its program (the chaincode's "exec java") is named once it has
                kind = kind_of(pid)
                if kind is None:
                    continue
                processes.setdefault(pid, [kind, ticks, int(fields[19])])[0] = kind
            processes[pid][1] = max(processes[pid][1], ticks)
        busy, total = machine_ticks()
        with open(path + '.tmp', 'w') as f:
            json.dump({'seconds': time.time() - started, 'busy': (busy - busy0) / TICK,
                       'capacity': (total - all0) / TICK, 'processes': processes}, f)
        os.replace(path + '.tmp', path)
        time.sleep(2)


def report(path):
    try:
        with open(path) as f:
            data = json.load(f)
    except (OSError, ValueError):
        return
    # a process already running when sampling began counts only from its start time on, which is
    # after sampling began for every process CI starts; those before (the shell's own) are left out
    boot = time.time() - float(open('/proc/uptime').read().split()[0])
    started = time.time() - data['seconds']
    per_kind = {}
    for kind, ticks, start_ticks in data['processes'].values():
        if boot + start_ticks / TICK >= started - 1:
            per_kind[kind] = per_kind.get(kind, 0.0) + ticks / TICK
    named = sum(per_kind.values())
    print(f"CPU by kind of process ({data['seconds']:.0f} s; the machine was {100 * data['busy'] / max(data['capacity'], 1):.0f} % busy, "
          f"{data['busy']:.0f} CPU-s, {data['busy'] - named:.0f} of them in processes too short to see or started before):")
    for kind, seconds in sorted(per_kind.items(), key=lambda kv: -kv[1]):
        if seconds >= 1:
            print(f"  {seconds:8.0f} CPU-s  {100 * seconds / max(data['busy'], 1):3.0f} %  {kind}")


if __name__ == '__main__':
    {'sample': sample, 'report': report}[sys.argv[1]](sys.argv[2])
