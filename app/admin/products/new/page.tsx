import type { Metadata } from "next";
import { AdminShell } from "@/components/admin/admin-shell";
import { ProductCreateForm } from "@/components/admin/product-create-form";

export const metadata: Metadata = { title: "New product" };

export default function AdminNewProductPage() {
  return (
    <AdminShell>
      <ProductCreateForm />
    </AdminShell>
  );
}
