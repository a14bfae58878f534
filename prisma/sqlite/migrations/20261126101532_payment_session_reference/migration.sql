-- AlterTable
ALTER TABLE "PaymentSession" ADD COLUMN "providerReference" TEXT;

-- CreateIndex
CREATE INDEX "PaymentSession_providerReference_idx" ON "PaymentSession"("providerReference");
