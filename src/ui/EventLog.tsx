import { memo } from 'react';
import { useAppStore } from './appState';
import type { LogEntry } from '../state/store';

export function EventLog() {
  const log = useAppStore((s) => s.runtime.log);
  return (
    <section className="panel log" aria-labelledby="log-title">
      <h2 id="log-title">Events</h2>
      <ol data-testid="event-log" className="event-log">
        {log.map((e) => (
          <Entry key={e.id} entry={e} />
        ))}
      </ol>
    </section>
  );
}

/** One line; an entry never changes, so a new one in the log renders only itself (at full speed, every frame). */
const Entry = memo(function Entry({ entry: e }: { entry: LogEntry }) {
  const highlight = useAppStore((s) => s.setHighlightEdge);
  return (
    <li
      data-edge={e.edge}
      className={e.edge ? 'has-edge' : undefined}
      onMouseEnter={e.edge ? () => highlight(e.edge) : undefined}
      onMouseLeave={e.edge ? () => highlight(undefined) : undefined}
    >
      <span className="log-step">step {e.step}</span> {e.text}
    </li>
  );
});
