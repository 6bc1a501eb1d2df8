import Link from "next/link";
import { messages } from "@/lib/i18n";

const t = messages();

export default function NotFound() {
  return (
    <section className="empty-state">
      <h1>{t.errors.notFoundTitle}</h1>
      <p>{t.errors.notFoundBody}</p>
      <Link href="/">{t.errors.backHome}</Link>
    </section>
  );
}
