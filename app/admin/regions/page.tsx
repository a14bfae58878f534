import type { Metadata } from "next";
import { AdminShell } from "@/components/admin/admin-shell";
import { RegionsPanel } from "@/components/admin/regions-panel";

export const metadata: Metadata = { title: "Regions" };

export default function AdminRegionsPage() {
  return (
    <AdminShell>
      <RegionsPanel />
    </AdminShell>
  );
}
