// The notice area of a back-office page that uses useAdminAction: the outcome of the last action,
// focused when it ends. `children` come first, for a notice the page always shows (an order that
// needs attention).
import { ErrorMessage } from "@/components/ui/error-message";

type Props = {
  noticeRef: React.Ref<HTMLDivElement>;
  error: string | null;
  done: string | null;
  children?: React.ReactNode;
};

export function AdminNotices({ noticeRef, error, done, children }: Props) {
  return (
    <div ref={noticeRef} tabIndex={-1} className="admin-order__notices">
      {children}
      <ErrorMessage>{error}</ErrorMessage>
      <div role="status" className={done ? "notice notice--success" : undefined}>
        {done}
      </div>
    </div>
  );
}
