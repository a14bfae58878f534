import type { Metadata } from "next";
import { Suspense } from "react";
import { AdminShell } from "@/components/admin/admin-shell";
import { EventDeliveries } from "@/components/admin/event-deliveries";

export const metadata: Metadata = { title: "Events" };

export default function AdminEventsPage() {
  return (
    <AdminShell>
      <Suspense>
        <EventDeliveries />
      </Suspense>
    </AdminShell>
  );
}
