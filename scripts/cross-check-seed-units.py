#!/usr/bin/env python3
"""Independent re-count of the seed's (unit, role) assignments, written without the TypeScript
parser, that produced tests/parser/golden/tianjin-2020.units.tsv. Re-run to re-measure:

    python3 scripts/cross-check-seed-units.py > tests/parser/golden/tianjin-2020.units.tsv
"""
import re

text = open('seeds/tianjin-2020-task-division.txt', encoding='utf-8').read()
text = text[: text.index('二、工作要求')]
order, counts = [], {}
for m in re.finditer(r'（([^（）]*)）', text):
    clauses = m.group(1).split('，')
    if not any(re.search(r'(牵头|负责)$', c) for c in clauses):
        continue
    has_lead = any(c.endswith('牵头') for c in clauses)
    for c in clauses:
        for suffix, role in (('分别负责', 'each'), ('牵头', 'lead'), ('按职责分工负责', 'support' if has_lead else 'joint')):
            if c.endswith(suffix):
                for name in re.sub(suffix + '$', '', c).rstrip('等').split('、'):
                    name = name.rstrip('等')
                    if name not in counts:
                        order.append(name)
                        counts[name] = {'lead': 0, 'joint': 0, 'support': 0, 'each': 0}
                    counts[name][role] += 1
                break
print('name\tlead\tjoint\tsupport\teach')
for name in order:
    print('\t'.join([name] + [str(counts[name][r]) for r in ('lead', 'joint', 'support', 'each')]))
