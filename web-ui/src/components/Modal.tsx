import type { ComponentChildren } from 'preact';

/**
 * A dialog over the page. Escape does not reach the page's own handlers (which would close the
 * selected record underneath) and does not close the dialog either: edits are never lost by a key.
 */
export function Modal(props: { title: string; onClose: () => void; children: ComponentChildren; 'data-testid'?: string }) {
  const { title, onClose, children } = props;
  return (
    <div class="modal-backdrop" onKeyDown={e => e.key === 'Escape' && e.stopPropagation()}>
      <div class="modal" role="dialog" aria-modal="true" aria-label={title} data-testid={props['data-testid']}>
        <header>
          <h3>{title}</h3>
          <span class="spacer" />
          <button class="link" onClick={onClose} aria-label="Close" title="Close">
            ✕
          </button>
        </header>
        <div class="modal-body">{children}</div>
      </div>
    </div>
  );
}
