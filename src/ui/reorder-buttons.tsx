import { t } from '../shared/i18n.ts';

interface ReorderButtonsProps {
  name: string;
  index: number;
  count: number;
  onMove: (delta: -1 | 1) => void;
}

/** Move up / Move down, named after the item so a list of them is still clear to a screen reader. */
export function ReorderButtons({ name, index, count, onMove }: ReorderButtonsProps) {
  return (
    <>
      <button
        type="button"
        disabled={index === 0}
        aria-label={t('moveUpFor', name)}
        aria-keyshortcuts="Alt+ArrowUp"
        onClick={() => onMove(-1)}
      >
        ↑
      </button>
      <button
        type="button"
        disabled={index === count - 1}
        aria-label={t('moveDownFor', name)}
        aria-keyshortcuts="Alt+ArrowDown"
        onClick={() => onMove(1)}
      >
        ↓
      </button>
    </>
  );
}
