// Everything of the checkout that needs Stripe's React libraries, in one module that
// stripe-lazy.tsx imports on demand: no page's first load carries them.
export { StripeCardField } from "./stripe-card-field";
export { StripeElements } from "./stripe-elements";
export { StripePlaceOrder } from "./stripe-place-order";
