-- AlterTable
ALTER TABLE "Discount" ADD COLUMN     "currencyCode" TEXT,
ADD COLUMN     "endsAt" TIMESTAMP(3),
ADD COLUMN     "minSubtotal" INTEGER,
ADD COLUMN     "oncePerCustomer" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "productIds" TEXT,
ADD COLUMN     "startsAt" TIMESTAMP(3),
ADD COLUMN     "usageCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "usageLimit" INTEGER;

-- AlterTable
ALTER TABLE "LineItem" ADD COLUMN     "includesTax" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "taxLinesJson" TEXT;

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "discountProductIds" TEXT,
ADD COLUMN     "giftCardTotal" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "type" TEXT;

-- AlterTable
ALTER TABLE "Region" ADD COLUMN     "includesTax" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "taxName" TEXT NOT NULL DEFAULT 'Tax';

-- AlterTable
ALTER TABLE "ShippingMethod" ADD COLUMN     "includesTax" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "taxLinesJson" TEXT;

-- AlterTable
ALTER TABLE "ShippingOption" ADD COLUMN     "includesTax" BOOLEAN;

-- AlterTable
ALTER TABLE "VariantPrice" ADD COLUMN     "includesTax" BOOLEAN;

-- CreateTable
CREATE TABLE "TaxRate" (
    "id" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "countryCode" TEXT,
    "provinceCode" TEXT,
    "productType" TEXT,
    "appliesToShipping" BOOLEAN NOT NULL DEFAULT false,
    "rateBasisPoints" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "code" TEXT,

    CONSTRAINT "TaxRate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DiscountRedemption" (
    "id" TEXT NOT NULL,
    "discountId" TEXT NOT NULL,
    "customerKey" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DiscountRedemption_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GiftCard" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "value" INTEGER NOT NULL,
    "balance" INTEGER NOT NULL,
    "regionId" TEXT NOT NULL,
    "isDisabled" BOOLEAN NOT NULL DEFAULT false,
    "endsAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GiftCard_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CartGiftCard" (
    "cartId" TEXT NOT NULL,
    "giftCardId" TEXT NOT NULL,
    "appliedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CartGiftCard_pkey" PRIMARY KEY ("cartId","giftCardId")
);

-- CreateTable
CREATE TABLE "GiftCardTransaction" (
    "id" TEXT NOT NULL,
    "giftCardId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GiftCardTransaction_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TaxRate_regionId_idx" ON "TaxRate"("regionId");

-- CreateIndex
CREATE UNIQUE INDEX "DiscountRedemption_discountId_customerKey_key" ON "DiscountRedemption"("discountId", "customerKey");

-- CreateIndex
CREATE UNIQUE INDEX "GiftCard_code_key" ON "GiftCard"("code");

-- CreateIndex
CREATE INDEX "CartGiftCard_giftCardId_idx" ON "CartGiftCard"("giftCardId");

-- CreateIndex
CREATE INDEX "GiftCardTransaction_giftCardId_idx" ON "GiftCardTransaction"("giftCardId");

-- CreateIndex
CREATE INDEX "GiftCardTransaction_orderId_idx" ON "GiftCardTransaction"("orderId");

-- AddForeignKey
ALTER TABLE "TaxRate" ADD CONSTRAINT "TaxRate_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DiscountRedemption" ADD CONSTRAINT "DiscountRedemption_discountId_fkey" FOREIGN KEY ("discountId") REFERENCES "Discount"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GiftCard" ADD CONSTRAINT "GiftCard_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CartGiftCard" ADD CONSTRAINT "CartGiftCard_cartId_fkey" FOREIGN KEY ("cartId") REFERENCES "Cart"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CartGiftCard" ADD CONSTRAINT "CartGiftCard_giftCardId_fkey" FOREIGN KEY ("giftCardId") REFERENCES "GiftCard"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GiftCardTransaction" ADD CONSTRAINT "GiftCardTransaction_giftCardId_fkey" FOREIGN KEY ("giftCardId") REFERENCES "GiftCard"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GiftCardTransaction" ADD CONSTRAINT "GiftCardTransaction_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
