#!/usr/bin/env python3
"""Checks that Package.swift declares exactly what each target imports.

SwiftPM's `--explicit-target-dependency-import-check error` does not catch an undeclared import on this toolchain
(the module is still found through the build folder) and never reports a declared dependency that is not imported,
so this compares each Swift target's `import` lines with `swift package describe --type json`:
  - an import of a module of this package (or of a product dependency) that the target does not declare: error;
  - a declared target or product dependency that no source file of the target imports: error.
System and toolchain modules (Foundation, Glibc, Testing, Dispatch, ...) are not dependencies and are skipped.
A test target may use `@testable import`; `import struct X.Y` style imports count as importing X.

Usage: scripts/check-dependencies.py [package directory]   exit 0 exact, 1 mismatches listed, 2 could not check.
"""
import json
import os
import re
import subprocess
import sys

# Product name -> the modules it provides, for the package dependencies this project uses.
PRODUCT_MODULES = {
    "ArgumentParser": {"ArgumentParser"},
    "Logging": {"Logging"},
    "Yams": {"Yams"},
}

IMPORT = re.compile(r"^\s*(?:@testable\s+|@_implementationOnly\s+|@preconcurrency\s+|public\s+|internal\s+|package\s+)*"
                    r"import\s+(?:(?:struct|class|enum|protocol|func|var|let|typealias)\s+)?([A-Za-z_][A-Za-z0-9_]*)")


def main() -> int:
    root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), ".."))
    try:
        described = subprocess.run(["swift", "package", "describe", "--type", "json"], cwd=root, check=True,
                                   capture_output=True, text=True).stdout
        package = json.loads(described[described.index("{"):])
    except (subprocess.CalledProcessError, ValueError, FileNotFoundError) as error:
        print(f"check-dependencies: could not describe the package in {root}: {error}", file=sys.stderr)
        return 2
    targets = {t["name"]: t for t in package["targets"]}
    # A target's module name is its c99name (starrocks-drift -> starrocks_drift).
    module_to_target = {t["c99name"]: t["name"] for t in package["targets"]}
    product_modules = {}
    for product, modules in PRODUCT_MODULES.items():
        for module in modules:
            product_modules[module] = product
    problems = []
    for name, target in sorted(targets.items()):
        if target.get("module_type") == "SystemLibraryTarget" or "sources" not in target:
            continue
        imported = {}
        for source in target["sources"]:
            if not source.endswith(".swift"):
                continue
            path = os.path.join(root, target["path"], source)
            with open(path, encoding="utf-8") as handle:
                for number, line in enumerate(handle, 1):
                    match = IMPORT.match(line)
                    if match:
                        imported.setdefault(match.group(1), f"{target['path']}/{source}:{number}")
        declared_targets = set(target.get("target_dependencies", []))
        declared_products = set(target.get("product_dependencies", []))
        used_targets, used_products = set(), set()
        for module, where in sorted(imported.items()):
            if module in module_to_target:
                dependency = module_to_target[module]
                if dependency == name:
                    continue
                used_targets.add(dependency)
                if dependency not in declared_targets:
                    problems.append(f"{name}: imports {module} ({where}) but does not declare the target {dependency}")
            elif module in product_modules:
                product = product_modules[module]
                used_products.add(product)
                if product not in declared_products:
                    problems.append(f"{name}: imports {module} ({where}) but does not declare the product {product}")
        for dependency in sorted(declared_targets - used_targets):
            problems.append(f"{name}: declares the target {dependency} but no source file imports it")
        for product in sorted(declared_products - used_products):
            problems.append(f"{name}: declares the product {product} but no source file imports it")
    for problem in problems:
        print(f"check-dependencies: {problem}")
    if problems:
        print(f"check-dependencies: {len(problems)} mismatch(es) between imports and Package.swift")
        return 1
    print(f"check-dependencies: {len(targets)} targets, every import declared and every declaration imported")
    return 0


if __name__ == "__main__":
    sys.exit(main())
