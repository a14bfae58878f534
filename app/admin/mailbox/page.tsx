import type { Metadata } from "next";
import { Suspense } from "react";
import { AdminShell } from "@/components/admin/admin-shell";
import { MailboxList } from "@/components/admin/mailbox-list";

export const metadata: Metadata = { title: "Mailbox" };

export default function AdminMailboxPage() {
  return (
    <AdminShell>
      <Suspense>
        <MailboxList />
      </Suspense>
    </AdminShell>
  );
}
