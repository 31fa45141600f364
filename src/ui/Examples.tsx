/**
 * The Examples gallery: curated experiments by architecture, each opened as its share link (the address bar
 * changes, so Back returns to the experiment before it), and the line on what to look for while it is the one
 * running (src/experiment/examples.ts recognises it whatever its speed or view).
 */
import { useRef, useState } from 'react';
import { ARCHITECTURES, EXAMPLES, encodeLink, exampleOf, type Example } from '../experiment';
import { useAppStore } from './appState';
import { ARCHITECTURE_UI } from './arch/registry';

export function Examples() {
  const menu = useRef<HTMLDetailsElement>(null);
  // The list is in the page only while open: closed, its captions are not text of the page.
  const [open, setOpen] = useState(false);
  const choose = (example: Example) => {
    menu.current!.open = false;
    // Followed as a pasted link is (src/state/share.ts): one history entry, the same checks.
    window.location.hash = encodeLink(example.spec);
  };
  return (
    <details className="examples" ref={menu} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary title="Curated experiments, each showing its architecture's phenomenon within seconds">
        Examples
      </summary>
      {open && (
        <div className="examples-list" role="group" aria-label="Examples">
          {ARCHITECTURES.map((architecture) => {
            const examples = EXAMPLES.filter((e) => e.architecture === architecture);
            if (examples.length === 0) return null;
            return (
              <section key={architecture}>
                <h3>{ARCHITECTURE_UI[architecture].label}</h3>
                <ul>
                  {examples.map((example) => (
                    <li key={example.id}>
                      <button
                        type="button"
                        data-testid={`example-${example.id}`}
                        title="Opens this experiment as its share link (Back returns to yours)"
                        onClick={() => choose(example)}
                      >
                        <strong>{example.title}</strong>
                        <span>{example.lookFor}</span>
                      </button>
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
        </div>
      )}
    </details>
  );
}

/** What to look for, while the running experiment is an example. */
export function ExampleNote() {
  const example = useAppStore((s) => exampleOf(s.spec));
  if (!example) return null;
  return (
    <p className="example-note" role="note" data-testid="example-note">
      <strong>{example.title}.</strong> What to look for: {example.lookFor}
    </p>
  );
}
