#!/usr/bin/env bash
# Copy the browser-side files that the HTML book loads from node_modules (npm ci, see
# package.json) into OUT/_static/vendor/. Sphinx copies OUT into _build/html (html_extra_path in
# _config.yml), so no page of the book loads code or fonts from a CDN.
#
#   tools/vendor-web.sh OUT
#
#   _static/vendor/require.js            RequireJS (nb_ipywidgets_js)
#   _static/vendor/widgets-config.js     RequireJS base URL and MathJax bridge for the widget
#                                        manager (tools/web/widgets-config.js)
#   _static/vendor/embed-amd.js          @jupyter-widgets/html-manager: renders embedded widgets
#   _static/vendor/widgets/...           its icon fonts, where it requests them: webpack resolves
#                                        them next to the RequireJS module URLs of
#                                        @jupyter-widgets/html-manager/dist and @jupyter-widgets/*
#   _static/vendor/mathjax/...           MathJax 3 (mathjax_path): the combined TeX/MathML to
#                                        CommonHTML component and what it loads on demand
#   _static/vendor/vega/...              vega, vega-lite and vega-embed (minified UMD builds):
#                                        the model explorers draw with them; the book's explorer
#                                        runtime (ifnalpha.book.explorer_files) loads them when an
#                                        explorer is first shown
#
# Not here: the DataTables bundle of the interactive tables. The Sphinx extension
# ifnalpha.book.table_display copies the installed itables' own dt_bundle.js/.css into
# _build/html/_static/vendor/itables/ at the end of every HTML build, so the bundle always
# matches the itables that rendered the tables (no npm package to keep in step).
set -euo pipefail

out="${1:?usage: $0 OUT}"
modules=node_modules
widgets="$modules/@jupyter-widgets/html-manager/dist"
mathjax="$modules/mathjax/es5"
vendor="$out/_static/vendor"

vega_files=("$modules/vega/build/vega.min.js" "$modules/vega-lite/build/vega-lite.min.js"
  "$modules/vega-embed/build/vega-embed.min.js")
for needed in "$modules/requirejs/require.js" "$widgets/embed-amd.js" "$mathjax/tex-mml-chtml.js" \
  "${vega_files[@]}"; do
  [ -f "$needed" ] || { echo "$needed is missing: run npm ci" >&2; exit 1; }
done

rm -rf "$out"
mkdir -p "$vendor/widgets/@jupyter-widgets/html-manager/dist" "$vendor/mathjax/output" \
  "$vendor/vega"

cp "$modules/requirejs/require.js" tools/web/widgets-config.js "$widgets/embed-amd.js" "$vendor/"
cp "$widgets/embed.js.LICENSE.txt" "$vendor/embed-amd.js.LICENSE.txt"
fonts=("$widgets"/*.woff2 "$widgets"/*.woff "$widgets"/*.ttf "$widgets"/*.eot "$widgets"/*.svg)
cp "${fonts[@]}" "$vendor/widgets/@jupyter-widgets/"
cp "${fonts[@]}" "$vendor/widgets/@jupyter-widgets/html-manager/dist/"
cp "$modules/@fortawesome/fontawesome-free/LICENSE.txt" "$vendor/widgets/fontawesome-LICENSE.txt"

cp -r "$mathjax/tex-mml-chtml.js" "$mathjax/a11y" "$mathjax/adaptors" "$mathjax/input" \
  "$mathjax/sre" "$mathjax/ui" "$vendor/mathjax/"
cp -r "$mathjax/output/chtml" "$mathjax/output/chtml.js" "$vendor/mathjax/output/"
cp "$modules/mathjax/LICENSE" "$vendor/mathjax/LICENSE"

cp "${vega_files[@]}" "$vendor/vega/"
for package in vega vega-lite vega-embed; do
  cp "$modules/$package/LICENSE" "$vendor/vega/$package-LICENSE.txt"
done
