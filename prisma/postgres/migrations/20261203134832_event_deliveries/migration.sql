-- DropIndex
DROP INDEX "OutboxEvent_resourceId_createdAt_idx";

-- DropIndex
DROP INDEX "OutboxEvent_status_availableAt_idx";

-- AlterTable
ALTER TABLE "OutboxEvent" DROP COLUMN "attempts",
DROP COLUMN "availableAt",
DROP COLUMN "deliveredAt",
DROP COLUMN "lastError",
DROP COLUMN "lockedUntil",
ADD COLUMN     "fannedOutAt" TIMESTAMP(3),
ADD COLUMN     "finishedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "EventDelivery" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "subscriber" TEXT NOT NULL,
    "resourceId" TEXT NOT NULL,
    "eventCreatedAt" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "availableAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedBy" TEXT,
    "lockedUntil" TIMESTAMP(3),
    "deliveredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EventDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MailboxMessage" (
    "id" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "eventId" TEXT,
    "toAddress" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "raw" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MailboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "EventDelivery_status_availableAt_idx" ON "EventDelivery"("status", "availableAt");

-- CreateIndex
CREATE INDEX "EventDelivery_subscriber_resourceId_status_idx" ON "EventDelivery"("subscriber", "resourceId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "EventDelivery_eventId_subscriber_key" ON "EventDelivery"("eventId", "subscriber");

-- CreateIndex
CREATE UNIQUE INDEX "MailboxMessage_messageId_key" ON "MailboxMessage"("messageId");

-- CreateIndex
CREATE INDEX "MailboxMessage_createdAt_idx" ON "MailboxMessage"("createdAt");

-- CreateIndex
CREATE INDEX "MailboxMessage_toAddress_idx" ON "MailboxMessage"("toAddress");

-- CreateIndex
CREATE INDEX "OutboxEvent_fannedOutAt_createdAt_idx" ON "OutboxEvent"("fannedOutAt", "createdAt");

-- CreateIndex
CREATE INDEX "OutboxEvent_resourceId_name_idx" ON "OutboxEvent"("resourceId", "name");

-- AddForeignKey
ALTER TABLE "EventDelivery" ADD CONSTRAINT "EventDelivery_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "OutboxEvent"("id") ON DELETE CASCADE ON UPDATE CASCADE;
