// Which rate applies where: the most specific rate of the region that matches the address.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { normalizeProvince, provincesOf } from "../../lib/commerce/provinces";
import { taxLineFor, taxPlaceOf, type TaxRateRow, type TaxRegion } from "../../lib/commerce/tax-rates";

const rate = (id: string, fields: Partial<TaxRateRow>): TaxRateRow => ({
  id, countryCode: null, provinceCode: null, productType: null, appliesToShipping: false, rateBasisPoints: 0, name: "Tax", code: null, ...fields,
});

const region: TaxRegion = {
  taxRateBasisPoints: 1900,
  taxName: "VAT",
  taxRates: [
    rate("txr_de", { countryCode: "de", rateBasisPoints: 1900, name: "VAT", code: "DE" }),
    rate("txr_de_books", { countryCode: "de", productType: "books", rateBasisPoints: 700, name: "VAT (reduced)", code: "DE" }),
    rate("txr_se", { countryCode: "se", rateBasisPoints: 2500, name: "VAT", code: "SE" }),
    rate("txr_us_ny", { countryCode: "us", provinceCode: "NY", rateBasisPoints: 400, name: "Sales tax", code: "US-NY" }),
    rate("txr_us_ca", { countryCode: "us", provinceCode: "CA", rateBasisPoints: 725, name: "Sales tax", code: "US-CA" }),
    rate("txr_us_ca_ship", { countryCode: "us", provinceCode: "CA", appliesToShipping: true, rateBasisPoints: 0, name: "Shipping exempt", code: "US-CA" }),
  ],
};
const anyItem = { kind: "item", productType: null } as const;

describe("tax rates", () => {
  test("before an address is known the region default applies", () => {
    assert.deepEqual(taxLineFor(region, null, anyItem), { rate: 1900, name: "VAT", code: null });
    assert.equal(taxPlaceOf(null), null);
    assert.equal(taxPlaceOf({ countryCode: "us", province: null }), null, "a US address without a state is not enough");
  });

  test("the country's rate, a reduced rate for a product type, a state's rate", () => {
    assert.equal(taxLineFor(region, { countryCode: "se", provinceCode: null }, anyItem).rate, 2500);
    assert.equal(taxLineFor(region, { countryCode: "de", provinceCode: null }, { kind: "item", productType: "books" }).rate, 700);
    assert.equal(taxLineFor(region, { countryCode: "de", provinceCode: null }, { kind: "shipping" }).rate, 1900);
    assert.equal(taxLineFor(region, taxPlaceOf({ countryCode: "us", province: "ny" }), anyItem).rate, 400);
    assert.equal(taxLineFor(region, { countryCode: "us", provinceCode: "CA" }, { kind: "shipping" }).rate, 0);
    assert.equal(taxLineFor(region, { countryCode: "us", provinceCode: "CA" }, anyItem).rate, 725);
    assert.equal(taxLineFor({ ...region, taxRateBasisPoints: 0 }, { countryCode: "us", provinceCode: "OR" }, anyItem).rate, 0);
  });

  test("states and provinces are checked against the list and stored as codes", () => {
    assert.equal(normalizeProvince("us", "new york"), "NY");
    assert.equal(normalizeProvince("us", "ca"), "CA");
    assert.equal(normalizeProvince("ca", "Quebec"), "QC");
    assert.equal(normalizeProvince("us", "Bavaria"), undefined);
    assert.equal(normalizeProvince("de", "Bayern"), "Bayern", "countries without a list keep what was entered");
    assert.equal(provincesOf("us")?.list.length, 52);
    assert.equal(provincesOf("de"), null);
  });
});
