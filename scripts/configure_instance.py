"""Complete the zope.conf that ``mkwsgiinstance`` writes, for Plone.

- a blob directory around the FileStorage (Plone stores files and images
  as blobs; without it, uploading a file fails with "Blobs are not
  supported");
- ``zope_i18n_compile_mo_files``, so that the translation catalogs are
  compiled when Zope starts.

Usage: python scripts/configure_instance.py instance/etc/zope.conf
Idempotent: running it twice changes nothing more.
"""

import re
import sys


FILESTORAGE = re.compile(
    r"^(?P<indent>[ \t]*)<filestorage>\s*\n(?P<body>.*?)^[ \t]*</filestorage>[ \t]*\n",
    re.M | re.S,
)


def configure(text):
    if "<blobstorage>" not in text:
        text = FILESTORAGE.sub(
            lambda m: (
                f"{m['indent']}<blobstorage>\n"
                f"{m['indent']}  blob-dir $INSTANCE/var/blobstorage\n"
                f"{m['indent']}  <filestorage>\n"
                + "".join(f"  {line}\n" for line in m["body"].splitlines())
                + f"{m['indent']}  </filestorage>\n"
                f"{m['indent']}</blobstorage>\n"
            ),
            text,
            count=1,
        )
    if "zope_i18n_compile_mo_files" not in text:
        text = re.sub(
            r"^<environment>[ \t]*\n",
            "<environment>\n  zope_i18n_compile_mo_files true\n",
            text,
            count=1,
            flags=re.M,
        )
    return text


def main(path):
    with open(path, encoding="utf-8") as conf:
        text = conf.read()
    new = configure(text)
    if new != text:
        with open(path, "w", encoding="utf-8") as conf:
            conf.write(new)


if __name__ == "__main__":
    main(sys.argv[1])
