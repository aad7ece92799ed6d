import { useEffect } from 'react';

/** Fields keep their own keys (Ctrl+Z undoes typing); the canvas's apply everywhere else. */
function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    (target instanceof HTMLInputElement && !['checkbox', 'radio', 'button'].includes(target.type))
  );
}

export interface EditorShortcuts {
  undo(): void;
  redo(): void;
  copy?(): boolean;
  paste?(): void;
  help?(): void;
}

/** The editor's keys, as the shortcuts help lists them. */
export const shortcutList: { keys: string; what: string }[] = [
  { keys: 'Ctrl+Z', what: 'Undo' },
  { keys: 'Ctrl+Shift+Z or Ctrl+Y', what: 'Redo' },
  { keys: 'Ctrl+C / Ctrl+V', what: 'Copy and paste the selected steps' },
  { keys: 'Delete or Backspace', what: 'Remove the selected steps or connections' },
  { keys: 'Ctrl+click', what: 'Select more than one step' },
  { keys: 'Shift+drag', what: 'Select the steps in a box' },
  { keys: 'Drag from an exit', what: 'Connect it to a step' },
  { keys: '?', what: 'Show these shortcuts' },
];

/** Ctrl+Z (⌘Z) undoes, Ctrl+Shift+Z and Ctrl+Y redo, Ctrl+C/V copy and paste, ? shows help. */
export function useEditorShortcuts({ undo, redo, copy, paste, help }: EditorShortcuts): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (isTextEntry(event.target) || event.altKey) return;
      if (event.key === '?' && !event.ctrlKey && !event.metaKey && help) {
        help();
        event.preventDefault();
        return;
      }
      if (!(event.ctrlKey || event.metaKey)) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) undo();
      else if ((key === 'z' && event.shiftKey) || key === 'y') redo();
      // Copy only takes the key when steps are selected, so copying page text still works.
      else if (key === 'c' && copy) {
        if (!copy()) return;
      } else if (key === 'v' && paste) paste();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [undo, redo, copy, paste, help]);
}
