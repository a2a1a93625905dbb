"""Cuts the README's Quick start into what a new user copies: the dependency snippet and the Java program.

    python3 readme_parts.py README.md snippet   -> the first ```xml block of the Quick start section
    python3 readme_parts.py README.md java      -> the first ```java block of the Quick start section
    python3 readme_parts.py README.md pinned VERSION -> the snippet without the BOM import, each dependency with VERSION

Fails loudly when the section or a block is missing, so a README edit that drops them fails CI.
"""
import re
import sys


def section(readme):
    m = re.search(r"^## Quick start\n(.*?)(?=^## )", readme, re.S | re.M)
    if not m:
        sys.exit("README.md has no '## Quick start' section")
    return m.group(1)


def block(text, lang):
    m = re.search(r"^```" + lang + r"\n(.*?)^```", text, re.S | re.M)
    if not m:
        sys.exit("README.md's Quick start has no ```" + lang + " block")
    return m.group(1)


def pinned(snippet, version):
    """What a user who skips the BOM writes: no dependencyManagement, a version on each dependency."""
    without_bom = re.sub(r"<dependencyManagement>.*?</dependencyManagement>", "", snippet, flags=re.S)
    if "<dependencies>" not in without_bom:
        sys.exit("README.md's snippet has no <dependencies> after its BOM import")
    return re.sub(r"</artifactId></dependency>", "</artifactId><version>" + version + "</version></dependency>",
                  without_bom)


def main():
    readme = open(sys.argv[1], encoding="utf-8").read()
    quick = section(readme)
    what = sys.argv[2]
    if what == "snippet":
        print(block(quick, "xml"))
    elif what == "java":
        print(block(quick, "java"))
    elif what == "pinned":
        print(pinned(block(quick, "xml"), sys.argv[3]))
    else:
        sys.exit("unknown part " + what)


main()
