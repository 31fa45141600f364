import { useAppStore } from '../appState';

/** Errors and warnings, each in role="alert"; text only (never HTML), each can be dismissed. */
export function Alerts() {
  const alerts = useAppStore((s) => s.runtime.alerts);
  const dismiss = useAppStore((s) => s.dismissAlert);
  return (
    <div className="alerts">
      {alerts.map((a) => (
        <div key={a.id} role="alert" className="alert">
          <span>{a.message}</span>
          {a.action && (
            <button
              type="button"
              onClick={() => {
                dismiss(a.id);
                a.action!.run();
              }}
            >
              {a.action.label}
            </button>
          )}
          <button type="button" aria-label="Dismiss" title="Close this message" onClick={() => dismiss(a.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
