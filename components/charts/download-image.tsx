"use client";

import { type RefObject, useState } from "react";
import { useMessages } from "@/components/i18n-provider";
import { useHydrated } from "@/components/ui/use-hydrated";

/** Marks what an image of its container leaves out: the download button itself, disclosures of raw data. */
export const IMAGE_EXCLUDE = "data-image-exclude";

/** A file name of `luoshi-<parts>.png` with no character a file system refuses; CJK kept, blanks as `-`. */
export function imageFileName(parts: readonly (string | number | null | undefined)[]): string {
  const cleaned = parts
    .filter((part) => part !== null && part !== undefined && String(part).trim() !== "")
    .map((part) =>
      String(part)
        .trim()
        .replace(/[\\/:*?"<>|%#\p{Cc}]+/gu, "")
        .replace(/\s+/g, "-"),
    )
    .filter(Boolean);
  return `${["luoshi", ...cleaned].join("-").slice(0, 120)}.png`;
}

/**
 * Draws `node` into a PNG, with `sourceLine` printed under it. The node is copied into an off-screen frame of its own
 * width with the source line appended, so the page itself never changes while the image is made; elements marked
 * `data-image-exclude` are left out.
 */
async function renderPng(node: HTMLElement, sourceLine: string): Promise<Blob> {
  const { toBlob } = await import("html-to-image");
  const frame = document.createElement("div");
  frame.className = "image-frame";
  frame.style.width = `${node.getBoundingClientRect().width}px`;
  const copy = node.cloneNode(true) as HTMLElement;
  copy.removeAttribute("id");
  for (const element of copy.querySelectorAll("[id]")) element.removeAttribute("id");
  const line = document.createElement("p");
  line.className = "image-source-line";
  line.textContent = sourceLine;
  frame.append(copy, line);
  document.body.append(frame);
  try {
    const blob = await toBlob(frame, {
      backgroundColor: "#ffffff",
      pixelRatio: 2,
      // The frame sits off screen on the page; in the image it starts at the origin.
      style: { position: "static", left: "0", top: "0" },
      filter: (element) => !(element instanceof Element && element.hasAttribute(IMAGE_EXCLUDE)),
      // The app's fonts are the system's (CJK included): nothing to embed, and no font file to fetch.
      skipFonts: true,
    });
    if (!blob) throw new Error("no image was drawn");
    return blob;
  } finally {
    frame.remove();
  }
}

function save(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the browser has taken the download.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * "Download as image": a PNG of the element `target` points at, with the source line printed in it. It needs
 * JavaScript, so it appears only once the page has hydrated; it is a plain button (keyboard, screen readers) and is
 * left out of its own image.
 */
export function DownloadImageButton({
  target,
  fileName,
  sourceLine,
  label,
  className,
}: {
  target: RefObject<HTMLElement | null> | string;
  /** The parts of the file name (`luoshi-<parts>.png`), or a function giving the name when clicked. */
  fileName: readonly (string | number)[] | (() => string);
  /** Printed under the image: what it shows and where it comes from. */
  sourceLine: string | (() => string);
  /** The accessible name: says what is downloaded (the visible text is the short action). */
  label: string;
  className?: string;
}) {
  const t = useMessages();
  const hydrated = useHydrated();
  const [state, setState] = useState<"idle" | "working" | "failed">("idle");
  if (!hydrated) return null;
  const run = async () => {
    const node = typeof target === "string" ? document.getElementById(target) : target.current;
    if (!node) return;
    setState("working");
    try {
      const line = typeof sourceLine === "function" ? sourceLine() : sourceLine;
      const blob = await renderPng(node, line);
      save(blob, typeof fileName === "function" ? fileName() : imageFileName(fileName));
      setState("idle");
    } catch {
      setState("failed");
    }
  };
  return (
    <span className={`image-download ${className ?? ""}`.trim()} {...{ [IMAGE_EXCLUDE]: "" }}>
      <button
        type="button"
        className="image-download-button"
        aria-label={label}
        aria-busy={state === "working"}
        disabled={state === "working"}
        onClick={run}
      >
        <span aria-hidden="true">⤓</span> {state === "working" ? t.imageDownload.working : t.imageDownload.action}
      </button>
      <span className="visually-hidden" aria-live="polite">
        {state === "failed" ? t.imageDownload.failed : ""}
      </span>
      {state === "failed" ? (
        <span className="field-error" aria-hidden="true">
          {t.imageDownload.failed}
        </span>
      ) : null}
    </span>
  );
}
