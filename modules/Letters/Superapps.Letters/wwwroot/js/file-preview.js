// Shows a chosen scan in the page before anything is uploaded: a blob: URL of the file input's file.
const watched = new WeakMap();

function kindOf(file) {
    const name = file.name.toLowerCase();
    if (file.type === 'application/pdf' || name.endsWith('.pdf')) {
        return 'pdf';
    }
    if (file.type.startsWith('image/') || /\.(jpe?g|png)$/.test(name)) {
        return 'image';
    }
    return 'other';
}

// Watches the file inputs inside the container; on every choice the old URL is revoked and the component gets the new one.
export function watch(container, dotnet) {
    unwatch(container);
    const state = { url: null };
    state.listener = e => {
        const input = e.target;
        if (!(input instanceof HTMLInputElement) || input.type !== 'file') {
            return;
        }
        if (state.url) {
            URL.revokeObjectURL(state.url);
            state.url = null;
        }
        const file = input.files?.[0];
        if (!file) {
            dotnet.invokeMethodAsync('OnPreview', null);
            return;
        }
        state.url = URL.createObjectURL(file);
        dotnet.invokeMethodAsync('OnPreview', { url: state.url, kind: kindOf(file), name: file.name, size: file.size });
    };
    // Capture: the preview is taken before anything else handles (or resets) the input.
    container.addEventListener('change', state.listener, true);
    watched.set(container, state);
}

export function unwatch(container) {
    const state = container ? watched.get(container) : null;
    if (!state) {
        return;
    }
    container.removeEventListener('change', state.listener, true);
    if (state.url) {
        URL.revokeObjectURL(state.url);
    }
    watched.delete(container);
}
