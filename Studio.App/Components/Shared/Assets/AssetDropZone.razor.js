// Makes the whole drop zone accept files dragged from the desktop: a drop hands the files to the zone's <input type=file>
// and raises its change event, which Blazor's InputFile reads. Handling the drop here (instead of relying on the
// browser dropping onto the input) also lets a test dispatch a synthetic drop with a DataTransfer.
function hasFiles(event) {
    return !!event.dataTransfer && Array.from(event.dataTransfer.types || []).includes('Files');
}

export function attach(zone, input) {
    if (!zone || !input) {
        return null;
    }

    let depth = 0;
    const clear = () => {
        depth = 0;
        zone.classList.remove('dragging');
    };
    const enter = event => {
        if (!hasFiles(event) || input.disabled) {
            return;
        }

        event.preventDefault();
        depth++;
        zone.classList.add('dragging');
    };
    const over = event => {
        if (!hasFiles(event)) {
            return;
        }

        event.preventDefault();
        event.dataTransfer.dropEffect = input.disabled ? 'none' : 'copy';
    };
    const leave = () => {
        if (depth > 0 && --depth === 0) {
            zone.classList.remove('dragging');
        }
    };
    const drop = event => {
        if (!hasFiles(event)) {
            return;
        }

        event.preventDefault();
        event.stopPropagation();
        clear();
        if (input.disabled || event.dataTransfer.files.length === 0) {
            return;
        }

        let files = event.dataTransfer.files;
        if (!input.multiple && files.length > 1) {
            const one = new DataTransfer();
            one.items.add(files[0]);
            files = one.files;
        }

        input.files = files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
    };

    zone.addEventListener('dragenter', enter);
    zone.addEventListener('dragover', over);
    zone.addEventListener('dragleave', leave);
    zone.addEventListener('drop', drop);
    return {
        dispose() {
            zone.removeEventListener('dragenter', enter);
            zone.removeEventListener('dragover', over);
            zone.removeEventListener('dragleave', leave);
            zone.removeEventListener('drop', drop);
        },
    };
}
