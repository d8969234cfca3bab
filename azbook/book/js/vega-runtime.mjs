/* The book's Vega runtime: what drawing a chart needs, and nothing more.
   The specs are compiled from Vega-Lite to Vega when the book is built (azbook/book/sphinx_ext.py),
   so the Vega-Lite compiler and vega-embed are not shipped. This mirrors vega's own index.js
   with only the transforms the compiled specs use (data, view, encoding and geographic ones);
   a chart that needs another fails loudly in the browser tests.
   Bundled by esbuild from the npm packages in package.json (azbook/book/sphinx_ext.py: vendor_bundle). */
import {extend} from "vega-util";
import {transforms} from "vega-dataflow";
import * as tx from "vega-transforms";
import * as vtx from "vega-view-transforms";
import * as encode from "vega-encode";
import * as geo from "vega-geo";
import {View} from "vega-view";
import {parse} from "vega-parser";
import {loader} from "vega-loader";
import {Handler} from "vega-tooltip";
// Expressions are interpreted, not compiled with Function(): the pages' content security
// policy (azbook/book/csp.py) allows no 'unsafe-eval'.
import {expressionInterpreter} from "vega-interpreter";

extend(transforms, tx, vtx, encode, geo);
window.azbookVega = {View, parse, loader, TooltipHandler: Handler, expressionInterpreter};
window.dispatchEvent(new Event("vega-bundle-ready"));
