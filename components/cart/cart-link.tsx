"use client";
import Link from "next/link";
import { useCart } from "./cart-provider";

export function CartLink() {
  const { itemCount } = useCart();
  return (
    <Link href="/cart" className="cart-link" data-testid="cart-link">
      <svg aria-hidden="true" viewBox="0 0 24 24" width="22" height="22" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
        <path d="M6 7h12l-1 13H7L6 7Z" />
        <path d="M9 7V6a3 3 0 0 1 6 0v1" />
      </svg>
      <span className="cart-link__text">Cart</span>{" "}
      <span className="cart-link__count" data-testid="cart-count">
        {itemCount}
      </span>
      <span className="visually-hidden"> {itemCount === 1 ? "item" : "items"}</span>
    </Link>
  );
}
