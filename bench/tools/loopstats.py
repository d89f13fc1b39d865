#!/usr/bin/env python3
"""Counts the instructions in the vector loop of each optimizer kernel in a wasm text file
(binaryen's wasm-dis output of a module linked with --profiling-funcs).
Usage: loopstats.py FILE.wat NAME_SUBSTRING[,NAME_SUBSTRING...]
A clean f32x4 loop has i32.load = 0, load8_u = 0, v128.load32_splat = 0 and if = 0: only the
v128 loads/stores of the data streams and the arithmetic. Anything else is re-read from linear
memory (the shadow stack) on every iteration."""
import re, sys
wat = open(sys.argv[1]).read()
keys = sys.argv[2].split(',')
funcs = re.split(r'\n (?=\(func )', wat)
pats = [('i32.load', r'\(i32\.load[ \n]'), ('load8_u', r'i32\.load8_u'), ('v128.load32_splat', r'v128\.load32_splat'),
        ('v128.load', r'\(v128\.load[ \n]'), ('v128.store', r'v128\.store'), ('if', r'\(if'), ('f32x4.div', r'f32x4\.div'),
        ('f32x4.sqrt', r'f32x4\.sqrt'), ('f32x4.mul', r'f32x4\.mul'), ('f32x4.add', r'f32x4\.add')]
for f in funcs:
    m = re.match(r'\(func \$(\S+)', f)
    if not m or not any(k in m.group(1) for k in keys): continue
    name = m.group(1).replace('\\20', ' ').replace('\\2c', ',').replace('\\28', '(').replace('\\29', ')')
    # the vector loop: the first loop containing f32x4 ops
    for lm in re.finditer(r'\(loop (\$\S+)', f):
        j = f.find('(br_if ' + lm.group(1), lm.start())
        body = f[lm.start():j]
        if 'f32x4' in body: break
    stats = ' '.join('%s=%d' % (k, len(re.findall(p, body))) for k, p in pats)
    print('%-60s %s' % (name[:60], stats))
