#!/usr/bin/env python3
# make-seeds.py — write the seed corpus of the fuzz targets
# Copyright 2026 The Spanmark authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Run from anywhere: python3 tests/fuzz/make-seeds.py.  Writes
# tests/fuzz/corpus/*/ (the seeds are committed; this says how they were
# made) and the known-bugs/ inputs made here; inputs the fuzzers found
# are added beside them by hand.  The annotation
# seeds are written over TEXT, which must stay the text in fuzz-common.c.

import hashlib
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
CLI_FIXTURES = os.path.join(HERE, "..", "cli", "fixtures")
SAMPLE = os.path.join(HERE, "..", "..", "data", "sample")

TEXT = ("林振邦在青溪市调研“清水绕村工程”。\n"
        "Alice met 🙂 Bob in Paris, cafe\u0301 𠮷岭村.\n"
        "\t周海燕\u3000说：好👍\n")
SHA = hashlib.sha256(TEXT.encode()).hexdigest()


def jstr(s):
    # As spanmark_json_append_string: only '"', '\\' and controls escaped.
    return json.dumps(s, ensure_ascii=False)


def span(sid, start, end, label, entity=None, attrs=None):
    s = {"id": sid, "start": start, "end": end, "label": label, "text": TEXT[start:end]}
    if entity:
        s["entity"] = entity
    if attrs:
        s["attrs"] = attrs
    return s


def find(sub, nth=0):
    i = -1
    for _ in range(nth + 1):
        i = TEXT.index(sub, i + 1)
    return i, i + len(sub)


def item(obj):
    parts = []
    for k, v in obj.items():
        if isinstance(v, dict):
            v = "{" + ", ".join(f"{jstr(a)}: {jstr(b)}" for a, b in sorted(v.items())) + "}"
        elif isinstance(v, str):
            v = jstr(v)
        else:
            v = json.dumps(v)
        parts.append(f"{jstr(k)}: {v}")
    return "{" + ", ".join(parts) + "}"


def annotations(spans, entities=(), status="in-progress", modified="2026-11-28T06:26:52Z",
                document="doc-1", annotator="alice", sha=SHA):
    """An annotation file laid out exactly as Spanmark writes it."""
    spans = sorted(spans, key=lambda s: (s["start"], -s["end"], s["id"]))
    out = ["{\n", '  "spanmark": 1,\n', f'  "document": {jstr(document)},\n',
           f'  "text_sha256": {jstr(sha)},\n', f'  "annotator": {jstr(annotator)},\n',
           f'  "status": {jstr(status)},\n',
           f'  "modified": {jstr(modified) if modified is not None else "null"},\n']
    out.append('  "spans": [' + ",".join("\n    " + item(s) for s in spans) + ("\n  ]" if spans else "]"))
    out.append(',\n  "entities": [' + ",".join("\n    " + item(e) for e in entities)
               + ("\n  ]" if entities else "]") + "\n}\n")
    return "".join(out)


def full_spans():
    return [
        span("s1", *find("林振邦"), "OFFICIAL", "e1", {"title": "云岚省委书记"}),
        span("s2", *find("青溪市"), "PLACE", attrs={"kind": "市"}),
        span("s3", *find("“清水绕村工程”"), "INITIATIVE"),
        span("s4", *find("清水绕村工程"), "INITIATIVE"),
        span("s5", *find("Alice"), "OFFICIAL"),
        span("s6", *find("🙂 Bob"), "OFFICIAL"),
        span("s7", *find("Paris"), "PLACE", attrs={"kind": "city", "note": "\"quoted\"\\\n"}),
        span("s8", *find("cafe\u0301"), "PLACE"),
        span("s9", *find("𠮷岭村"), "PLACE", "e2"),
        span("s10", *find("周海燕"), "OFFICIAL", "e3"),
        span("s11", *find("好👍"), "INITIATIVE"),
    ]


ENTITIES = [
    {"id": "e1", "label": "OFFICIAL", "name": "林振邦", "attrs": {"region": "云岚省", "title": "云岚省委书记"}},
    {"id": "e2", "label": "PLACE", "name": "𠮷岭村"},
    {"id": "e3", "label": "OFFICIAL", "name": "周海燕", "attrs": {"title": ""}},
]


def write(folder, name, data):
    path = os.path.join(HERE, folder, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if isinstance(data, str):
        data = data.encode()
    with open(path, "wb") as f:
        f.write(data)


def copy(folder, name, source):
    with open(source, "rb") as f:
        write(folder, name, f.read())


def annotation_seeds():
    d = "corpus/annotations"
    full = annotations(full_spans(), ENTITIES)
    write(d, "full.json", full)
    write(d, "empty.json", annotations([], status="new", modified=None))
    write(d, "done-no-entities.json", annotations(full_spans()[4:8], status="done"))
    write(d, "curated.json", annotations(full_spans()[:3], status="reviewed"))
    # Valid, but not as Spanmark writes it: the fast reader hands these on.
    write(d, "reordered.json",
          '{"spans": [{"text": "\\u6797\\u632f\\u90a6", "label": "OFFICIAL", "end": 3, "start": 0, "id": "s1",'
          ' "attrs": {"b": "\\ud83d\\ude42", "a": "\\/\\b\\f\\n\\r\\t"}, "entity": null}],'
          f' "modified": null, "status": "done", "annotator": "alice", "text_sha256": "{SHA.upper()}",'
          ' "document": "doc-1", "spanmark": 1, "entities": []}')
    write(d, "unknown-key.json", full.replace('"spanmark": 1,', '"spanmark": 1, "comment": [1, 2.5, true, null, {}],'))
    write(d, "compact.json", json.dumps(json.loads(full), ensure_ascii=True, separators=(",", ":")))
    # Refused, each for one reason.
    bad = {
        "start-string.json": full.replace('"start": 0', '"start": "0"'),
        "start-negative.json": full.replace('"start": 0', '"start": -1'),
        "start-fraction.json": full.replace('"start": 0', '"start": 0.0'),
        "start-huge.json": full.replace('"start": 0', '"start": 1e23'),
        "end-huge.json": full.replace('"end": 3', '"end": 100000000000000000000000'),
        "end-past.json": full.replace('"end": 3', '"end": 300'),
        "end-before.json": full.replace('"end": 3', '"end": 0'),
        "text-differs.json": full.replace('"text": "林振邦"', '"text": "林振"'),
        "sha-differs.json": full.replace(SHA, "0" * 64),
        "label-unknown.json": full.replace('"label": "PLACE"', '"label": "PERSON"', 1),
        "id-twice.json": full.replace('"id": "s2"', '"id": "s1"'),
        "id-empty.json": full.replace('"id": "s2"', '"id": ""'),
        "entity-unknown.json": full.replace('"entity": "e2"', '"entity": "e9"'),
        "entity-id-twice.json": full.replace('"id": "e2"', '"id": "e1"'),
        "status-unknown.json": full.replace('"status": "in-progress"', '"status": "finished"'),
        "version-2.json": full.replace('"spanmark": 1', '"spanmark": 2'),
        "document-differs.json": full.replace('"document": "doc-1"', '"document": "doc-2"'),
        "annotator-differs.json": full.replace('"annotator": "alice"', '"annotator": "bob"'),
        "attrs-number.json": full.replace('"kind": "市"', '"kind": 3'),
        "spans-object.json": full.replace('"spans": [', '"spans": {"x": [', 1).replace("\n  ],\n  \"entities\"", "\n  ]},\n  \"entities\"", 1),
        "truncated.json": full[: len(full) // 2],
        "array.json": "[" + full + "]",
        "string.json": '"just a string"',
        "nothing.json": "",
        "white-space.json": " \n\t ",
        "trailing-comma.json": full.replace("}\n  ]\n}", "},\n  ]\n}"),
    }
    for name, data in bad.items():
        write(d, name, data)
    write(d, "invalid-utf8.json", full.encode().replace("青溪市".encode(), b"\xe9\x9d\x92\xff\xe5\xb8\x82", 1))
    write(d, "nul-byte.json", full.encode().replace(b'"new"', b'"n\x00w"').replace(b"}\n  ]\n}", b"}\x00\n  ]\n}"))
    # The depth guard: 100 levels are parsed, 101 refused; brackets in a
    # string do not count.
    write(d, "depth-100.json", full.replace('"spanmark": 1,', '"spanmark": 1, "x": ' + "[" * 99 + "]" * 99 + ","))
    write(d, "depth-101.json", full.replace('"spanmark": 1,', '"spanmark": 1, "x": ' + "[" * 100 + "]" * 100 + ","))
    write(d, "brackets-in-string.json", full.replace('"modified": "2026-11-28T06:26:52Z"',
                                                     '"modified": "' + "[{" * 40000 + '"'))
    # One edit from the stack overflow of issue 8 item 6 (the comment
    # turns the guard's string on; here json-glib still sees a string).
    write(d, "near-deep-comment.json", "/* \" */ '" + "[" * 100000 + "'")
    # Large and valid: 2,000 spans, about 190 KB.
    many = [span(f"s{i + 1}", *find(["林振邦", "青溪市", "Paris", "𠮷岭村", "好👍"][i % 5]),
                 ["OFFICIAL", "PLACE", "PLACE", "PLACE", "INITIATIVE"][i % 5],
                 attrs={"n": str(i)} if i % 3 == 0 else None) for i in range(2000)]
    write(d, "many-spans.json", annotations(many))

    # The fast reader's own cases: escapes it decodes, keys it refuses.
    e = "corpus/export-reader"
    write(e, "escaped-attrs.json",
          full.replace('"kind": "市"', '"kind": "\\u5e02\\ud83d\\ude42\\"\\\\\\/\\b\\f\\n\\r\\t"'))
    write(e, "escaped-text.json", full.replace('"text": "林振邦"', '"text": "\\u6797\\u632f\\u90a6"'))
    write(e, "escaped-id.json", full.replace('"id": "s2"', '"id": "s\\u0032x"'))
    write(e, "escaped-label.json", full.replace('"label": "PLACE"', '"label": "PL\\u0041CE"', 1))
    write(e, "attrs-twice.json", full.replace('"kind": "市"', '"kind": "市", "kind": "县"'))
    write(e, "key-twice.json", full.replace('"status": "in-progress"', '"status": "in-progress", "status": "done"'))
    write(e, "entity-null.json", full.replace('"entity": "e2"', '"entity": null'))
    write(e, "modified-escaped.json", full.replace('"modified": "2026-11-28T06:26:52Z"', '"modified": "\\u00e9\\ud83d\\ude42"'))
    write(e, "modified-number.json", full.replace('"modified": "2026-11-28T06:26:52Z"', '"modified": 5'))
    write(e, "leading-zero.json", full.replace('"start": 4', '"start": 04'))
    write(e, "sha-uppercase.json", full.replace(SHA, SHA.upper()))


def known_bug_seeds():
    # Issue 8 items the safety-json branch fixes; crash or break an
    # invariant today, so they are not replayed by the suite yet.
    k = "known-bugs/annotations"
    full = annotations(full_spans(), ENTITIES)
    # Item 6: a stack overflow in json-glib.
    write(k, "deep-comment.json", '/* " */' + "[" * 100000)
    # Item 6: not JSON, yet accepted.
    write(k, "after-end.json", full + "{}")
    write(k, "single-quotes.json", full.replace('"status": "in-progress"', "'status': 'in-progress'"))
    write(k, "comment.json", full.replace('"spanmark": 1,', '"spanmark": 1, /* a comment */'))
    write(k, "hex-offset.json", full.replace('"start": 0,', '"start": 0x0,'))
    # Item 7: a lone surrogate becomes invalid UTF-8, in json-glib's
    # message and in what is accepted.
    write(k, "lone-surrogate-message.json", '{"\\ude"""')
    write(k, "lone-surrogate-attr.json", full.replace('"kind": "市"', '"kind": "\\ud800x"'))
    # Item 8: "\u0000" cuts a string short, silently.
    write(k, "nul-escape.json", full.replace('"name": "周海燕"', '"name": "周海燕\\u0000x"'))
    # Item 12: a member given twice; which one counts depends on the reader.
    write(k, "status-twice.json", full.replace('"status": "in-progress"', '"status": "done", "status": "in-progress"'))

    k = "known-bugs/export-reader"
    # Item 11: the fast reader skips "modified" without checking its UTF-8.
    write(k, "modified-invalid-utf8.json", full.encode().replace(b"2026-11-28T06:26:52Z", b"2026-11-28\xff"))
    # Item 6: json-glib leaks what it read of a bad escape.
    write(k, "bad-escape-leak.json", '["\\ud83d\\ud;"]')

    default = ('{"spanmark": 1, "name": "fuzz", "labels": [{"name": "PLACE", "title": "Places", "color": "#2ec27e", '
               '"key": "2", "attrs": ["kind"]}], "documents": [{"id": "a", "path": "documents/a.txt"}]}')
    k = "known-bugs/index"
    write(k, "name-twice.json", default.replace('"name": "fuzz"', '"name": "fuzz", "name": "other"'))
    write(k, "lone-surrogate-title.json", default.replace('"path": "documents/a.txt"', '"path": "documents/a.txt", "title": "\\ud800x"'))
    write(k, "second-value.json", default + " {}")

    k = "known-bugs/import-spacy"
    write(k, "lone-surrogate-message.jsonl", '{"\\uda/""\n')
    write(k, "lone-surrogate-title.jsonl", '{"text": "abc", "title": "\\ud800x"}\n')
    write(k, "nul-text.jsonl", '{"text": "ab\\u0000cd", "spans": [{"start": 0, "end": 2, "label": "PLACE"}]}\n')
    k = "known-bugs/import-doccano"
    write(k, "text-twice.jsonl", '{"text": "abc", "text": "xyz", "label": [[0, 1, "PLACE"]]}\n')


def index_seeds():
    d = "corpus/index"
    copy(d, "sample.json", os.path.join(SAMPLE, "spanmark.json"))
    default = ('{\n  "spanmark": 1,\n  "name": "fuzz",\n  "labels": [\n'
               '    {"name": "OFFICIAL", "title": "Officials", "color": "#3584e4", "key": "1", "attrs": ["title", "region"]},\n'
               '    {"name": "PLACE", "title": "Places", "color": "#2ec27e", "key": "2", "attrs": ["kind"]},\n'
               '    {"name": "INITIATIVE", "title": "Initiatives", "color": "#e66100", "key": "3", "attrs": []}\n'
               '  ],\n  "documents": []\n}\n')
    write(d, "default.json", default)
    docs = ('{"id": "a", "path": "documents/a.txt", "title": "标题 🙂", "meta": {"source": "x", "page": 3, '
            '"score": 0.5, "big": 1e23, "neg": -7, "ok": true, "none": null, "list": [1, "two", [3]], "deep": {"a": {"b": {}}}}},\n'
            '    {"id": "b.2_x-y", "path": "documents/sub/b.txt", "title": null, "meta": null},\n'
            '    {"id": "中文", "path": "documents/中文.txt"}')
    write(d, "documents.json", default.replace('"documents": []', '"documents": [\n    ' + docs + "\n  ]"))
    bad = {
        "path-escapes.json": '{"id": "x", "path": "../x.txt"}',
        "path-absolute.json": '{"id": "x", "path": "/etc/passwd"}',
        "path-backslash.json": '{"id": "x", "path": "documents\\\\x.txt"}',
        "path-dot.json": '{"id": "x", "path": "documents/./x.txt"}',
        "id-bad.json": '{"id": ".hidden", "path": "documents/x.txt"}',
        "id-slash.json": '{"id": "a/b", "path": "documents/x.txt"}',
        "id-twice.json": '{"id": "a", "path": "documents/a.txt"}, {"id": "a", "path": "documents/b.txt"}',
        "title-number.json": '{"id": "a", "path": "documents/a.txt", "title": 5}',
        "meta-array.json": '{"id": "a", "path": "documents/a.txt", "meta": [1]}',
        "entry-string.json": '"documents/a.txt"',
        "id-missing.json": '{"path": "documents/a.txt"}',
    }
    for name, entry in bad.items():
        write(d, name, default.replace('"documents": []', '"documents": [' + entry + "]"))
    # The document list as the fast reader of spanmark-index.c takes it,
    # and what it must leave to the usual reading.
    fast = {
        "fast-plain.json": '{"id": "a", "path": "documents/a.txt"},\n    {"id": "b", "path": "documents/b.txt", "title": "B 🙂"}',
        "fast-escapes.json": '{"id": "\\u0061", "path": "documents\\/a.txt", "title": "\\"q\\" \\ud83d\\ude42\\n"}',
        "fast-key-order.json": '{"title": "", "path": "a.txt", "id": "a"}',
        "fast-spaces.json": '{ "id" : "a" ,\n\t"path":"documents/a.txt" }\r\n ,{"id":"b","path":"b.txt"}',
        "fast-other-key.json": '{"id": "a", "path": "documents/a.txt", "source": "x"}',
        "fast-title-null.json": '{"id": "a", "path": "documents/a.txt", "title": null}',
        "fast-then-bad.json": '{"id": "a", "path": "documents/a.txt"}, {"id": "b", "path": 7}',
        "fast-id-escaped-twice.json": '{"id": "a", "path": "documents/a.txt"}, {"id": "\\u0061", "path": "documents/b.txt"}',
    }
    for name, entry in fast.items():
        write(d, name, default.replace('"documents": []', '"documents": [' + entry + "]"))
    write(d, "fast-documents-first.json",
          '{"documents": [{"id": "a", "path": "documents/a.txt"}], "spanmark": 1, "name": "first",\n'
          ' "labels": [{"name": "PLACE", "color": "red"}]}\n')
    index_union_seeds(default, docs)


def index_union_seeds(default, docs):
    """Two indexes joined by a NUL byte: what sync unions (fuzz-index-union.c)."""
    d = "corpus/index-union"
    one = default.replace('"documents": []', '"documents": [' + docs + "]")
    other = default.replace('"documents": []', '"documents": [{"id": "c", "path": "documents/c.txt"}, '
                            '{"id": "a", "path": "documents/a.txt", "title": "标题 🙂"}]')
    clash = default.replace('"documents": []', '"documents": [{"id": "a", "path": "documents/other.txt"}]')
    write(d, "union", (one + "\0" + other).encode())
    write(d, "same", (one + "\0" + one).encode())
    write(d, "clash", (one + "\0" + clash).encode())
    write(d, "relabelled", (default + "\0" + default.replace("PLACE", "PLACX")).encode())
    write(d, "broken", (one + "\0" + one[:40]).encode())
    labels = {
        "label-color.json": default.replace('"#3584e4"', '"red"'),
        "label-key-twice.json": default.replace('"key": "2"', '"key": "1"'),
        "label-key-long.json": default.replace('"key": "2"', '"key": "22"'),
        "label-name-twice.json": default.replace('"name": "PLACE"', '"name": "OFFICIAL"'),
        "label-name-empty.json": default.replace('"name": "PLACE"', '"name": ""'),
        "label-attrs-number.json": default.replace('["kind"]', '["kind", 5]'),
        "labels-object.json": default.replace('"labels": [', '"labels": {"x": [', 1).replace("\n  ],\n  \"documents\"", "\n  ]},\n  \"documents\"", 1),
        "version-0.json": default.replace('"spanmark": 1', '"spanmark": 0'),
        "name-missing.json": default.replace('"name": "fuzz",', ""),
    }
    for name, data in labels.items():
        write(d, name, data)
    # Large: 2,300 documents, about 190 KB.
    entries = ",\n    ".join(f'{{"id": "doc-{i:05d}", "path": "documents/doc-{i:05d}.txt", "title": "第{i}篇"}}'
                             for i in range(2300))
    write(d, "many-documents.json", default.replace('"documents": []', '"documents": [\n    ' + entries + "\n  ]"))


def import_seeds():
    t = "corpus/import-txt"
    copy(t, "mixed.txt", os.path.join(CLI_FIXTURES, "mixed.txt"))
    copy(t, "empty.txt", os.path.join(CLI_FIXTURES, "empty.txt"))
    copy(t, "brat-news.txt", os.path.join(CLI_FIXTURES, "brat", "news.txt"))
    write(t, "bom-crlf.txt", "\ufeff第一行\r\n第二行\rthird\n\r\n")
    write(t, "gb18030.txt", "云岚省青溪市，林振邦说：好。€ 𠮷".encode("gb18030"))
    write(t, "invalid-utf8.txt", b"abc\xff\xfe def \xc0\x80 \xed\xa0\x80")
    write(t, "nul.txt", b"abc\x00def")
    write(t, "long.txt", ("云岚省青溪市林振邦同志调研“清水绕村工程”。\r\n" * 2200).encode())

    s = "corpus/import-spacy"
    copy(s, "spacy.jsonl", os.path.join(CLI_FIXTURES, "spacy.jsonl"))
    lines = [
        {"id": "d1", "text": TEXT, "spans": [{k: v for k, v in sp.items() if k != "id"} for sp in full_spans()],
         "entities": ENTITIES},
        {"id": 42, "title": "Title", "text": "Alice in Paris", "spans": [{"start": 0, "end": 5, "label": "OFFICIAL"}],
         "meta": {"a": [1, 2.5, None, True]}},
        {"text": "\ufeffBOM\r\nCRLF", "spans": [{"start": 1, "end": 4, "label": "PLACE", "text": "BOM"}]},
        {"id": "nested", "text": "青溪市", "spans": [{"start": 0, "end": 3, "label": "PLACE"}, {"start": 0, "end": 2, "label": "PLACE"}]},
        {"id": "bad-offsets", "text": "abc", "spans": [{"start": 2, "end": 1, "label": "PLACE"}]},
    ]
    write(s, "spanmark-export.jsonl", "\n".join(json.dumps(line, ensure_ascii=False) for line in lines[:4]) + "\n")
    write(s, "bad-offsets.jsonl", json.dumps(lines[4]) + "\n")
    write(s, "unknown-label.jsonl", '{"text": "abc", "spans": [{"start": 0, "end": 1, "label": "X"}]}\n')
    write(s, "text-differs.jsonl", '{"text": "abc", "spans": [{"start": 0, "end": 1, "label": "PLACE", "text": "b"}]}\n')
    write(s, "id-twice.jsonl", '{"id": "a", "text": "x"}\n{"id": "a", "text": "y"}\n')
    write(s, "id-bad.jsonl", '{"id": "../x", "text": "x"}\n')
    write(s, "not-object.jsonl", '[1, 2]\n"text"\n')
    write(s, "entity-unknown.jsonl", '{"text": "abc", "spans": [{"start": 0, "end": 1, "label": "PLACE", "entity": "e1"}]}\n')
    write(s, "escapes.jsonl", '{"text": "\\u6797\\ud83d\\ude42\\n\\t\\"", "title": "\\u00e9", "spans": [{"start": 0, "end": 2, "label": "OFFICIAL", "attrs": {"k": "\\/"}}]}\n')
    big = [{"id": f"n{i}", "text": "云岚省青溪市林振邦同志调研。", "spans": [{"start": 0, "end": 3, "label": "PLACE"}, {"start": 6, "end": 9, "label": "OFFICIAL"}]}
           for i in range(1050)]
    write(s, "many-lines.jsonl", "\n".join(json.dumps(line, ensure_ascii=False) for line in big) + "\n")
    write(s, "deep-100.jsonl", '{"text": "x", "meta": ' + "[" * 99 + "]" * 99 + "}\n")

    d = "corpus/import-doccano"
    copy(d, "doccano.jsonl", os.path.join(CLI_FIXTURES, "doccano.jsonl"))
    write(d, "labels-key.jsonl", '{"text": "林振邦在青溪市", "labels": [[0, 3, "OFFICIAL"], [4, 7, "PLACE"]]}\n')
    write(d, "relations.jsonl", '{"id": 3, "text": "林振邦在青溪市", "entities": [{"id": 1, "label": "OFFICIAL", "start_offset": 0, "end_offset": 3}, '
                                '{"id": 2, "label": "PLACE", "start_offset": 4, "end_offset": 7}], "relations": [{"from_id": 1, "to_id": 2, "type": "in"}]}\n')
    write(d, "label-not-array.jsonl", '{"text": "abc", "label": "PLACE"}\n')
    write(d, "triple-short.jsonl", '{"text": "abc", "label": [[0, 1]]}\n')
    write(d, "triple-types.jsonl", '{"text": "abc", "label": [["0", 1, "PLACE"]]}\n{"text": "abc", "label": [[0, 1, 2]]}\n')
    write(d, "crlf-offsets.jsonl", '{"text": "前言\\r\\n顾晓岚\\r\\n", "label": [[4, 7, "OFFICIAL"], [2, 4, "PLACE"]]}\r\n')
    write(d, "huge-offset.jsonl", '{"text": "abc", "label": [[0, 1e23, "PLACE"], [0, 99999999999999999999, "PLACE"]]}\n')

    b = "corpus/import-brat"
    with open(os.path.join(CLI_FIXTURES, "brat", "news.txt"), "rb") as f:
        news_txt = f.read()
    with open(os.path.join(CLI_FIXTURES, "brat", "news.ann"), "rb") as f:
        news_ann = f.read()
    write(b, "news", news_txt + b"\0" + news_ann)
    write(b, "crlf", "A\r\nB 林振邦\r\n".encode() + b"\0" + "T1\tOFFICIAL 5 8\t林振邦\n".encode())
    write(b, "gb18030", "林振邦在青溪市".encode("gb18030") + b"\0" + "T1\tOFFICIAL 0 3\t林振邦\n#1\tAnnotatorNotes T1\tnote only\n".encode("gb18030"))
    write(b, "bad-line", b"abc\0T1\tPLACE\n")
    write(b, "bad-offsets", b"abc\0T1\tPLACE x 2\tab\n")
    write(b, "out-of-range", b"abc\0T1\tPLACE 0 9\tabc\n")
    write(b, "id-twice", b"abc\0T1\tPLACE 0 1\ta\nT1\tPLACE 1 2\tb\n")
    write(b, "equiv-unknown", b"abc\0T1\tPLACE 0 1\ta\n*\tEquiv T1 T2\n")
    write(b, "equiv-chain", "林振邦说林振邦和林书记\0T1\tOFFICIAL 0 3\t林振邦\nT2\tOFFICIAL 4 7\t林振邦\nT3\tOFFICIAL 8 11\t林书记\n"
                            "*\tEquiv T1 T2\n*\tEquiv T3 T2\n#1\tAnnotatorNotes T1\ttitle=书记\n#2\tAnnotatorNotes T2\ttitle=书记\n"
                            "#3\tAnnotatorNotes T3\ttitle=书记\n#4\tAnnotatorNotes T3\tfree note\n".encode())
    write(b, "loose-text", "a\nb c\0T1\tPLACE 0 3\ta b\nT2\tPLACE 2 5\tX\n".encode())
    write(b, "no-ann", b"just text")
    write(b, "removed-only", "\ufeffab\r\n\0T1\tPLACE 0 1\t\ufeff\nT2\tPLACE 3 4\t\r\n".encode())


def conll_seeds():
    # The first byte picks the options (fuzz-import-conll.c): bits 0-2
    # the scheme (0 auto, 1 iob2, 2 iob1, 3 bioes, 4 bmes), 3-4 the join
    # (0 auto, 1 none, 2 space), 5 tag column 2, 6 two sentences a
    # document, 7 GB18030.
    c = "corpus/import-conll"
    write(c, "iob2-chars.bio", b"\x00" + "林 B-PER\n振 I-PER\n邦 I-PER\n到 O\n青 B-LOC\n溪 I-LOC\n市 I-LOC\n\n🙂 O\n𠮷 B-LOC\n".encode())
    write(c, "conll2003.iob", b"\x07" + b"-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\nGerman JJ I-NP I-MISC\n\n"
                                         b"Peter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\n\n-DOCSTART- -X- O O\n\nBRUSSELS NNP I-NP I-LOC\n")
    write(c, "resume.bmes", b"\x04" + "高 B-NAME\n勇 E-NAME\n， O\n男 O\n\n中 B-CONT\n国 M-CONT\n国 M-CONT\n籍 E-CONT\n".encode())
    write(c, "bioes.conll", b"\x03" + "市 B-OFFICIAL\n长 I-OFFICIAL\n王 E-OFFICIAL\n在 O\n杭 S-PLACE\n".encode())
    write(c, "repairs.conll", b"\x00a O\nb I-PER\nc E-LOC\nd B-ORG\n\ne I-ORG\n")
    write(c, "tab.conll", b"\x10New York\tB-LOC\nis\tO\n")
    write(c, "per-document.conll", b"\x60a B-X\n\nb O\n\nc B-X\n\n\nd O\n\ne O\n")
    write(c, "gb18030.conll", b"\xa0" + "\ufeff中 B-PLACE\r\n国 I-PLACE\r\n".encode("gb18030"))
    write(c, "columns.conll", b"\x00a O\nb\n")
    write(c, "bad-tag.conll", b"\x00a O\nb X-PER\n\xff O\n")
    write(c, "scheme-forced.conll", b"\x01a B-X\nb O\nc S-X\n")
    write(c, "empty.conll", b"\x05\n\n")
    write(c, "unknown-label.conll", b"\x15a B-PLACE\nb B-PER\n")
    write(c, "weibo.bio", b"\x00" + "王 B-PER.NAM\n伟 I-PER.NAM\n和 O\n妈 B-PER.NOM\n".encode())


def main():
    annotation_seeds()
    known_bug_seeds()
    index_seeds()
    import_seeds()
    conll_seeds()


if __name__ == "__main__":
    main()
