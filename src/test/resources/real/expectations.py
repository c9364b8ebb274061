#!/usr/bin/env python3
"""Writes expected-gpus.csv: what each real capture says, GPU by GPU, read straight from its raw fields.

Independent of FleetDeck's parsers on purpose (a second reading of the same bytes): a value is the number at the
start of the field, absent when the field is missing, empty, N/A or in [brackets]; power is the first present of
power.draw / power.draw.average / power.draw.instant (XML: power_draw / average_power_draw / instant_power_draw),
the limit the first present of power.limit / enforced.power.limit (XML: current_power_limit / power_limit /
enforced_power_limit / requested_power_limit); a temperature at or below 0 °C and a power draw over twice the limit
plus 50 W are absent. The model key is written by hand in MODELS below.  Run from this folder.
"""
import csv, glob, os, re, xml.etree.ElementTree as ET

MODELS = {
    'NVIDIA GeForce RTX 2080 SUPER': 'RTX2080SUPER', 'NVIDIA GeForce RTX 4080 SUPER': 'RTX4080SUPER',
    'NVIDIA H100 80GB HBM3': 'H100', 'NVIDIA H200': 'H200', 'NVIDIA L40S': 'L40S',
    'NVIDIA A100-SXM4-80GB': 'A100', 'NVIDIA A10G': 'A10G', 'GeForce GTX 1070 Ti': 'GTX1070TI',
    'Graphics Device': 'GRAPHICSDEVICE', 'Quadro P2000': 'P2000', 'Quadro P400': 'P400',
    'NVIDIA GeForce RTX 3060': 'RTX3060', 'NVIDIA GeForce RTX 3080': 'RTX3080', 'NVIDIA GeForce RTX 3090': 'RTX3090',
    'NVIDIA RTX 4000 SFF Ada Generation': 'RTX4000ADA', 'Tesla T4': 'T4', 'NVIDIA GeForce RTX 2070': 'RTX2070',
    'NVIDIA GeForce RTX 2080': 'RTX2080', 'NVIDIA GeForce GT 1030': 'GT1030', 'GRID P4-1Q': 'P4-1Q',
    'NVIDIA H200 NVL': 'H200NVL',
}
NUM = re.compile(r'^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?')


def num(v):
    if v is None:
        return None
    v = v.strip()
    if not v or v.upper() == 'N/A' or (v.startswith('[') and v.endswith(']')):
        return None
    m = NUM.match(v)
    return float(m.group()) if m else None


def first(*vs):
    for v in vs:
        if num(v) is not None:
            return num(v)
    return None


def row(f, idx, uuid, name, util, used, total, temp, memtemp, power, limit):
    temp = temp if temp is not None and temp > 0 else None
    memtemp = memtemp if memtemp is not None and memtemp > 0 else None
    if power is not None and limit is not None and power > 2 * limit + 50:
        power = None
    fmt = lambda x: 'NaN' if x is None else repr(float(x))
    return [f, str(idx), uuid, MODELS[name.strip()], fmt(util), fmt(used), fmt(total), fmt(temp), fmt(memtemp),
            fmt(power), fmt(limit)]


out = []
for path in sorted(glob.glob('nvidia-smi-csv/*query-gpu.csv')):
    with open(path, newline='') as fh:
        r = list(csv.reader(fh, skipinitialspace=True))
    head = [re.sub(r' \[.*\]$', '', h.strip()) for h in r[0]]
    for pos, vals in enumerate(r[1:]):
        d = dict(zip(head, vals))
        idx = int(num(d.get('index'))) if num(d.get('index')) is not None else pos
        out.append(row(path, idx, d.get('uuid', '').strip(), d['name'], num(d.get('utilization.gpu')),
                       num(d.get('memory.used')), num(d.get('memory.total')), num(d.get('temperature.gpu')),
                       num(d.get('temperature.memory')),
                       first(d.get('power.draw'), d.get('power.draw.average'), d.get('power.draw.instant')),
                       first(d.get('power.limit'), d.get('enforced.power.limit'))))
for path in sorted(glob.glob('nvidia-smi-xml/*.xml')):
    text = open(path, encoding='utf-8').read()
    text = re.sub(r'<!DOCTYPE[^>]*>', '', text)
    root = ET.fromstring(text)
    for pos, g in enumerate(root.findall('gpu')):
        t = lambda p: (g.findtext(p) or None)
        pw = g.find('gpu_power_readings')
        if pw is None:
            pw = g.find('power_readings')
        p = (lambda k: pw.findtext(k) if pw is not None else None)
        out.append(row(path, pos, (t('uuid') or '').strip(), t('product_name'), num(t('utilization/gpu_util')),
                       num(t('fb_memory_usage/used')), num(t('fb_memory_usage/total')), num(t('temperature/gpu_temp')),
                       num(t('temperature/memory_temp')),
                       first(p('power_draw'), p('average_power_draw'), p('instant_power_draw')),
                       first(p('current_power_limit'), p('power_limit'), p('enforced_power_limit'),
                             p('requested_power_limit'))))
with open('expected-gpus.csv', 'w', newline='') as fh:
    w = csv.writer(fh)
    w.writerow(['file', 'index', 'uuid', 'model', 'util', 'memUsed', 'memTotal', 'temp', 'memTemp', 'power', 'limit'])
    w.writerows(out)
print(len(out), 'GPUs')
