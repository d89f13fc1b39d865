// A Vite plugin that writes what every page of the site shares, from one template, before Vite
// reads the page (so the stylesheet and icon it adds are bundled as if written by hand):
//   <!-- gradscape:head -->  in <head>: charset, viewport, the Open Graph and Twitter card tags
//                            (title and description copied from the page's own <title> and
//                            <meta name="description">, og:image ./og/<page name>.png), the icon
//                            and the site's stylesheet;
//   <!-- gradscape:tabs -->  in the top bar: the brand and the tabs of web/labs.mjs, the page's own
//                            marked active;
//   <!-- gradscape:lab-actions preset="…" --> in a lab's top bar: its preset picker (labelled …),
//                            Copy link, Embed and the presentation-mode toggle (lib/presentation.mjs);
//   <!-- gradscape:lab-start --> and <!-- gradscape:lab-end --> around a lab's own figures: the
//                            message box (lib/notices.mjs), the settings column (#controls) and the
//                            stage with its story line; then the toast and the no-script note.
// The page is found in labs.mjs by its file name. og:image is relative so that the site works from
// any sub-path; for crawlers that need an absolute URL, set OG_IMAGE_BASE to the site's address.
import { basename } from 'node:path';
import { PAGES } from '../web/labs.mjs';

const OG_IMAGE_BASE = './og/';

const attribute = (html, pattern, what, file) => {
  const match = html.match(pattern);
  if (!match) throw new Error(`${file}: <!-- gradscape:head --> needs the page's ${what}`);
  return match[1];
};

function head(html, page, file) {
  const title = attribute(html, /<title>([^<]*)<\/title>/, '<title>', file);
  const description = attribute(html, /<meta name="description" content="([^"]*)">/, 'meta description', file);
  return [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta property="og:type" content="website">',
    `<meta property="og:title" content="${title}">`,
    `<meta property="og:description" content="${description}">`,
    `<meta property="og:image" content="${OG_IMAGE_BASE}${page.name}.png">`,
    '<meta property="og:image:width" content="1200">',
    '<meta property="og:image:height" content="630">',
    '<meta name="twitter:card" content="summary_large_image">',
    '<link rel="icon" href="./favicon.svg" type="image/svg+xml">',
    '<link rel="stylesheet" href="./style.css">',
  ].join('\n  ');
}

function tabs(page) {
  const href = (p) => (p.page === 'index.html' ? './' : `./${p.page}`);
  const links = PAGES.filter((p) => p.tab).map((p) => (p === page
    ? `<a class="tab active" aria-current="page" href="${href(p)}">${p.tab}</a>`
    : `<a class="tab" href="${href(p)}">${p.tab}</a>`));
  return [
    '<a class="brand" href="./" aria-label="Gradscape home"><img src="./favicon.svg" alt="" width="26" height="26"> Gradscape</a>',
    `<nav class="tabs" aria-label="Labs">${links.join('')}</nav>`,
  ].join('\n    ');
}

// Written where the placeholder stands, two spaces in.
const LAB_START = `<div id="message" class="message" role="alert" hidden>
    <span id="message-text"></span>
    <button type="button" id="message-close" aria-label="Dismiss">×</button>
  </div>

  <div class="layout">
    <aside id="controls" class="controls" aria-label="Settings"></aside>
    <main class="stage">
      <p id="story" class="story" hidden></p>`;

const LAB_END = [
  '  </main>',
  '</div>',
  '<div id="toast" class="toast" role="status"></div>',
  '<noscript>Gradscape needs JavaScript and WebAssembly.</noscript>',
].join('\n  ');

// A screen on a stand: the presentation-mode toggle's icon.
const PRESENT_ICON = '<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M1.5 2h13v1.5h-.8v7H2.3v-7h-.8zm2.3 1.5v5.5h8.4V3.5zM7.25 11h1.5v1.3l2.6 2.2-1 .9L8 13.4l-2.35 2-1-.9 2.6-2.2z"/></svg>';

const labActions = (label) => [
  `<label class="visually-hidden" for="preset">${label}</label>`,
  '<select id="preset"></select>',
  '<button type="button" id="copy-link">Copy link</button>',
  '<button type="button" id="embed">Embed</button>',
  `<button type="button" id="presentation" class="icon" aria-pressed="false" aria-label="Presentation mode" aria-keyshortcuts="p" title="Presentation mode: hide the settings, larger type (P; Esc leaves)">${PRESENT_ICON}</button>`,
].join('\n      ');

export default function pageTemplate() {
  return {
    name: 'gradscape-page-template',
    transformIndexHtml: {
      order: 'pre',
      handler(html, { filename }) {
        const file = basename(filename);
        if (!html.includes('<!-- gradscape:')) return html;
        const page = PAGES.find((p) => p.page === file);
        if (!page) throw new Error(`${file} is not a page of web/labs.mjs`);
        return html
          .replace('<!-- gradscape:head -->', () => head(html, page, file))
          .replace('<!-- gradscape:tabs -->', () => tabs(page))
          .replace(/<!-- gradscape:lab-actions preset="([^"]*)" -->/, (_, label) => labActions(label))
          .replace('<!-- gradscape:lab-start -->', LAB_START)
          .replace('<!-- gradscape:lab-end -->', LAB_END);
      },
    },
  };
}
