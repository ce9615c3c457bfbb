"""Offline docs preview: nbdev's processed notebooks rendered to static HTML with nbconvert.

Quarto (which `nbdev_docs` and the GitHub docs workflow use) cannot be installed on machines without access to
its download site, so this renders the same processed notebooks (`_proc/`, made by nbdev's `proc_nbs`: show_doc
cells executed, directives applied) with nbconvert's HTML exporter into `_docs_preview/`, one page per notebook
under the file names the Quarto site uses (`output-file`, e.g. `smote.html`), each with the sidebar of
`nbs/sidebar.yml` (the current page marked, with its own sections listed under it); links to the deployed site
are rewritten to the local pages. Run from the repository root:

    .venv/bin/python tools/docs_preview.py [--out _docs_preview] [--readme]
"""
import argparse, html, re, shutil, sys
from pathlib import Path

def _frontmatter_to_markdown(nb):
    "Turn the processed notebook's YAML front matter (title, description) back into a visible heading."
    import yaml, nbformat
    for i, c in enumerate(nb.cells):
        if c.cell_type == 'raw' and c.source.startswith('---'):
            fm = yaml.safe_load(c.source.strip().strip('-')) or {}
            md = f"# {fm.get('title', '')}\n\n" + (f"> {fm['description']}" if fm.get('description') else '')
            nb.cells[i] = nbformat.v4.new_markdown_cell(md)
            break
    return nb

def _tidy(nb, alts:list):
    "Apply the Quarto cell options nbconvert does not know: hide `echo: false` inputs, drop directive lines and Quarto link attributes; collect each figure's `fig-alt` text (in order) into `alts`."
    heading = ''
    for c in nb.cells:
        if c.cell_type == 'markdown':
            m = re.findall(r'^#{1,4}\s+(.+)$', c.source, flags=re.M)
            if m: heading = m[-1].strip()
        if c.cell_type != 'code': continue
        lines = c.source.splitlines()
        alt = next((l.split(':', 1)[1].strip() for l in lines if l.replace(' ', '').startswith('#|fig-alt:')), None)
        for o in c.get('outputs', []):
            if {'image/png', 'image/jpeg'} & set(o.get('data', {})): alts.append(alt or f"Figure: {heading}")
        if any(l.replace(' ', '') == '#|echo:false' for l in lines): c.metadata.setdefault('tags', []).append('remove_input')
        c.source = '\n'.join(l for l in lines if not l.startswith('#|'))
        if not c.source.strip() and not c.get('outputs'): c.metadata.setdefault('tags', []).append('remove_cell')
        for o in c.get('outputs', []):
            if 'data' in o and 'text/markdown' in o['data']:
                o['data']['text/markdown'] = re.sub(r'\{target="_blank"[^}]*\}', '', o['data']['text/markdown'])
    return nb

def _front(nb) -> dict:
    "The processed notebook's front matter (title, description, output-file)."
    import yaml
    for c in nb.cells:
        if c.cell_type == 'raw' and c.source.startswith('---'): return yaml.safe_load(c.source.strip().strip('-')) or {}
    return {}

def sidebar_sections(nbs_path) -> list:
    "(section title or None, [notebook file names]) in the order of `sidebar.yml`."
    import yaml
    out = []
    for item in yaml.safe_load((Path(nbs_path)/'sidebar.yml').read_text())['website']['sidebar']['contents']:
        if isinstance(item, str): out.append((None, [item]))
        else: out.append((item['section'], list(item['contents'])))
    return out

CSS = """<style>
#li-side{position:fixed;top:0;left:0;bottom:0;width:240px;overflow-y:auto;padding:1em .8em;border-right:1px solid #ddd;
 background:#fafafa;font:14px/1.45 sans-serif;box-sizing:border-box}
#li-side h4{margin:1em 0 .3em;font-size:12px;text-transform:uppercase;color:#777;letter-spacing:.04em}
#li-side a{display:block;color:#1a5fb4;text-decoration:none;padding:1px 0}
#li-side a.current{font-weight:bold;color:#000}
#li-side ul{list-style:none;margin:.2em 0 .4em .8em;padding:0;font-size:13px}
body{margin-left:250px !important}
.jp-RenderedMarkdown pre,.jp-RenderedHTMLCommon pre{background:#f6f8fa;border:1px solid #d0d7de;border-radius:6px;padding:.7em .9em;
 margin:.5em 0 1.1em;overflow-x:auto;white-space:pre}
.jp-RenderedMarkdown pre code,.jp-RenderedHTMLCommon pre code{white-space:pre;background:none}
</style>"""

def _sidebar(sections, pages, current, toc) -> str:
    "The sidebar: every page by section, the current one marked and followed by its sections."
    parts = ['<nav id="li-side" aria-label="chapters">']
    for title, files in sections:
        if title: parts.append(f'<h4>{html.escape(title)}</h4>')
        for f in files:
            if f not in pages: continue
            href, name = pages[f]
            cur = f == current
            parts.append(f'<a href="{href}"' + (' class="current" aria-current="page"' if cur else '') + f'>{html.escape(name)}</a>')
            if cur and toc:
                parts.append('<ul>' + ''.join(f'<li><a href="#{i}">{t}</a></li>' for i, t in toc) + '</ul>')
    return ''.join(parts) + '</nav>'

def _offline(body:str, css:dict, out:Path) -> str:
    "No script from a CDN (require.js and mermaid serve widgets and diagrams these pages do not have), and the large style sheets shared by every page written once, as files beside the pages."
    if 'jupyter-widgets' not in body: body = re.sub(r'<script[^>]*src="https?://[^"]*require[^"]*"[^>]*>\s*</script>\s*', '', body)
    if '<pre class="mermaid"' not in body: body = re.sub(r'<script type="module">(?:(?!</script>).)*?mermaid(?:(?!</script>).)*</script>\s*', '', body, flags=re.S)
    def link(m):
        text = m.group(1)
        if len(text) < 5000: return m.group(0)
        name = css.setdefault(text, f"assets/style-{len(css)}.css")
        if not (out/name).exists(): (out/name).parent.mkdir(parents=True, exist_ok=True); (out/name).write_text(text, encoding='utf-8')
        return f'<link rel="stylesheet" href="{name}">'
    head, sep, rest = body.partition('</head>')
    return re.sub(r'<style[^>]*>(.*?)</style>', link, head, flags=re.S) + sep + rest

def _alt_text(body:str, alts:list, name:str) -> str:
    "Each figure's alt text (its cell's `fig-alt`, else the section it is in), in the order of the figures, in place of nbconvert's placeholder."
    imgs = list(re.finditer(r'<img\b[^>]*\bsrc="data:image/(?:png|jpeg)[^>]*>', body))
    if len(imgs) != len(alts): sys.exit(f"{name}: {len(imgs)} figures on the page but {len(alts)} image outputs in the notebook")
    for m, alt in zip(reversed(imgs), reversed(alts)):
        tag = re.sub(r'\s+alt="[^"]*"', '', m.group(0)).replace('<img', f'<img alt="{html.escape(alt, quote=True)}"', 1)
        body = body[:m.start()] + tag + body[m.end():]
    return body

HEIGHT = """<script>addEventListener('load',()=>{document.documentElement.dataset.pageHeight=document.documentElement.scrollHeight})</script>"""

def _title(nb):
    for c in nb.cells:
        if c.cell_type == 'markdown':
            m = re.search(r'^#\s+(.+)$', c.source, flags=re.M)
            if m: return m.group(1).strip()
    return None

def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--out', default='_docs_preview')
    p.add_argument('--readme', action='store_true', help='also write README.md from nbs/index.ipynb')
    a = p.parse_args(argv)
    import nbformat
    from nbconvert import HTMLExporter
    from nbdev.config import get_config
    from nbdev.serve import proc_nbs
    cfg = get_config()
    proc_nbs(force=True, n_workers=0)
    proc = cfg.config_path/'_proc'
    nbs = sorted(proc.glob('*.ipynb'), key=lambda f: (f.name != 'index.ipynb', f.name))
    if not nbs: sys.exit(f"no processed notebooks in {proc}")
    out = Path(a.out); tmp = out.with_name(out.name + '.tmp')
    shutil.rmtree(tmp, ignore_errors=True); tmp.mkdir(parents=True)
    pages = []
    for f in nbs:
        raw = nbformat.read(f, as_version=4)
        href = _front(raw).get('output-file') or ('index.html' if f.stem == 'index' else f.stem + '.html')
        alts = []
        nb = _tidy(_frontmatter_to_markdown(raw), alts)
        pages.append((f, nb, href, _title(nb) or f.stem, alts))
    sections = sidebar_sections(cfg.config_path/cfg.nbs_path)
    listed = {n for _, files in sections for n in files}
    missing = [f.name for f, *_ in pages if f.name not in listed]
    if missing: sys.exit(f"nbs/sidebar.yml does not list {missing}; add them to a section")
    by_file = {f.name: (href, t) for f, _, href, t, _ in pages}
    site = cfg.doc_host.rstrip('/') + '/' + cfg.doc_baseurl.strip('/') + '/'     # the deployed site's address
    from traitlets.config import Config
    c = Config()
    c.TagRemovePreprocessor.remove_input_tags = {'remove_input'}
    c.TagRemovePreprocessor.remove_cell_tags = {'remove_cell'}
    c.TagRemovePreprocessor.enabled = True
    kw = {}
    try:   # MathJax from the jupyter-server-mathjax package (a dev requirement), copied beside the pages, so math renders offline
        import jupyter_server_mathjax
        mj = Path(jupyter_server_mathjax.__file__).parent/'static'
        if (mj/'MathJax.js').exists():
            shutil.copytree(mj, tmp/'assets'/'mathjax')
            kw['mathjax_url'] = 'assets/mathjax/MathJax.js?config=TeX-AMS-MML_HTMLorMML-full'
    except ImportError: pass
    exp = HTMLExporter(config=c, template_name='lab', exclude_input_prompt=True, exclude_output_prompt=True, **kw)
    exp.register_preprocessor('nbconvert.preprocessors.TagRemovePreprocessor', enabled=True)
    css = {}
    for f, nb, href, title, alts in pages:
        body, _ = exp.from_notebook_node(nb, resources={'metadata': {'name': title}})
        body = body.replace(site, '')                      # links to the deployed site open the local pages
        body = re.sub(r'(<h[1-6][^>]*\bid=")([^"]+)"', lambda m: m.group(1) + m.group(2).lower() + '"', body)   # Quarto's ids are lower case,
        body = re.sub(r'(href="(?![a-z][a-z0-9+.-]*:)[^"#]*#)([^"]+)"', lambda m: m.group(1) + m.group(2).lower() + '"', body)   # so are the anchors of its own links (GitHub's #L15 keeps its case)
        body = _offline(body, css, tmp)
        body = _alt_text(body, alts, f.name)
        toc = [(i, re.sub(r'<[^>]+>|¶', '', t).strip()) for i, t in re.findall(r'<h2 id="([^"]+)"[^>]*>(.*?)</h2>', body, flags=re.S)]
        body = body.replace('<body', '<body data-page="%s"' % f.stem, 1).replace('</head>', CSS + HEIGHT + '</head>', 1)
        body = re.sub(r'(<body[^>]*>)', lambda m: m.group(1) + _sidebar(sections, by_file, f.name, toc), body, count=1)
        (tmp/href).write_text(body, encoding='utf-8')
    shutil.rmtree(out, ignore_errors=True); tmp.rename(out)
    print(f"wrote {len(pages)} pages to {out}/ (open {out}/index.html)")
    if a.readme:  # README.md is the index page as Markdown (what nbdev_readme makes with Quarto)
        from nbconvert import MarkdownExporter
        from latent_imbalance.core import atomic_write
        index = next(nb for f, nb, *_ in pages if f.stem == 'index')
        mexp = MarkdownExporter(config=c)      # the same cell options as the pages: `echo: false` inputs left out
        mexp.register_preprocessor('nbconvert.preprocessors.TagRemovePreprocessor', enabled=True)
        md, _ = mexp.from_notebook_node(index)
        md = re.sub(r'<!-- WARNING: THIS FILE WAS AUTOGENERATED! DO NOT EDIT! -->\n*', '', md)
        with atomic_write(cfg.config_path/'README.md', 'w') as fh: fh.write(re.sub(r'\n{3,}', '\n\n', md).strip() + '\n')
        print('wrote README.md from nbs/index.ipynb')

if __name__ == '__main__': main()
