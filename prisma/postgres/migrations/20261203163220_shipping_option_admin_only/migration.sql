-- AlterTable
ALTER TABLE "ShippingOption" ADD COLUMN     "adminOnly" BOOLEAN NOT NULL DEFAULT false;
