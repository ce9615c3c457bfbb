"""Offline docs preview: nbdev's processed notebooks rendered to static HTML with nbconvert.

Quarto (which `nbdev_docs` and the GitHub docs workflow use) cannot be installed on machines without access to
its download site, so this renders the same processed notebooks (`_proc/`, made by nbdev's `proc_nbs`: show_doc
cells executed, directives applied) with nbconvert's HTML exporter into `_docs_preview/`, one page per notebook
plus `index.html`, each with a navigation bar. Run from the repository root:

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

def _tidy(nb):
    "Apply the Quarto cell options nbconvert does not know: hide `echo: false` inputs, drop directive lines and Quarto link attributes."
    for c in nb.cells:
        if c.cell_type != 'code': continue
        lines = c.source.splitlines()
        if any(l.replace(' ', '') == '#|echo:false' for l in lines): c.metadata.setdefault('tags', []).append('remove_input')
        c.source = '\n'.join(l for l in lines if not l.startswith('#|'))
        if not c.source.strip() and not c.get('outputs'): c.metadata.setdefault('tags', []).append('remove_cell')
        for o in c.get('outputs', []):
            if 'data' in o and 'text/markdown' in o['data']:
                o['data']['text/markdown'] = re.sub(r'\{target="_blank"[^}]*\}', '', o['data']['text/markdown'])
    return nb

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
        nb = _tidy(_frontmatter_to_markdown(nbformat.read(f, as_version=4)))
        pages.append((f, nb, 'index.html' if f.stem == 'index' else f.stem + '.html', _title(nb) or f.stem))
    nav = ' | '.join(f'<a href="{h}">{html.escape(t)}</a>' for _, _, h, t in pages)
    nav = f'<nav id="li-nav" style="padding:.6em 1em;border-bottom:1px solid #ccc;font-family:sans-serif;font-size:14px">{nav}</nav>'
    from traitlets.config import Config
    c = Config()
    c.TagRemovePreprocessor.remove_input_tags = {'remove_input'}
    c.TagRemovePreprocessor.remove_cell_tags = {'remove_cell'}
    c.TagRemovePreprocessor.enabled = True
    kw = {}
    try:   # MathJax from the jupyter-server-mathjax package (a dev requirement), so math renders offline
        import jupyter_server_mathjax
        mj = Path(jupyter_server_mathjax.__file__).parent/'static'/'MathJax.js'
        if mj.exists(): kw['mathjax_url'] = mj.resolve().as_uri() + '?config=TeX-AMS-MML_HTMLorMML-full'
    except ImportError: pass
    exp = HTMLExporter(config=c, template_name='lab', exclude_input_prompt=True, exclude_output_prompt=True, **kw)
    exp.register_preprocessor('nbconvert.preprocessors.TagRemovePreprocessor', enabled=True)
    for f, nb, href, title in pages:
        body, _ = exp.from_notebook_node(nb, resources={'metadata': {'name': title}})
        body = body.replace('<body', '<body data-page="%s"' % f.stem, 1)
        body = re.sub(r'(<body[^>]*>)', lambda m: m.group(1) + nav, body, count=1)
        (tmp/href).write_text(body, encoding='utf-8')
    shutil.rmtree(out, ignore_errors=True); tmp.rename(out)
    print(f"wrote {len(pages)} pages to {out}/ (open {out}/index.html)")
    if a.readme:  # README.md is the index page as Markdown (what nbdev_readme makes with Quarto)
        from nbconvert import MarkdownExporter
        from latent_imbalance.core import atomic_write
        index = next(nb for f, nb, _, _ in pages if f.stem == 'index')
        md, _ = MarkdownExporter().from_notebook_node(index)
        md = re.sub(r'<!-- WARNING: THIS FILE WAS AUTOGENERATED! DO NOT EDIT! -->\n*', '', md)
        with atomic_write(cfg.config_path/'README.md', 'w') as fh: fh.write(re.sub(r'\n{3,}', '\n\n', md).strip() + '\n')
        print('wrote README.md from nbs/index.ipynb')

if __name__ == '__main__': main()
