import type { Progress } from '../../lib/api';
import { bytes, count } from '../../lib/format';

/** Files, bytes and records committed so far, the bar by bytes. */
export function LiveProgress({ progress, done }: { progress: Progress | null; done: boolean }) {
  if (!progress) return <div class="live-progress muted" data-testid="live-progress">{done ? '' : 'waiting for the first index commit…'}</div>;
  const fraction = progress.bytes_total > 0 ? progress.bytes_done / progress.bytes_total : 0;
  return (
    <div class="live-progress" data-testid="live-progress" data-records={progress.records} data-files-done={progress.files_done}
      data-files-total={progress.files_total}>
      <span class="bar" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(fraction * 100)}>
        <span style={{ width: `${Math.round(fraction * 100)}%` }} />
      </span>
      <span>
        {count(progress.files_done)} / {count(progress.files_total)} files · {bytes(progress.bytes_done)} /{' '}
        {bytes(progress.bytes_total)} · {count(progress.records)} records
      </span>
    </div>
  );
}
