#!/usr/bin/env python3
"""Independent counts for the import tests: what each real plan in ../shared/realworld/plans
holds, counted with Python's json and csv modules, apart from the Swift importers.

Usage: import_reference.py PLANS_DIR  → one line per file: name key=value …"""
import csv, json, re, sys, os

GA4 = re.compile(r'^[A-Za-z][A-Za-z0-9_]{0,39}$')

def segment(path):
    rules = json.load(open(path, encoding='utf-8'))['rules']
    track = [r for r in rules if r.get('type', 'TRACK').upper() == 'TRACK']
    names = [r['key'] for r in track]
    invalid = sum(1 for n in names if not GA4.match(n))
    deprecated = sum(1 for r in track if r.get('deprecatedAt') and not r['deprecatedAt'].startswith('0001-01-01'))
    return dict(events=len(track), invalid_names=invalid, deprecated=deprecated)

def rudderstack(path):
    events = json.load(open(path, encoding='utf-8'))['rules']['events']
    names = [e['name'] for e in events]
    lowered = [n.lower() for n in names]
    return dict(events=len(events), invalid_names=sum(1 for n in names if not GA4.match(n)),
                case_duplicates=len(lowered) - len(set(lowered)))

def amplitude(path):
    rows = list(csv.DictReader(open(path, encoding='utf-8', newline='')))
    events = [r for r in rows if r['Object Type'] == 'Event']
    dropped = sum(1 for r in events if r['Event Schema Status'].upper() in ('DELETED', 'BLOCKED'))
    kept = [r for r in events if r['Event Schema Status'].upper() not in ('DELETED', 'BLOCKED')]
    implemented = sum(1 for r in kept if int(r['Event 180 Day Volume'] or 0) > 0)
    # Property rows that belong to a kept event (they follow it), arrays excluded.
    props = arrays = 0
    current = None
    for r in rows:
        if r['Object Type'] == 'Event':
            current = r['Event Schema Status'].upper() not in ('DELETED', 'BLOCKED')
        elif r['Object Type'] == 'Property Group':
            current = None
        elif r['Event Property Name'] and current:
            if r['Property Is Array'].upper() == 'TRUE':
                arrays += 1
            else:
                props += 1
    return dict(events=len(kept), dropped=dropped, implemented=implemented, property_rows=props, array_rows=arrays)

directory = sys.argv[1]
for name, fn in [('webflow-current-rules.json', segment), ('contentful-plan.json', segment),
                 ('shippit-trackingPlan.json', rudderstack), ('kavak-amplitude_events.csv', amplitude)]:
    counts = fn(os.path.join(directory, name))
    print(name, ' '.join(f'{k}={v}' for k, v in counts.items()))
