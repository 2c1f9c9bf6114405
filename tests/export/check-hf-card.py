#!/usr/bin/env python3
# check-hf-card.py — the hf export's dataset card is what the datasets library reads
#
# Copyright 2026 The Spanmark authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   check-hf-card.py SPANMARK-CLI
#
# The datasets library cannot be installed here, so this reads README.md
# the way it does (python3-yaml, the same safe loader), and checks its
# structure against what the data files hold:
#   - YAML front matter between "---" lines;
#   - "configs": one config, "default", whose "data_files" name exactly the
#     JSON lines files of the folder (train, validation for dev.jsonl and
#     test with a split; train alone without), so labels.json and the card
#     are never read as data;
#   - "dataset_info.features": id a string, tokens a sequence of strings,
#     ner_tags a sequence of class_label whose names, ordered by their
#     integer keys as datasets does (the keys must be 0..n-1), are
#     labels.json's list, so ner_tags load as ClassLabel with no cast;
#   - every line of the data has those three keys, as many tags as tokens,
#     and tags that are names' indices.
# The project has labels whose names YAML would misread if written plainly
# (a colon, quotes, "#", a line separator, a C1 control).  Exit status 0 when
# everything holds; otherwise what is wrong is printed.  Without
# python3-yaml, 77 (a skip), but a failure under SPANMARK_TESTS_REQUIRE_ALL
# (CI; tests/util/spanmark_prerequisites.py).

import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "util"))
from spanmark_prerequisites import require  # noqa: E402

yaml = require(["yaml"], "python3-yaml")["yaml"]

ODD_LABELS = ['ODD: "quoted" #1', "LS\u2028NEL\u0085X", "地名"]

problems = []


def check(condition, message):
    if not condition:
        problems.append(message)
    return condition


def run(cli, *args):
    result = subprocess.run([cli, *args], capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit("spanmark-cli %s failed (%d): %s" % (args[0], result.returncode, result.stderr))


def make_project(cli, top):
    project = os.path.join(top, "project")
    run(cli, "init", project, "--name", 'Card: "test" #1')
    index_path = os.path.join(project, "spanmark.json")
    with open(index_path, encoding="utf-8") as f:
        index = json.load(f)
    for name in ODD_LABELS:
        index["labels"].append({"name": name, "title": name, "color": "#1c71d8", "attrs": []})
    with open(index_path, "w", encoding="utf-8") as f:
        json.dump(index, f, ensure_ascii=False)

    lines = []
    for n in range(8):
        text = "车俊在浙江省。\n陈敏尔到了涪陵 %d。\n" % n
        spans = [{"start": 0, "end": 2, "label": "OFFICIAL"},
                 {"start": 3, "end": 6, "label": ODD_LABELS[n % 3]},
                 {"start": 8, "end": 11, "label": ODD_LABELS[(n + 1) % 3]},
                 {"start": 13, "end": 15, "label": "PLACE"}]
        lines.append(json.dumps({"id": "doc%d" % n, "text": text, "spans": spans}, ensure_ascii=False))
    source = os.path.join(top, "docs.jsonl")
    with open(source, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    run(cli, "import", project, "--annotator", "alice", source)
    return project


def read_card(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if not check(text.startswith("---\n"), "%s: does not start with a YAML front matter" % path):
        return None
    end = text.find("\n---\n", 4)
    if not check(end > 0, "%s: the front matter does not end" % path):
        return None
    return yaml.safe_load(text[4:end + 1])


def class_label_names(feature):
    """datasets' Features._from_yaml_list: names as a {"0": …} mapping
    become a list ordered by the integer keys, which must be 0..n-1."""
    names = feature["sequence"]["class_label"]["names"]
    if isinstance(names, dict):
        ids = sorted(names, key=int)
        check([int(i) for i in ids] == list(range(len(ids))), "class_label ids are not 0..n-1: %s" % ids)
        names = [names[i] for i in ids]
    return names


def check_folder(folder, expected_files):
    card = read_card(os.path.join(folder, "README.md"))
    if card is None:
        return
    with open(os.path.join(folder, "labels.json"), encoding="utf-8") as f:
        labels = json.load(f)

    configs = card.get("configs")
    if not check(isinstance(configs, list) and len(configs) == 1, "%s: not one config: %r" % (folder, configs)):
        return
    config = configs[0]
    check(config.get("config_name") == "default", "%s: the config is not 'default'" % folder)
    files = {entry["split"]: entry["path"] for entry in config.get("data_files", [])}
    check(files == expected_files, "%s: data_files %r, expected %r" % (folder, files, expected_files))
    on_disk = sorted(name for name in os.listdir(folder) if name.endswith((".jsonl", ".json")))
    check(sorted(files.values()) == sorted(name for name in on_disk if name != "labels.json"),
          "%s: data_files %r, but the folder holds %r" % (folder, sorted(files.values()), on_disk))

    info = card.get("dataset_info", {})
    features = {feature["name"]: feature for feature in info.get("features", [])}
    check(list(features) == ["id", "tokens", "ner_tags"], "%s: features %r" % (folder, list(features)))
    check(features.get("id", {}).get("dtype") == "string", "%s: id is not a string" % folder)
    check(features.get("tokens", {}).get("sequence") == "string", "%s: tokens is not a sequence of strings" % folder)
    names = class_label_names(features["ner_tags"])
    check(names == labels, "%s: class label names %r, labels.json %r" % (folder, names, labels))
    check(len(set(names)) == len(names), "%s: class label names repeat" % folder)
    for odd in ODD_LABELS:
        check("B-" + odd in names, "%s: the label %r did not survive YAML" % (folder, odd))

    n_lines = 0
    for name in files.values():
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                row = json.loads(line)
                n_lines += 1
                where = "%s/%s:%d" % (folder, name, number)
                check(sorted(row) == ["id", "ner_tags", "tokens"], "%s: keys %r" % (where, sorted(row)))
                check(isinstance(row["id"], str), "%s: id is not a string" % where)
                check(len(row["tokens"]) == len(row["ner_tags"]), "%s: tokens and tags differ in number" % where)
                check(all(isinstance(t, int) and 0 <= t < len(names) for t in row["ner_tags"]),
                      "%s: a tag is not a class label index" % where)
    check(n_lines == 16, "%s: %d sentences, expected 16" % (folder, n_lines))


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: check-hf-card.py SPANMARK-CLI")
    cli = sys.argv[1]
    with tempfile.TemporaryDirectory() as top:
        project = make_project(cli, top)
        whole = os.path.join(top, "hf")
        split = os.path.join(top, "hf-split")
        run(cli, "export", project, "--format", "hf", "-o", whole)
        run(cli, "export", project, "--format", "hf", "--scheme", "bioes",
            "--split", "50/25/25", "--seed", "1", "-o", split)
        check_folder(whole, {"train": "data.jsonl"})
        check_folder(split, {"train": "train.jsonl", "validation": "dev.jsonl", "test": "test.jsonl"})

    for problem in problems:
        print(problem)
    if not problems:
        print("the dataset cards hold what the data files hold")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
