-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ShippingOption" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "regionId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "priceType" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "includesTax" BOOLEAN,
    "isReturn" BOOLEAN NOT NULL DEFAULT false,
    "minSubtotal" INTEGER,
    "maxSubtotal" INTEGER,
    "providerId" TEXT NOT NULL DEFAULT 'manual',
    "adminOnly" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "ShippingOption_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_ShippingOption" ("amount", "id", "includesTax", "isReturn", "maxSubtotal", "minSubtotal", "name", "priceType", "providerId", "regionId") SELECT "amount", "id", "includesTax", "isReturn", "maxSubtotal", "minSubtotal", "name", "priceType", "providerId", "regionId" FROM "ShippingOption";
DROP TABLE "ShippingOption";
ALTER TABLE "new_ShippingOption" RENAME TO "ShippingOption";
CREATE INDEX "ShippingOption_regionId_idx" ON "ShippingOption"("regionId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
