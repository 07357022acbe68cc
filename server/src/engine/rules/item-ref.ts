import { Item } from '../model/determination';

/** The item a schema issue's JSON pointer (/items/N/…) is about. */
export function itemAt(items: readonly Item[], pointer: string): Item | undefined {
  const m = /^\/items\/(\d+)/.exec(pointer);
  return m ? items[Number(m[1])] : undefined;
}

/** How messages name an item: its text in quotes, shortened. */
export function itemLabel(item: Item): string {
  const t = item.text.length > 60 ? `${item.text.slice(0, 57)}…` : item.text;
  return t ? `"${t}"` : '(no item text)';
}
