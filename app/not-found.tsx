import type { Metadata } from "next";
import Link from "next/link";
import { NotFoundMark } from "@/components/site-header-client";
import { getMessages } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).errors.notFoundTitle };
}

export default async function NotFound() {
  const t = await getMessages();
  return (
    <section className="empty-state not-found-page">
      <NotFoundMark />
      <h1>{t.errors.notFoundTitle}</h1>
      <p>{t.errors.notFoundBody}</p>
      <Link href="/">{t.errors.backHome}</Link>
    </section>
  );
}
