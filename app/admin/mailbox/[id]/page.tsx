import type { Metadata } from "next";
import { AdminShell } from "@/components/admin/admin-shell";
import { MailboxMessage } from "@/components/admin/mailbox-message";

export const metadata: Metadata = { title: "Email" };

export default async function AdminMailboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <AdminShell>
      <MailboxMessage messageId={id} />
    </AdminShell>
  );
}
