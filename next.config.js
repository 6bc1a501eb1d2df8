/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // `npm run typecheck` checks the whole project (CLI and tests too) once; the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  // Native and WebAssembly-backed packages are loaded by Node at run time rather than bundled.
  serverExternalPackages: ["better-sqlite3", "pg", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "opencc-js"],
};

export default nextConfig;
