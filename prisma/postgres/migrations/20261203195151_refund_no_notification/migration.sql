-- AlterTable
ALTER TABLE "Refund" ADD COLUMN     "noNotification" BOOLEAN NOT NULL DEFAULT false;
