// Demo data for a new store: two regions (Europe with prices including VAT at each country's
// standard rate; the United States with sales tax added in a few states), nine products with
// variants, shipping options with a free-shipping threshold, discount codes and a gift card. Seeded only into an empty database, in one
// transaction with fixed ids, so two instances starting at once cannot seed twice.
import type { Db } from "../lib/db/client";
import { isUniqueConstraintError } from "../lib/db/client";

type ProductSeed = {
  handle: string;
  title: string;
  description: string;
  eur: number;
  usd: number;
  options: { title: string; values: string[] }[];
  stock: number;
  manageInventory?: boolean;
  allowBackorder?: boolean;
};

const PRODUCTS: ProductSeed[] = [
  {
    handle: "organic-cotton-tee",
    title: "Organic Cotton Tee",
    description: "A heavyweight tee in organic cotton that keeps its shape wash after wash.",
    eur: 2500, usd: 2900, stock: 25,
    options: [{ title: "Size", values: ["S", "M", "L", "XL"] }, { title: "Color", values: ["White", "Black"] }],
  },
  {
    handle: "merino-sweater",
    title: "Merino Sweater",
    description: "Fine-knit merino wool: warm, breathable and soft enough to wear on skin.",
    eur: 8900, usd: 9900, stock: 12,
    options: [{ title: "Size", values: ["S", "M", "L"] }],
  },
  {
    handle: "canvas-tote",
    title: "Canvas Tote",
    description: "A sturdy cotton canvas tote with an inside pocket.",
    eur: 1900, usd: 2200, stock: 40,
    options: [{ title: "Size", values: ["One size"] }],
  },
  {
    handle: "ceramic-mug",
    title: "Ceramic Mug",
    description: "Stoneware mug, glazed by hand. Holds 350 ml.",
    eur: 1600, usd: 1800, stock: 30,
    options: [{ title: "Color", values: ["Sand", "Slate"] }],
  },
  {
    handle: "wool-beanie",
    title: "Wool Beanie",
    description: "A ribbed beanie in recycled wool. Only a few left.",
    eur: 2200, usd: 2500, stock: 3,
    options: [{ title: "Size", values: ["One size"] }],
  },
  {
    handle: "linen-shorts",
    title: "Linen Shorts",
    description: "Breezy linen shorts with an elastic waist.",
    eur: 4500, usd: 5200, stock: 15,
    options: [{ title: "Size", values: ["S", "M", "L"] }],
  },
  {
    handle: "leather-notebook",
    title: "Leather Notebook",
    description: "A refillable notebook in vegetable-tanned leather. Made to order: ships in two weeks.",
    eur: 3200, usd: 3600, stock: 0, allowBackorder: true,
    options: [{ title: "Size", values: ["A5"] }],
  },
  {
    handle: "classic-sunglasses",
    title: "Classic Sunglasses",
    description: "Acetate frames with polarised lenses. Sold out for now.",
    eur: 7900, usd: 8900, stock: 0,
    options: [{ title: "Color", values: ["Black"] }],
  },
  {
    handle: "steel-water-bottle",
    title: "Steel Water Bottle",
    description: "Double-walled steel bottle, keeps drinks cold for a day. Always in stock.",
    eur: 2400, usd: 2700, stock: 0, manageInventory: false,
    options: [{ title: "Size", values: ["750 ml"] }],
  },
];

/** Standard VAT rates of the Europe region's countries (2026), in basis points. */
const EU_VAT: Record<string, number> = { de: 1900, fr: 2000, it: 2200, es: 2100, nl: 2100, se: 2500, dk: 2500 };

/**
 * State sales tax of a few states (the state rate only; local rates are not modelled); every
 * other state is at the region's 0. California does not tax separately stated shipping.
 */
const US_SALES_TAX: [state: string, basisPoints: number][] = [["CA", 725], ["NY", 400], ["TX", 625], ["WA", 650]];

const COUNTRIES = {
  europe: [
    ["de", "deu", "Germany"], ["fr", "fra", "France"], ["it", "ita", "Italy"], ["es", "esp", "Spain"],
    ["nl", "nld", "Netherlands"], ["se", "swe", "Sweden"], ["dk", "dnk", "Denmark"],
  ],
  us: [["us", "usa", "United States"]],
};

/** Every combination of the option values, e.g. S/White, S/Black, M/White, … */
function combinations(options: ProductSeed["options"]): string[][] {
  return options.reduce<string[][]>((rows, option) => rows.flatMap((row) => option.values.map((value) => [...row, value])), [[]]);
}

const slug = (value: string) => value.toLowerCase().replace(/[^a-z0-9]+/g, "");

export async function seedDemoStoreIfEmpty(db: Db): Promise<boolean> {
  if ((await db.region.count()) > 0) return false;
  try {
    await db.$transaction(async (tx) => {
      const base = Date.now();
      await tx.region.create({
        data: {
          // Before an address is known, the German rate (where the shop is) is shown; prices include
          // VAT, so the amount paid does not depend on it.
          id: "reg_europe", name: "Europe", currencyCode: "eur", taxRateBasisPoints: 1900, taxName: "VAT", includesTax: true,
          paymentProviderIds: "manual,stripe", fulfillmentProviderIds: "manual", createdAt: new Date(base),
        },
      });
      await tx.region.create({
        data: {
          id: "reg_unitedstates", name: "United States", currencyCode: "usd", taxRateBasisPoints: 0, taxName: "Sales tax",
          paymentProviderIds: "manual,stripe", fulfillmentProviderIds: "manual", createdAt: new Date(base + 1),
        },
      });
      for (const [regionId, countries] of [["reg_europe", COUNTRIES.europe], ["reg_unitedstates", COUNTRIES.us]] as const) {
        await tx.country.createMany({
          data: countries.map(([iso2, iso3, name]) => ({ iso2, iso3, name: name.toUpperCase(), displayName: name, regionId })),
        });
      }
      await tx.taxRate.createMany({
        data: [
          ...Object.entries(EU_VAT).map(([country, rate]) => ({
            id: `txr_eu_${country}`, regionId: "reg_europe", countryCode: country, rateBasisPoints: rate, name: "VAT", code: country.toUpperCase(),
          })),
          ...US_SALES_TAX.map(([state, rate]) => ({
            id: `txr_us_${state.toLowerCase()}`, regionId: "reg_unitedstates", countryCode: "us", provinceCode: state, rateBasisPoints: rate,
            name: "Sales tax", code: `US-${state}`,
          })),
          {
            id: "txr_us_ca_shipping", regionId: "reg_unitedstates", countryCode: "us", provinceCode: "CA", appliesToShipping: true,
            rateBasisPoints: 0, name: "Sales tax (shipping exempt)", code: "US-CA",
          },
        ],
      });
      await tx.shippingOption.createMany({
        data: [
          { id: "so_eu_standard", regionId: "reg_europe", name: "Standard Shipping", priceType: "flat_rate", amount: 495, maxSubtotal: 5000 },
          { id: "so_eu_freestandard", regionId: "reg_europe", name: "Free Standard Shipping", priceType: "flat_rate", amount: 0, minSubtotal: 5000 },
          { id: "so_eu_express", regionId: "reg_europe", name: "Express Shipping", priceType: "flat_rate", amount: 1495 },
          { id: "so_eu_return", regionId: "reg_europe", name: "Return Shipping", priceType: "flat_rate", amount: 0, isReturn: true },
          { id: "so_us_standard", regionId: "reg_unitedstates", name: "Standard Shipping", priceType: "flat_rate", amount: 595, maxSubtotal: 7500 },
          { id: "so_us_freestandard", regionId: "reg_unitedstates", name: "Free Standard Shipping", priceType: "flat_rate", amount: 0, minSubtotal: 7500 },
          { id: "so_us_express", regionId: "reg_unitedstates", name: "Express Shipping", priceType: "flat_rate", amount: 1995 },
          { id: "so_us_return", regionId: "reg_unitedstates", name: "Return Shipping", priceType: "flat_rate", amount: 0, isReturn: true },
        ],
      });
      await tx.discount.createMany({
        data: [
          { id: "disc_welcome10", code: "WELCOME10", type: "percentage", value: 10 },
          { id: "disc_euro5", code: "EURO5", type: "fixed", value: 500, currencyCode: "eur", regionId: "reg_europe" },
          { id: "disc_freeship", code: "FREESHIP", type: "free_shipping", value: 0 },
          { id: "disc_summer24", code: "SUMMER24", type: "percentage", value: 15, endsAt: new Date("2024-09-01T00:00:00Z") },
          { id: "disc_big20", code: "BIG20", type: "percentage", value: 20, regionId: "reg_europe", minSubtotal: 10000 },
          { id: "disc_first15", code: "FIRST15", type: "percentage", value: 15, oncePerCustomer: true },
        ],
      });
      await tx.giftCard.createMany({
        data: [
          { id: "gift_eur50", code: "GIFT-EUR-50", value: 5000, balance: 5000, regionId: "reg_europe" },
          { id: "gift_usd25", code: "GIFT-USD-25", value: 2500, balance: 2500, regionId: "reg_unitedstates" },
        ],
      });
      for (const [index, product] of PRODUCTS.entries()) await createProduct(tx, product, new Date(base + index));
    });
  } catch (error) {
    if (isUniqueConstraintError(error)) return false; // another instance seeded first
    throw error;
  }
  return true;
}

async function createProduct(tx: Parameters<Parameters<Db["$transaction"]>[0]>[0], product: ProductSeed, createdAt: Date) {
  const productId = `prod_${slug(product.handle)}`;
  const image = `/images/products/${product.handle}.svg`;
  await tx.product.create({
    data: {
      id: productId, handle: product.handle, title: product.title, description: product.description,
      thumbnail: image, createdAt,
      images: { create: [{ id: `img_${slug(product.handle)}`, url: image, rank: 0 }] },
      options: {
        create: product.options.map((option, rank) => ({ id: `opt_${slug(product.handle)}${slug(option.title)}`, title: option.title, rank })),
      },
    },
  });
  for (const [rank, values] of combinations(product.options).entries()) {
    const variantId = `variant_${slug(product.handle)}${values.map(slug).join("")}`;
    await tx.productVariant.create({
      data: {
        id: variantId, productId, title: values.join(" / "), rank,
        sku: `${product.handle}-${values.map(slug).join("-")}`.toUpperCase(),
        inventoryQuantity: product.stock,
        manageInventory: product.manageInventory ?? true,
        allowBackorder: product.allowBackorder ?? false,
        prices: {
          create: [
            { id: `ma_${variantId.slice(8)}eur`, currencyCode: "eur", amount: product.eur },
            { id: `ma_${variantId.slice(8)}usd`, currencyCode: "usd", amount: product.usd },
          ],
        },
        optionValues: {
          create: values.map((value, index) => ({
            id: `optval_${variantId.slice(8)}${index}`,
            optionId: `opt_${slug(product.handle)}${slug(product.options[index].title)}`,
            value,
          })),
        },
      },
    });
  }
}
