// The letter body editor (RichTextEditor component): a contenteditable area, a toolbar of editing commands, pasting cleaned
// to the letter's limited HTML, and the edited HTML reported to the server (debounced while typing, at once on blur, and one
// last time when the component goes away). The server sanitises again: nothing here is trusted.
const editors = new WeakMap();

const allowed = new Set(['P', 'BR', 'STRONG', 'B', 'EM', 'I', 'U', 'OL', 'UL', 'LI', 'TABLE', 'THEAD', 'TBODY', 'TR', 'TH', 'TD']);
const dropped = new Set(['SCRIPT', 'STYLE', 'IFRAME', 'OBJECT', 'EMBED', 'TEMPLATE', 'NOSCRIPT', 'SVG', 'MATH', 'HEAD', 'TITLE', 'META', 'LINK',
    'TEXTAREA', 'SELECT', 'BUTTON', 'IMG', 'VIDEO', 'AUDIO', 'CANVAS', 'FORM', 'INPUT']);
const blocks = new Set(['DIV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'PRE', 'ADDRESS']);
const alignments = new Set(['left', 'center', 'right', 'justify']);
const toggles = ['bold', 'italic', 'underline', 'insertOrderedList', 'insertUnorderedList', 'justifyLeft', 'justifyCenter', 'justifyRight', 'justifyFull'];

function alignmentOf(element) {
    const value = (element.style?.textAlign || element.getAttribute('align') || '').toLowerCase();
    return alignments.has(value) ? value : null;
}

// Copies the allowed part of a node into the target: allowed tags without attributes (text-align on paragraphs only),
// headings and divs as paragraphs, everything else unwrapped to its text; scripts, styles and media dropped whole.
function copyClean(source, target, doc) {
    for (const node of Array.from(source.childNodes)) {
        if (node.nodeType === Node.TEXT_NODE) {
            target.appendChild(doc.createTextNode(node.nodeValue));
            continue;
        }
        if (node.nodeType !== Node.ELEMENT_NODE) {
            continue; // comments, processing instructions
        }
        const tag = node.tagName.toUpperCase();
        if (dropped.has(tag)) {
            continue;
        }
        const weight = node.style?.fontWeight ?? '';
        if (tag === 'B' && (weight === 'normal' || weight === '400')) {
            copyClean(node, target, doc); // Google Docs wraps whole pastes in <b style="font-weight:normal">
            continue;
        }
        if (tag === 'SPAN' || tag === 'FONT') {
            // Word processors mark formatting with styles: keep bold, italic and underline as tags.
            let inner = target;
            const wrap = name => { const element = doc.createElement(name); inner.appendChild(element); inner = element; };
            if (weight === 'bold' || Number(weight) >= 600) wrap('strong');
            if (node.style?.fontStyle === 'italic') wrap('em');
            if ((node.style?.textDecorationLine || node.style?.textDecoration || '').includes('underline')) wrap('u');
            copyClean(node, inner, doc);
            continue;
        }
        if (allowed.has(tag) || blocks.has(tag)) {
            const name = blocks.has(tag) ? 'P' : tag;
            const copy = doc.createElement(name.toLowerCase());
            if (name === 'P') {
                const align = alignmentOf(node);
                if (align) {
                    copy.setAttribute('style', `text-align: ${align}`);
                }
            }
            copyClean(node, copy, doc);
            target.appendChild(copy);
        } else {
            copyClean(node, target, doc);
        }
    }
}

// Parses HTML in an inert document (no scripts run, no images load) and returns the cleaned HTML.
export function clean(html) {
    const parsed = new DOMParser().parseFromString(`<!DOCTYPE html><body>${html ?? ''}</body>`, 'text/html');
    const out = document.implementation.createHTMLDocument('');
    const holder = out.createElement('div');
    copyClean(parsed.body, holder, out);
    return holder.innerHTML;
}

function escapeText(text) {
    const div = document.createElement('div');
    div.textContent = text;
    return div.innerHTML;
}

function plainToHtml(text) {
    return text.replace(/\r\n?/g, '\n').split(/\n{2,}/)
        .map(block => `<p>${escapeText(block).replace(/\n/g, '<br>')}</p>`)
        .join('');
}

function read(area) {
    const html = clean(area.innerHTML);
    // An emptied editor leaves "<p><br></p>" or "<br>" behind: that is no text.
    return area.textContent.trim().length === 0 && !/<(table|li)\b/i.test(html) ? '' : html;
}

function updateToolbar(entry) {
    if (!entry.area.contains(document.getSelection()?.anchorNode ?? null)) {
        return;
    }
    for (const command of toggles) {
        const button = entry.toolbar.querySelector(`[data-command="${command}"]`);
        if (button) {
            let on = false;
            try { on = document.queryCommandState(command); } catch { on = false; }
            button.setAttribute('aria-pressed', on ? 'true' : 'false');
            button.classList.toggle('mud-primary-text', on);
        }
    }
}

function report(entry) {
    clearTimeout(entry.timer);
    entry.timer = 0;
    const html = read(entry.area);
    if (html === entry.last) {
        return;
    }
    entry.last = html;
    entry.dotnet.invokeMethodAsync('OnContentChanged', html).catch(() => { /* the circuit is gone */ });
}

let styled = false;
function addStyles() {
    if (styled) {
        return;
    }
    styled = true;
    const style = document.createElement('style');
    style.textContent = `
.rich-text-editor-content:focus-visible { box-shadow: inset 0 0 0 2px var(--mud-palette-primary); }
.rich-text-editor-content p { margin: 0 0 .5em; }
.rich-text-editor-content ol, .rich-text-editor-content ul { margin: 0 0 .5em; padding-left: 1.6em; }
.rich-text-editor-content table { border-collapse: collapse; margin: 0 0 .5em; max-width: 100%; }
.rich-text-editor-content th, .rich-text-editor-content td { border: 1px solid var(--mud-palette-lines-default); padding: 2px 6px; }
.rich-text-editor-content:empty::before { content: attr(data-placeholder); color: var(--mud-palette-text-disabled); }
.rich-text-editor-toolbar .mud-icon-button[aria-pressed="true"] { background: var(--mud-palette-action-default-hover); }`;
    document.head.appendChild(style);
}

// Starts editing: shows the value, wires the toolbar, typing, pasting and blur.
export function attach(area, toolbar, dotnet, html, debounceMs) {
    addStyles();
    try {
        document.execCommand('defaultParagraphSeparator', false, 'p');
        document.execCommand('styleWithCSS', false, false);
    } catch { /* older browsers */ }
    area.innerHTML = clean(html);
    const entry = { area, toolbar, dotnet, timer: 0, last: read(area), listeners: [] };
    const on = (target, type, handler) => {
        target.addEventListener(type, handler);
        entry.listeners.push(() => target.removeEventListener(type, handler));
    };

    // Keep the selection in the text when a toolbar button is pressed with the mouse.
    on(toolbar, 'mousedown', e => { if (e.target.closest('[data-command]')) e.preventDefault(); });
    on(toolbar, 'click', e => {
        const button = e.target.closest('[data-command]');
        if (!button || button.disabled || area.getAttribute('contenteditable') !== 'true') {
            return;
        }
        area.focus();
        document.execCommand(button.dataset.command, false, null);
        updateToolbar(entry);
        report(entry);
    });
    on(area, 'input', () => {
        clearTimeout(entry.timer);
        entry.timer = setTimeout(() => report(entry), debounceMs);
    });
    on(area, 'blur', () => report(entry));
    on(area, 'paste', e => {
        const data = e.clipboardData;
        if (!data) {
            return;
        }
        e.preventDefault();
        const html = data.getData('text/html');
        const cleaned = html ? clean(html) : plainToHtml(data.getData('text/plain'));
        document.execCommand('insertHTML', false, cleaned);
    });
    on(area, 'drop', e => e.preventDefault());
    on(area, 'keyup', () => updateToolbar(entry));
    on(area, 'mouseup', () => updateToolbar(entry));
    editors.set(area, entry);
}

// Shows a value the server set (a template, a reset).
export function setHtml(area, html) {
    const entry = editors.get(area);
    area.innerHTML = clean(html);
    if (entry) {
        clearTimeout(entry.timer);
        entry.last = read(area);
    }
}

// Stops editing and returns the HTML not yet reported (or null when everything was).
export function detach(area) {
    const entry = editors.get(area);
    if (!entry) {
        return null;
    }
    clearTimeout(entry.timer);
    entry.listeners.forEach(remove => remove());
    editors.delete(area);
    const html = read(area);
    return html === entry.last ? null : html;
}
