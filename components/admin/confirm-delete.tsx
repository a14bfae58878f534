// The second step of a back-office delete: the question, "Yes, delete it" and "Keep it".
export function ConfirmDelete({ label, question, busy, onConfirm, onKeep }: { label: string; question: string; busy: boolean; onConfirm: () => void; onKeep: () => void }) {
  return (
    <div className="admin-actions" role="group" aria-label={label}>
      <p>{question}</p>
      <button type="button" className="button button--primary" onClick={onConfirm} disabled={busy}>
        Yes, delete it
      </button>
      <button type="button" className="button button--secondary" onClick={onKeep}>
        Keep it
      </button>
    </div>
  );
}
