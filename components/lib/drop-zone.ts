/** A drop target: marks `data-over` while something is dragged over it and hands the dropped data to `onDrop`. */
export function dropZone(zone: HTMLElement, onDrop: (dt: DataTransfer) => void): void {
  zone.addEventListener('dragover', (ev) => {
    ev.preventDefault();
    zone.dataset.over = 'true';
  });
  zone.addEventListener('dragleave', () => delete zone.dataset.over);
  zone.addEventListener('drop', (ev) => {
    ev.preventDefault();
    delete zone.dataset.over;
    if (ev.dataTransfer) onDrop(ev.dataTransfer);
  });
}
