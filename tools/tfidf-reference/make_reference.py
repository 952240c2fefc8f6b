"""Writes tests/MMFuse.Tests/Fixtures/text/tfidf-reference.json with scikit-learn's numbers.

The combined word (1-2) + char_wb (3-5) space is built with scikit-learn's own analyzers, prefixed
"w:" / "c:" like MMFuse's TfidfAnalyzer, and weighted by one TfidfVectorizer(sublinear_tf=True,
smooth_idf=True, norm="l2"). No max_features cap: scikit-learn caps by total term count, MMFuse by
document frequency (see docs/text-features.md).

Run with Debian's python (apt-get install -y python3-sklearn):
    /usr/bin/python3 tools/tfidf-reference/make_reference.py tests/MMFuse.Tests/Fixtures/text/tfidf-reference.json
"""
import json
import sys

import sklearn
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

TRAIN = [
    "The cat sat on the mat",
    "A cat and a dog",
    "The dog barked at the cat, the cat ran",
    "Stock prices fell",
    "prices rose; the cat slept",
]
EVAL = ["the cat saw a zebra", "Dog prices   fell", "zebra"]

word = CountVectorizer(analyzer="word", ngram_range=(1, 2)).build_analyzer()
char = CountVectorizer(analyzer="char_wb", ngram_range=(3, 5)).build_analyzer()


def analyzer(doc):
    return ["w:" + t for t in word(doc)] + ["c:" + t for t in char(doc)]


cases = []
for min_df in (1, 2):
    vec = TfidfVectorizer(analyzer=analyzer, sublinear_tf=True, smooth_idf=True, norm="l2", min_df=min_df)
    vec.fit(TRAIN)
    terms = list(vec.get_feature_names_out())

    def rows(texts):
        m = vec.transform(texts).tocsr()
        return [{terms[j]: float(v) for j, v in zip(m[i].indices, m[i].data)} for i in range(m.shape[0])]

    cases.append({
        "minDf": min_df,
        "terms": terms,
        "idf": [float(x) for x in vec.idf_],
        "trainRows": rows(TRAIN),
        "evalRows": rows(EVAL),
    })

out = {"producedBy": f"scikit-learn {sklearn.__version__}, tools/tfidf-reference/make_reference.py",
       "train": TRAIN, "eval": EVAL, "cases": cases}
with open(sys.argv[1], "w", encoding="utf-8") as f:
    json.dump(out, f, ensure_ascii=False, indent=0)
    f.write("\n")
print(sys.argv[1], [len(c["terms"]) for c in cases])
