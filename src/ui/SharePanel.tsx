import { useEffect, useRef, useState } from 'react';
import { copyLink, exportFile, exportPyTorch, importFile } from './appState';
import { isCsvFile } from './csv/csvImport';
import { openCsvFile } from './csv/droppedCsv';

/** A dropped file: a CSV opens in the import panel (Data), an experiment file is imported. */
async function dropFile(file: File): Promise<void> {
  if (isCsvFile(file.name, await file.slice(0, 64).text())) return openCsvFile(file);
  return importFile(file);
}

/** Copy link (L), optionally with the trained weights; export and import the experiment as a file; export it as a PyTorch script. */
export function SharePanel() {
  const [withWeights, setWithWeights] = useState(false);
  const [link, setLink] = useState<string>();
  const fileRef = useRef<HTMLInputElement>(null);
  // copyLink reports its own failures (an alert or a log line): nothing is left for the click to await.
  const copy = () => void copyLink(withWeights).then(setLink);

  // L copies the link as the button would: with the trained weights when the box says so (issue 14: it never did).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.target as HTMLElement).closest('input, select, textarea, [contenteditable]')) return;
      if (e.key === 'l' && !e.ctrlKey && !e.metaKey && !e.altKey) void copyLink(withWeights).then(setLink);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [withWeights]);

  useEffect(() => {
    // Dropping an exported experiment anywhere on the page loads it; a CSV opens in the import panel.
    const onDragOver = (e: DragEvent) => e.preventDefault();
    const onDrop = (e: DragEvent) => {
      const file = e.dataTransfer?.files[0];
      if (!file) return;
      e.preventDefault();
      void dropFile(file);
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, []);

  return (
    <div className="share">
      <button type="button" onClick={copy} title="Copy link (L)">
        Copy link
      </button>
      <label className="checkbox">
        <input
          type="checkbox"
          title="Put the trained weights in the link, so it opens on this very network (a longer link)"
          checked={withWeights}
          onChange={(e) => setWithWeights(e.target.checked)}
        />
        include trained weights
      </label>
      {link && (
        <input
          className="share-link"
          data-testid="share-link"
          aria-label="Link to this experiment"
          title="The link that reproduces this experiment: copy it to share"
          readOnly
          value={link}
          onFocus={(e) => e.target.select()}
        />
      )}
      <button
        type="button"
        onClick={() => void exportFile()}
        title="Download this experiment (settings, trained weights and step) as a JSON file"
      >
        Export file
      </button>
      <button
        type="button"
        onClick={() => void exportPyTorch()}
        title="A runnable PyTorch script of this experiment: the network, its data, the trained weights and the training loop"
      >
        Export PyTorch script
      </button>
      <button
        type="button"
        onClick={() => fileRef.current?.click()}
        title="Open an experiment file exported before and go on from where it was"
      >
        Import file
      </button>
      <input
        ref={fileRef}
        type="file"
        accept="application/json,.json"
        hidden
        aria-label="Experiment file to import"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void importFile(file);
          e.target.value = '';
        }}
      />
    </div>
  );
}
