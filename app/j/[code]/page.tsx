import { notFound, redirect } from "next/navigation";
import { loadJurisdictionYears } from "@/app/_lib/data";
import { ZCode } from "@/lib/schemas/store";
import { unavailableUnlessUp } from "@/lib/server/api";

export const dynamic = "force-dynamic";

/** `/j/{code}` opens the jurisdiction's latest judged year. */
export default async function JurisdictionPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  if (!ZCode.safeParse(code).success) notFound();
  const years = await unavailableUnlessUp(loadJurisdictionYears(code), `/j/${code}`);
  if (!years || years.latest === null) notFound();
  redirect(`/j/${code}/${years.latest}`);
}
