"use client";

/** The root layout itself failed: a bare page in both languages, with a way to try again. */
export default function GlobalError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="zh-CN">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "2rem" }}>
        <h1>出错了 · Something went wrong</h1>
        <button type="button" onClick={() => retry()}>
          重试 · Retry
        </button>
      </body>
    </html>
  );
}
