"""Open rendered docs pages in headless Chromium and check that they load with their tables and figures.

For each `PAGE:MIN_TABLES:MIN_IMAGES` it loads the page in Debian's chromium (headless, no network), reads the DOM
after scripts ran, and fails unless the page has a title, at least MIN_TABLES <table> elements and MIN_IMAGES
<img> elements whose data decodes (figures are inline PNGs), and fails if the page shows a warning or error box
(stderr output) or a path of the machine that built it. A screenshot of each page is written beside it.

    python tools/check_pages.py _docs_preview/index.html:1:0 _docs_preview/12_report_mnist.html:3:4
"""
import argparse, base64, re, shutil, subprocess, sys, tempfile
from pathlib import Path

FLAGS = ['--headless', '--no-sandbox', '--allow-file-access-from-files', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
         '--disable-sync', '--disable-quic', '--no-first-run', '--hide-scrollbars']

def chromium():
    for c in ['chromium', 'chromium-browser', 'google-chrome']:
        if shutil.which(c): return shutil.which(c)
    sys.exit("chromium not found: install Debian's package (apt-get install -y chromium)")

def check(page:Path, min_tables:int, min_images:int) -> list:
    exe, profile = chromium(), tempfile.mkdtemp(prefix='chromium-')
    url = page.resolve().as_uri()
    dom = subprocess.run([exe, *FLAGS, f'--user-data-dir={profile}', '--virtual-time-budget=5000', '--dump-dom', url],
                         capture_output=True, text=True, timeout=120).stdout
    subprocess.run([exe, *FLAGS, f'--user-data-dir={profile}', '--virtual-time-budget=8000', '--window-size=1280,2400',
                    f'--screenshot={page.with_suffix(".png").resolve()}', url], capture_output=True, timeout=120)
    problems = []
    if not re.search(r'<title>[^<]+</title>', dom): problems.append('no title (did the page load?)')
    n_tables = len(re.findall(r'<table', dom))
    imgs = re.findall(r'<img[^>]+src="data:image/png;base64,([^"]+)"', dom)
    good = sum(1 for b in imgs if base64.b64decode(b)[:8] == b'\x89PNG\r\n\x1a\n')
    if n_tables < min_tables: problems.append(f'{n_tables} tables, expected at least {min_tables}')
    if 'data-mime-type="application/vnd.jupyter.stderr"' in dom: problems.append('a warning or error box (stderr output) is shown')
    text = re.sub(r'<(script|style)[^>]*>.*?</\1>|<[^>]+>|(src|href)="[^"]*"', ' ', dom, flags=re.S)
    paths = sorted(set(re.findall(r'(?<![\w.])/(?:tmp|work|home|root)/[^\s<"\']+', text)))
    if paths: problems.append(f'paths of the machine that built the page: {paths[:3]}')
    if good < min_images: problems.append(f'{good} figures, expected at least {min_images}')
    print(f"{page}: {len(dom):,} bytes of DOM, {n_tables} tables, {good} figures" + (f" -- {'; '.join(problems)}" if problems else ' -- ok'))
    return problems

def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('pages', nargs='+', help='PAGE:MIN_TABLES:MIN_IMAGES')
    a = p.parse_args(argv)
    bad = []
    for spec in a.pages:
        page, t, i = spec.rsplit(':', 2)
        if not Path(page).exists(): bad.append(f'{page} does not exist'); print(bad[-1]); continue
        bad += check(Path(page), int(t), int(i))
    sys.exit(1 if bad else 0)

if __name__ == '__main__': main()
