import { useEffect } from 'react';
import { engine } from './appState';
import { useAppStore } from './appState';
import { editLive, redo, undo } from './editHistory';

/**
 * Space = play/pause, right arrow = step, Delete = delete the selected Live neuron, Ctrl+Z = undo a graph edit,
 * Ctrl+Shift+Z or Ctrl+Y = redo it: wherever focus is, except
 * while typing (inputs, selects, text areas). Space on a focused button plays or pauses too (issue 14: after
 * clicking Step, Space repeated Step); Enter still presses a focused button.
 */
export function useKeyboard(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (target.closest('input, select, textarea, [contenteditable]')) return;
      const key = e.key.toLowerCase();
      if ((e.ctrlKey || e.metaKey) && !e.altKey && (key === 'z' || key === 'y')) {
        e.preventDefault();
        if (key === 'y' || e.shiftKey) redo();
        else undo();
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const { runtime } = useAppStore.getState();
      if (runtime.engine !== 'ready') return;
      if (e.key === ' ') {
        e.preventDefault();
        if (runtime.playing) engine.pause();
        else engine.play();
      } else if (e.key === 'ArrowRight') {
        e.preventDefault();
        engine.step(1);
      } else if ((e.key === 'Delete' || e.key === 'Backspace') && useAppStore.getState().selectedNeuron) {
        e.preventDefault();
        editLive({ kind: 'removeNeuron', id: useAppStore.getState().selectedNeuron! });
        useAppStore.getState().setSelectedNeuron(undefined);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
