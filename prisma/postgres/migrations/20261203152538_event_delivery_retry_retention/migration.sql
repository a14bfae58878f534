-- AlterTable
ALTER TABLE "EventDelivery" ADD COLUMN     "retriedAt" TIMESTAMP(3),
ADD COLUMN     "retriedBy" TEXT;

-- CreateIndex
CREATE INDEX "OutboxEvent_status_finishedAt_idx" ON "OutboxEvent"("status", "finishedAt");
