import { useAppStore } from '../appState';
import { ARCHITECTURE_UI } from '../arch/registry';

/** What the selected architecture is, what the picture shows, and where we departed from the source. */
export function InfoPanel() {
  const { Info } = ARCHITECTURE_UI[useAppStore((s) => s.spec.architecture)];
  return (
    <section className="panel info" aria-labelledby="info-title">
      <h2 id="info-title">About this network</h2>
      <Info />
    </section>
  );
}
