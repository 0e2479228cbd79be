"""Writes the demo catalog's records (src/Marketplace.Web/Features/Demo/DemoPatents.jsonl.gz) from this folder.

Run from the repository root: python3 data/patents/demo_subset.py
The demo takes a few hundred real records: Chinese green-aviation patents (PatSnap; full abstracts, IPC, dates and
legal status, no application number: the demo synthesises one with a correct check character and says so) and
records with their real application numbers from yinwenzhi (SIPO; the abstract's end only). Fixed choices, so every
demo database is the same.
"""
import gzip, json, os

here = os.path.dirname(os.path.abspath(__file__))
out = os.path.join(here, "..", "..", "src", "Marketplace.Web", "Features", "Demo", "DemoPatents.jsonl.gz")

def read(name):
    with gzip.open(os.path.join(here, name), "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]

records = []
aviation = [r for r in read("greenaviation_patsnap_cn.jsonl.gz")
            if r["pub_no"].startswith("CN") and len(r["abstract"]) >= 80 and r["ipc"] not in ("", "-")]
granted = [r for r in aviation if r["legal_status_event"].startswith("授权")]
other = [r for r in aviation if not r["legal_status_event"].startswith("授权")]
for r in granted[::2][:240] + other[::12][:30]:
    records.append({
        "source": "Getttttttt/Green-Aviation-Patent-Analysis (PatSnap)", "applicationNumber": None,
        "type": r["patent_type"], "publicationNumber": r["pub_no"], "publicationDate": r["pub_date"], "filingDate": r["app_date"],
        "title": r["title"], "abstract": r["abstract"], "applicant": r["applicant"],
        "ipc": [c.strip() for c in r["ipc"].split("|") if c.strip()], "mainIpc": r["ipc_main"], "status": r["legal_status_event"],
    })
for r in read("yinwenzhi_sipo_epub.jsonl.gz")[::40][:40]:
    records.append({
        "source": "yinwenzhi/patent_spider (SIPO)", "applicationNumber": r["app_no"],
        "type": r["patent_type"], "publicationNumber": r["pub_no"], "publicationDate": r["pub_date"].replace(".", "-"),
        "filingDate": r["app_date"].replace(".", "-"), "title": r["title"], "abstract": "……" + r["abstract_tail_truncated"],
        "applicant": r["applicant"], "ipc": [c.split("(")[0].strip() for c in r["ipc"].split(";") if c.strip()],
        "mainIpc": None, "status": "实质审查",
    })
with gzip.open(out, "wt", encoding="utf-8") as f:
    for r in records:
        f.write(json.dumps(r, ensure_ascii=False) + "\n")
print(len(records), "records ->", os.path.relpath(out))
