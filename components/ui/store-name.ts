export const STORE_NAME = "Kestrel Goods";
