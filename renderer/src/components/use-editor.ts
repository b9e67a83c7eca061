import { useState } from 'react';
import { App } from 'antd';

/** The edit-dialog state of a list tab: which row is open ('new' for a blank form), and what
 * happens on save — close, say so, reload the list — so every tab behaves the same. */
export function useEditor<T>(reload: () => Promise<unknown>) {
  const { message } = App.useApp();
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  return {
    editing,
    /** The row being edited, or null for a new one. */
    current: editing === 'new' ? null : editing,
    open: (row: T | 'new') => setEditing(row),
    close: () => setEditing(null),
    saved: (notice: string) => {
      setEditing(null);
      void message.success(notice);
      void reload();
    },
  };
}
