// Accounts and the address book, with medusa-js's method names (auth.*, customers.*).
import type { Transport } from "./transport";
import type { AddressPayload, StoreCustomer, StoreOrder } from "./types";

type CustomerAnswer = { customer: StoreCustomer };

export type AuthResource = ReturnType<typeof authResource>;
export type CustomersResource = ReturnType<typeof customersResource>;

export function authResource(request: Transport) {
  return {
    authenticate: (payload: { email: string; password: string }) => request<CustomerAnswer>("POST", "/store/auth", { body: payload }),
    getSession: () => request<CustomerAnswer>("GET", "/store/auth"),
    deleteSession: () => request<Record<string, never>>("DELETE", "/store/auth", { body: {} }),
  };
}

export function customersResource(request: Transport) {
  const addressPath = (addressId: string) => `/store/customers/me/addresses/${encodeURIComponent(addressId)}`;
  return {
    create: (payload: { email: string; password: string; first_name: string; last_name: string; phone?: string | null }) =>
      request<CustomerAnswer>("POST", "/store/customers", { body: payload }),
    retrieve: () => request<CustomerAnswer>("GET", "/store/customers/me"),
    update: (payload: { first_name?: string; last_name?: string; phone?: string | null; password?: string }) =>
      request<CustomerAnswer>("POST", "/store/customers/me", { body: payload }),
    listOrders: (query: { limit?: number; offset?: number; id?: string } = {}) =>
      request<{ orders: StoreOrder[]; count: number; offset: number; limit: number }>("GET", "/store/customers/me/orders", { query }),
    generatePasswordToken: (payload: { email: string }) => request<void>("POST", "/store/customers/password-token", { body: payload }),
    resetPassword: (payload: { email: string; token: string; password: string }) =>
      request<CustomerAnswer>("POST", "/store/customers/password-reset", { body: payload }),
    addresses: {
      addAddress: (payload: { address: AddressPayload }) => request<CustomerAnswer>("POST", "/store/customers/me/addresses", { body: payload }),
      updateAddress: (addressId: string, payload: Partial<AddressPayload>) => request<CustomerAnswer>("POST", addressPath(addressId), { body: payload }),
      deleteAddress: (addressId: string) => request<CustomerAnswer>("DELETE", addressPath(addressId), { body: {} }),
    },
  };
}
