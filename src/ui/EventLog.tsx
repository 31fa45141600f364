import { useAppStore } from './appState';

export function EventLog() {
  const log = useAppStore((s) => s.runtime.log);
  const highlight = useAppStore((s) => s.setHighlightEdge);
  return (
    <section className="panel log" aria-labelledby="log-title">
      <h2 id="log-title">Events</h2>
      <ol data-testid="event-log" className="event-log">
        {log.map((e) => (
          <li
            key={e.id}
            data-edge={e.edge}
            className={e.edge ? 'has-edge' : undefined}
            onMouseEnter={e.edge ? () => highlight(e.edge) : undefined}
            onMouseLeave={e.edge ? () => highlight(undefined) : undefined}
          >
            <span className="log-step">step {e.step}</span> {e.text}
          </li>
        ))}
      </ol>
    </section>
  );
}
