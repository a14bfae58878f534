import type { Metadata } from "next";
import { Suspense } from "react";
import { AdminShell } from "@/components/admin/admin-shell";
import { ProductsTable } from "@/components/admin/products-table";

export const metadata: Metadata = { title: "Products" };

export default function AdminProductsPage() {
  return (
    <AdminShell>
      <Suspense>
        <ProductsTable />
      </Suspense>
    </AdminShell>
  );
}
