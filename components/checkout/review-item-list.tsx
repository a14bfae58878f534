// The lines of a cart or an order as the review step and the confirmation list them.
import { shownLineAmount } from "@/components/cart/line-amount";
import { LineThumbnail } from "@/components/cart/line-thumbnail";
import { formatMoney } from "@/components/ui/format-money";
import type { StoreLineItem } from "@/lib/sdk/types";

export function ReviewItemList({ items, currencyCode, itemTestId }: { items: StoreLineItem[]; currencyCode: string; itemTestId?: string }) {
  return (
    <ul className="review__items">
      {items.map((item) => (
        <li key={item.id} className="review__item" data-testid={itemTestId}>
          <LineThumbnail src={item.thumbnail} size={56} />
          <span className="review__item-text">
            <span className="review__item-title">{item.title}</span>
            <span className="muted">
              {item.variant.title} · Qty {item.quantity}
            </span>
          </span>
          <span className="review__item-price">{formatMoney(shownLineAmount(item), currencyCode)}</span>
        </li>
      ))}
    </ul>
  );
}
