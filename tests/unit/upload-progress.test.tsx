import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { UploadProgress } from "@/components/ui/progress-upload";

// The progress both upload forms show (components/ui/progress-upload.tsx):
// a labelled bar with the share sent, then an indeterminate bar under what
// the server is doing, in a status region.

const render = (stage: "idle" | "uploading" | "processing", progress: number | null) =>
  renderToStaticMarkup(<UploadProgress id="p" stage={stage} progress={progress} processingLabel="Checking every row…" />);

describe("UploadProgress", () => {
  it("shows nothing while no upload runs", () => {
    expect(render("idle", null)).toBe("");
  });

  it("while sending: a status region, the bar labelled Uploading… at the share sent, and the percentage", () => {
    const html = render("uploading", 0.426);
    expect(html).toMatch(/^<div class="upload-progress" role="status">/);
    expect(html).toContain('<label for="p">Uploading…</label>');
    expect(html).toContain('<progress id="p" max="1" value="0.426">');
    expect(html).toContain('<span aria-hidden="true">43%</span>');
  });

  it("leaves the status region to a form that has its own for the outcome", () => {
    const html = renderToStaticMarkup(<UploadProgress id="p" stage="uploading" progress={0.5} processingLabel="Storing…" statusRegion={false} />);
    expect(html).toMatch(/^<div class="upload-progress">/);
    expect(html).toContain('<label for="p">Uploading…</label>');
  });

  it("while sending without a known size: an indeterminate bar and no percentage", () => {
    const html = render("uploading", null);
    expect(html).toContain('<progress id="p" max="1">');
    expect(html).not.toContain("%");
  });

  it("once every byte is sent: an indeterminate bar under the server's step", () => {
    const html = render("processing", 1);
    expect(html).toContain('<label for="p">Checking every row…</label>');
    expect(html).toContain('<progress id="p" max="1">');
    expect(html).not.toContain("%");
  });
});
