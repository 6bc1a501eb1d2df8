import Link from "next/link";
import { format, type Messages } from "@/lib/i18n";

/** Previous / next links for a paginated list whose page lives in the URL. */
export function Pagination({
  page,
  pageSize,
  total,
  href,
  t,
}: {
  page: number;
  pageSize: number;
  total: number;
  href: (page: number) => string;
  t: Messages;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <nav className="pagination" aria-label={format(t.common.page, { page, pages })}>
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev">
          ← {t.common.previous}
        </Link>
      ) : (
        <span aria-disabled="true">← {t.common.previous}</span>
      )}
      <span className="num">{format(t.common.page, { page, pages })}</span>
      {page < pages ? (
        <Link href={href(page + 1)} rel="next">
          {t.common.next} →
        </Link>
      ) : (
        <span aria-disabled="true">{t.common.next} →</span>
      )}
    </nav>
  );
}
