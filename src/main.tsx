import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { engine, shareLinks } from './ui/appState';
import { watchEditHistory } from './ui/editHistory';
import './ui/app.css';

engine.start(shareLinks.readLocation());
shareLinks.syncLocation();
watchEditHistory();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
