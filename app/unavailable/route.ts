import { unavailablePage } from "@/lib/server/api";

export const dynamic = "force-dynamic";

/** The 503 page the pages redirect to while the database is down. */
export const GET = (request: Request) => unavailablePage(request);
