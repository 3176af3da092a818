#!/usr/bin/env python3
"""Checks docs/program-format.schema.json against DLI Tracker's own reader.

Every file or variant below goes through both the JSON Schema and `dlitracker-cli program import`
(into a new database each time), and both must give the expected answer: the example files, the
demo program as the CLI exports it and a few unusual but valid variants are accepted; a set of
broken variants is refused. With --doc, the complete example in docs/program-format.md must also
be the same program as docs/examples/example-program.json.

Prints one line per check and exits with status 1 if any check fails, 2 on bad usage.

Usage:
  check_schema.py --schema SCHEMA --cli DLITRACKER_CLI --base EXAMPLE.json
                  [--doc PROGRAM_FORMAT.md EXAMPLE.json] FILE...
"""

import argparse
import copy
import json
import os
import re
import subprocess
import sys
import tempfile

try:
    import jsonschema
except ImportError:
    print("FAIL  the Python module jsonschema is missing; install python3-jsonschema "
          "(scripts/setup-deps.sh does)")
    sys.exit(1)


# Variants of the base file (docs/examples/example-program.json) that DLI Tracker accepts.
def accepted_variants():
    def alternative_periods(d):
        d["indicators"][1]["targets"] = [{"period": "2020-21", "value": 100},
                                         {"period": "fy22", "value": 180}]
        d["indicators"][2]["targets"] = [{"period": "FY 2021", "value": 300},
                                         {"period": "2021-2022 Q4", "value": 600}]
        d["dlis"][1]["dlrs"][0]["period"] = "FY21"
        d["dlis"][1]["dlrs"][1]["period"] = "2021-22"
        d["indicators"][3]["targets"].append({"period": "FY22Q1", "value": 400})

    def decimal_strings(d):
        d["program"]["financing"] = "1.4e7"
        d["program"]["advance_cap_share"] = "25e-2"
        d["indicators"][5]["baseline"]["value"] = " 30.500 "
        d["indicators"][2]["tolerance"] = ".05"
        d["dlis"][1]["dlrs"][0]["allocation"] = "+2500000.00"
        d["dlis"][1]["dlrs"][0]["min_fraction"] = "0.2000000"

    def nulls_for_optional_fields(d):
        d["program"]["fiscal_year_start_month"] = None
        d["program"]["verification_window_days"] = None
        d["indicators"][0]["result_area"] = None
        d["indicators"][3]["source"] = None
        d["indicators"][1]["cumulative"] = None
        d["dlis"][2]["protocol"] = None
        d["dlis"][1]["dlrs"][1]["rollover"] = None
        d["dlis"][1]["dlrs"][1]["deadline"] = None
        d["dlis"][1]["dlrs"][1]["baseline"] = None
        d["validation_rules"][0]["severity"] = None

    def defaults_omitted(d):
        for key in ("fiscal_year_start_month", "verification_window_days", "advance_cap_share",
                    "prior_results_cap_share"):
            del d["program"][key]
        del d["result_areas"]
        del d["validation_rules"]
        for x in d["indicators"]:
            for key in ("reported_at", "frequency", "targets", "tolerance", "result_area"):
                x.pop(key, None)
            if x.get("cumulative") is False:
                del x["cumulative"]
            if x.get("aggregation") == "sum":
                del x["aggregation"]
            if x.get("source") == {"kind": "reported"}:
                del x["source"]
        del d["dlis"][0]["protocol"]
        for dli in d["dlis"]:
            for r in dli["dlrs"]:
                for key in ("title", "deadline", "time_bound", "min_fraction", "prior_result",
                            "rollover"):
                    r.pop(key, None)

    def whole_numbers_written_with_a_point(d):
        d["program"]["verification_window_days"] = 120.0
        d["program"]["fiscal_year_start_month"] = 7.0

    def calendar_fiscal_years(d):
        d["program"]["fiscal_year_start_month"] = 1

    def null_unit_amount_on_linear(d):
        d["dlis"][1]["dlrs"][0]["unit_amount"] = None

    return [
        ("alternative period spellings (2020-21, fy22, FY21, 2021-2022 Q4)", alternative_periods),
        ("numbers as decimal strings (1.4e7, \" 30.500 \", .05)", decimal_strings),
        ("null for optional fields", nulls_for_optional_fields),
        ("optional fields and sections omitted", defaults_omitted),
        ("whole numbers written 120.0", whole_numbers_written_with_a_point),
        ("fiscal years that are calendar years, FY spellings", calendar_fiscal_years),
        ("unit_amount null on a linear DLR", null_unit_amount_on_linear),
    ]


# Variants of the base file that DLI Tracker refuses.
def refused_variants():
    def rename(obj, old, new):
        obj[new] = obj.pop(old)

    # (what, the JSON path dlitracker-cli must name, the change)
    return [
        ("another format version", "format",
         lambda d: d.update(format="dlitracker-program/2")),
        ("required field missing (program.financing)", "program.financing",
         lambda d: d["program"].pop("financing")),
        ("required field null (program.currency)", "program.currency",
         lambda d: d["program"].update(currency=None)),
        ("required text blank (program.title)", "program.title",
         lambda d: d["program"].update(title="   ")),
        ("unknown currency", "program.currency",
         lambda d: d["program"].update(currency="RS")),
        ("misspelt field (alocation)", "dlis[1].dlrs[0].alocation",
         lambda d: rename(d["dlis"][1]["dlrs"][0], "allocation", "alocation")),
        ("unknown top-level section", "registers",
         lambda d: d.update(registers=[])),
        ("value outside an enum (kind stepwise)", "dlis[1].dlrs[0].kind",
         lambda d: d["dlis"][1]["dlrs"][0].update(kind="stepwise")),
        ("date not written YYYY-MM-DD", "program.signing_date",
         lambda d: d["program"].update(signing_date="15/01/2019")),
        ("date that does not exist (2019-02-30)", "program.signing_date",
         lambda d: d["program"].update(signing_date="2019-02-30")),
        ("ambiguous period (2021)", "indicators[1].targets[0].period",
         lambda d: d["indicators"][1]["targets"][0].update(period="2021")),
        ("calendar quarter (Q1 2021)", "indicators[1].targets[0].period",
         lambda d: d["indicators"][1]["targets"][0].update(period="Q1 2021")),
        ("quarter Q5", "indicators[1].targets[0].period",
         lambda d: d["indicators"][1]["targets"][0].update(period="FY2021-Q5")),
        ("span period when fiscal years are calendar years", "indicators[1].targets[0].period",
         lambda d: (d["program"].update(fiscal_year_start_month=1),
                    d["indicators"][1]["targets"][0].update(period="2020-21"))),
        ("fiscal year start month 13", "program.fiscal_year_start_month",
         lambda d: d["program"].update(fiscal_year_start_month=13)),
        ("whole number written as a string", "program.verification_window_days",
         lambda d: d["program"].update(verification_window_days="120")),
        ("amount with thousands separators", "program.financing",
         lambda d: d["program"].update(financing="14,000,000")),
        ("value with its unit", "dlis[1].dlrs[0].target",
         lambda d: d["dlis"][1]["dlrs"][0].update(target="100 firms")),
        ("true or false written as text", "indicators[1].cumulative",
         lambda d: d["indicators"][1].update(cumulative="yes")),
        ("list item that is not an object", "result_areas[0]",
         lambda d: d.update(result_areas=["RA1"])),
        ("per_unit DLR without unit_amount", "dlis[2].dlrs[0].unit_amount",
         lambda d: d["dlis"][2]["dlrs"][0].pop("unit_amount")),
        ("unit_amount on a linear DLR", "dlis[1].dlrs[0].unit_amount",
         lambda d: d["dlis"][1]["dlrs"][0].update(unit_amount=1000)),
        ("register field in a reported source", "indicators[1].source.register",
         lambda d: d["indicators"][1].update(source={"kind": "reported",
                                                     "register": "services"})),
        ("formula source without its formula", "indicators[5].source.formula",
         lambda d: d["indicators"][5].update(source={"kind": "formula"})),
        ("register sum without the summed field", "indicators[2].source.field",
         lambda d: d["indicators"][2]["source"].update(measure="sum")),
        ("filter value that is not text", "indicators[2].source.filters.status",
         lambda d: d["indicators"][2]["source"].update(filters={"status": 1})),
        ("two program units", "org_units",
         lambda d: d["org_units"].append({"code": "PB2", "name": "Second root",
                                          "kind": "program"})),
        ("no program unit", "org_units",
         lambda d: d["org_units"][0].update(kind="cluster", parent="C1")),
        ("cluster without a parent", "org_units[1].parent",
         lambda d: d["org_units"][1].update(parent=None)),
        ("program unit with a parent", "org_units[0].parent",
         lambda d: d["org_units"][0].update(parent="C1")),
        ("disaggregation without categories", "indicators[3].disaggregation.categories",
         lambda d: d["indicators"][3]["disaggregation"].update(categories=[])),
        ("disaggregation category listed twice", "indicators[3].disaggregation.categories",
         lambda d: d["indicators"][3]["disaggregation"].update(categories=["women", "women"])),
        ("DLI without DLRs", "dlis[3].dlrs",
         lambda d: d["dlis"][3].update(dlrs=[])),
        ("sample size below zero", "dlis[1].protocol.sample_size",
         lambda d: d["dlis"][1]["protocol"].update(sample_size=-1)),
        ("operator outside the list (=<)", "validation_rules[0].operator",
         lambda d: d["validation_rules"][0].update(operator="=<")),
    ]


class Checker:
    def __init__(self, schema_path, cli):
        with open(schema_path, encoding="utf-8") as f:
            schema = json.load(f)
        jsonschema.Draft202012Validator.check_schema(schema)
        self.validator = jsonschema.Draft202012Validator(
            schema, format_checker=jsonschema.FormatChecker())
        self.cli = cli
        self.tmpdir = tempfile.TemporaryDirectory(prefix="dli-schema-")
        self.tmp = self.tmpdir.name
        self.count = 0
        self.failures = 0

    def report(self, ok, what, detail=""):
        print(("PASS  " if ok else "FAIL  ") + what + (": " + detail if detail else ""))
        if not ok:
            self.failures += 1

    def run_cli(self, *args):
        # The demo's viewer account reads the demo; databases without accounts ignore it.
        env = dict(os.environ, DLITRACKER_USER="viewer", DLITRACKER_PASSWORD="psic-demo")
        return subprocess.run([self.cli, *args], capture_output=True, text=True,
                              timeout=120, env=env)

    def schema_errors(self, data):
        return sorted(self.validator.iter_errors(data), key=lambda e: list(e.absolute_path))

    def import_file(self, path):
        """Imports path into a new database; returns (exit status, stderr)."""
        self.count += 1
        db = os.path.join(self.tmp, "import-%d.dlidb" % self.count)
        init = self.run_cli("init", db)
        if init.returncode != 0:
            return init.returncode, "init failed: " + init.stderr.strip()
        result = self.run_cli("program", "import", db, path)
        return result.returncode, result.stderr.strip()

    def write_temp(self, data):
        self.count += 1
        path = os.path.join(self.tmp, "variant-%d.json" % self.count)
        with open(path, "w", encoding="utf-8") as f:
            json.dump(data, f, indent=1)
        return path

    def expect(self, accept, what, data, path, cli_path=None):
        """cli_path: for a refused file, the JSON path the CLI's complaint must name."""
        errors = self.schema_errors(data)
        status, stderr = self.import_file(path)
        schema_ok = not errors
        cli_ok = status == 0
        if not accept and not cli_ok and cli_path and not re.search(
                r"(^|\s)" + re.escape(cli_path) + ": ", stderr):
            self.report(False, "refuse    " + what,
                        "dlitracker-cli refuses it, but names no problem at %s: %s"
                        % (cli_path, stderr.replace("\n", " | ")))
            return
        if schema_ok == accept and cli_ok == accept:
            self.report(True, ("accepted  " if accept else "refused   ") + what)
            return
        problems = []
        if schema_ok != accept:
            problems.append("schema " + ("refuses it: " + "; ".join(
                "%s: %s" % ("/".join(str(p) for p in e.absolute_path) or "(top)", e.message)
                for e in errors[:3]) if errors else "accepts it"))
        if cli_ok != accept:
            problems.append("dlitracker-cli " + ("refuses it (exit %d): %s" % (
                status, stderr.replace("\n", " | ")) if not cli_ok else "accepts it"))
        self.report(False, ("accept    " if accept else "refuse    ") + what,
                    "; ".join(problems))

    def check_file(self, path):
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        self.expect(True, os.path.relpath(path), data, path)

    def check_demo_export(self):
        db = os.path.join(self.tmp, "demo.dlidb")
        out = os.path.join(self.tmp, "demo-export.json")
        demo = self.run_cli("demo", db)
        export = self.run_cli("program", "export", db, out) if demo.returncode == 0 else demo
        if export.returncode != 0:
            self.report(False, "accepted  demo program as exported by dlitracker-cli",
                        "could not make it: " + export.stderr.strip())
            return
        with open(out, encoding="utf-8") as f:
            data = json.load(f)
        self.expect(True, "demo program as exported by dlitracker-cli", data, out)

    def check_variants(self, base_path):
        with open(base_path, encoding="utf-8") as f:
            base = json.load(f)
        for what, change in accepted_variants():
            data = copy.deepcopy(base)
            change(data)
            self.expect(True, what, data, self.write_temp(data))
        for what, cli_path, change in refused_variants():
            data = copy.deepcopy(base)
            change(data)
            self.expect(False, what, data, self.write_temp(data), cli_path)

    def check_doc_example(self, doc_path, example_path):
        """The JSON block under '## Complete example' is the same program as example_path."""
        with open(doc_path, encoding="utf-8") as f:
            text = f.read()
        what = "complete example in %s is %s" % (os.path.basename(doc_path),
                                                 os.path.relpath(example_path))
        section = re.search(r"^## Complete example.*?```json\n(.*?)^```", text,
                            re.MULTILINE | re.DOTALL)
        if not section:
            self.report(False, what, "no ```json block under '## Complete example'")
            return
        try:
            in_doc = json.loads(section.group(1))
        except json.JSONDecodeError as e:
            self.report(False, what, "the block is not valid JSON: %s" % e)
            return
        with open(example_path, encoding="utf-8") as f:
            in_file = json.load(f)
        self.report(in_doc == in_file, what, "" if in_doc == in_file else "they differ")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--schema", required=True, help="docs/program-format.schema.json")
    parser.add_argument("--cli", required=True, help="the dlitracker-cli executable")
    parser.add_argument("--base", required=True,
                        help="the program the variants are made from "
                             "(docs/examples/example-program.json)")
    parser.add_argument("--doc", nargs=2, metavar=("MARKDOWN", "EXAMPLE"),
                        help="docs/program-format.md and the example file it must show")
    parser.add_argument("files", nargs="*", help="program files that must be accepted")
    args = parser.parse_args()

    checker = Checker(args.schema, args.cli)
    for path in args.files:
        checker.check_file(path)
    checker.check_demo_export()
    checker.check_variants(args.base)
    if args.doc:
        checker.check_doc_example(*args.doc)
    checker.tmpdir.cleanup()
    print("%d problem(s)" % checker.failures if checker.failures else "all checks passed")
    return 1 if checker.failures else 0


if __name__ == "__main__":
    sys.exit(main())
