const development = process.env.NODE_ENV === "development";

/**
 * The policy every response carries. Next's App Router writes inline scripts (the streamed page data) without a
 * nonce, hence 'unsafe-inline' for scripts; React uses eval only in development, for its error overlay and stacks.
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${development ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // `npm run typecheck` checks the whole project (CLI and tests too) once; the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  // Native and WebAssembly-backed packages are loaded by Node at run time rather than bundled; so is pdf.js, which
  // finds its CMaps and font metrics next to its own files and loads its worker module by a relative path.
  serverExternalPackages: [
    "better-sqlite3",
    "pg",
    "@prisma/adapter-better-sqlite3",
    "@prisma/adapter-pg",
    "opencc-js",
    "pdfjs-dist",
  ],
  // Pages, API answers and static files alike.
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
