"""Open rendered docs pages in headless Chromium and check them as a reader would see them.

For each `PAGE:MIN_TABLES:MIN_IMAGES` it loads the page in Debian's chromium (headless, no network), reads the DOM
after scripts ran, and fails unless the page has a title, at least MIN_TABLES <table> elements and MIN_IMAGES
figures whose data decodes (inline PNGs or JPEGs). It also fails if the page shows a warning or error box (stderr output), a formula MathJax could not render,
a path of the machine that built it (in its text or anywhere in its source: a script, a style sheet, a link), a
script loaded from another site, a link to a page or anchor of the preview that does not exist, a GitHub source
link whose line anchor lost its case (`#l15` instead of `#L15`), a figure without alt text, an image that does
not load, or a page file larger than `--max-mb` (2.5 MB; the shared style sheets and MathJax are files of their own). A full-page screenshot of each page goes to the screenshots folder (a CI artifact).

    python tools/check_pages.py _docs_preview/index.html:1:0 _docs_preview/report_mnist.html:3:4
"""
import argparse, base64, html, re, shutil, subprocess, sys, tempfile
from functools import lru_cache
from pathlib import Path

FLAGS = ['--headless', '--no-sandbox', '--allow-file-access-from-files', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
         '--disable-sync', '--disable-quic', '--no-first-run', '--hide-scrollbars']

def chromium():
    for c in ['chromium', 'chromium-browser', 'google-chrome']:
        if shutil.which(c): return shutil.which(c)
    sys.exit("chromium not found: install Debian's package (apt-get install -y chromium)")

@lru_cache(maxsize=None)
def _ids(path:Path) -> frozenset:
    "The element ids of a page of the preview."
    return frozenset(html.unescape(i) for i in re.findall(r'\bid="([^"]+)"', path.read_text(encoding='utf-8', errors='replace')))

def broken_links(page:Path, dom:str) -> list:
    "Links inside the preview to a page or an anchor that does not exist (external links are not followed)."
    bad = []
    for href in sorted(set(re.findall(r'<a\b[^>]*\bhref="([^"]+)"', dom))):
        href = html.unescape(href)
        if re.match(r'^[a-z][a-z0-9+.-]*:', href, flags=re.I): continue          # http(s), mailto, data, file, ...
        target, _, anchor = href.partition('#')
        f = page if not target else (page.parent/target.split('?')[0])
        if not f.exists(): bad.append(href)
        elif anchor and anchor not in _ids(f.resolve()): bad.append(href)
    return bad

def check(page:Path, min_tables:int, min_images:int, shots:Path, max_mb:float=2.5) -> list:
    exe, profile = chromium(), tempfile.mkdtemp(prefix='chromium-')
    url = page.resolve().as_uri()
    dom = subprocess.run([exe, *FLAGS, f'--user-data-dir={profile}', '--virtual-time-budget=5000', '--dump-dom', url],
                         capture_output=True, text=True, timeout=120).stdout
    m = re.search(r'data-page-height="(\d+)"', dom)              # set by the page's own script once it has loaded
    height = min(max(int(m.group(1)) if m else 2400, 800), 16000)
    shots.mkdir(parents=True, exist_ok=True)
    subprocess.run([exe, *FLAGS, f'--user-data-dir={profile}', '--virtual-time-budget=8000', f'--window-size=1280,{height}',
                    f'--screenshot={(shots/(page.stem + ".png")).resolve()}', url], capture_output=True, timeout=180)
    problems = []
    if not re.search(r'<title>[^<]+</title>', dom): problems.append('no title (did the page load?)')
    n_tables = len(re.findall(r'<table', dom))
    srcs = re.findall(r'<img\b[^>]*\bsrc="([^"]+)"', dom)
    magic = {'data:image/png;base64,': b'\x89PNG\r\n\x1a\n', 'data:image/jpeg;base64,': b'\xff\xd8\xff'}
    good = sum(1 for s in srcs for k, v in magic.items() if s.startswith(k) and base64.b64decode(s.split(',', 1)[1])[:len(v)] == v)
    missing = [s[:60] for s in srcs if not s.startswith('data:') and not re.match(r'^https?:', s) and not (page.parent/html.unescape(s)).exists()]
    if n_tables < min_tables: problems.append(f'{n_tables} tables, expected at least {min_tables}')
    if 'data-mime-type="application/vnd.jupyter.stderr"' in dom: problems.append('a warning or error box (stderr output) is shown')
    if 'Math Processing Error' in dom: problems.append(f"{dom.count('Math Processing Error')} formula(s) MathJax could not render ('Math Processing Error')")
    text = re.sub(r'<(script|style)[^>]*>.*?</\1>|<[^>]+>|(src|href)="[^"]*"', ' ', dom, flags=re.S)
    paths = sorted(set(re.findall(r'(?<![\w.])/(?:tmp|work|home|root)/[^\s<"\']+', text)))
    if paths: problems.append(f'paths of the machine that built the page: {paths[:3]}')
    source = page.read_text(encoding='utf-8', errors='replace')
    local = sorted(set(re.findall(r'file://[^\s"\'<>)]+|(?<![\w.])/(?:tmp|work|home|root)/[\w./-]+', source)))
    if local: problems.append(f'paths of the machine that built the page in its source: {local[:3]}')
    remote = re.findall(r'<script[^>]*\bsrc="(https?://[^"]+)"|import\("(https?://[^"]+)"\)', source)
    if remote: problems.append(f'scripts loaded from other sites: {[a or b for a, b in remote][:3]}')
    lower = sorted(set(re.findall(r'href="(https://github\.com/[^"]*#l\d+)"', source)))
    if lower: problems.append(f'{len(lower)} GitHub source link(s) with a lower-case line anchor (GitHub needs #L<n>): {lower[:2]}')
    if page.stat().st_size > max_mb * 2**20: problems.append(f'the page is {page.stat().st_size / 2**20:.1f} MB, over {max_mb} MB')
    no_alt = len(re.findall(r'<img\b(?![^>]*\balt="(?!No description has been provided)[^"]+")[^>]*>', source))
    if no_alt: problems.append(f'{no_alt} figure(s) without alt text')
    if good < min_images: problems.append(f'{good} figures, expected at least {min_images}')
    if missing: problems.append(f'images that do not load: {missing[:3]}')
    links = broken_links(page, dom)
    if links: problems.append(f'{len(links)} broken link(s) inside the preview: {links[:4]}')
    print(f"{page}: {len(dom):,} bytes of DOM, {n_tables} tables, {good} figures, screenshot 1280x{height}" + (f" -- {'; '.join(problems)}" if problems else ' -- ok'))
    return problems

def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('pages', nargs='+', help='PAGE:MIN_TABLES:MIN_IMAGES')
    p.add_argument('--max-mb', type=float, default=2.5, help='the largest page file allowed, in MB')
    p.add_argument('--screenshots', default=None, help='folder for the full-page screenshots (default: screenshots/ beside the first page)')
    a = p.parse_args(argv)
    bad = []
    for spec in a.pages:
        page, t, i = spec.rsplit(':', 2)
        if not Path(page).exists(): bad.append(f'{page} does not exist'); print(bad[-1]); continue
        bad += check(Path(page), int(t), int(i), Path(a.screenshots) if a.screenshots else Path(page).parent/'screenshots', a.max_mb)
    sys.exit(1 if bad else 0)

if __name__ == '__main__': main()
