import type { Metadata } from "next";
import { Suspense } from "react";
import { AdminShell } from "@/components/admin/admin-shell";
import { OrdersTable } from "@/components/admin/orders-table";

export const metadata: Metadata = { title: "Orders" };

export default function AdminOrdersPage() {
  return (
    <AdminShell>
      <Suspense>
        <OrdersTable />
      </Suspense>
    </AdminShell>
  );
}
