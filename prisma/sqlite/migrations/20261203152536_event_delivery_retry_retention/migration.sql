-- AlterTable
ALTER TABLE "EventDelivery" ADD COLUMN "retriedAt" DATETIME;
ALTER TABLE "EventDelivery" ADD COLUMN "retriedBy" TEXT;

-- CreateIndex
CREATE INDEX "OutboxEvent_status_finishedAt_idx" ON "OutboxEvent"("status", "finishedAt");
