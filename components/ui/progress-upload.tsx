"use client";

import { useCallback, useRef, useState } from "react";

// A file sent as the raw body of a POST with XMLHttpRequest, because fetch
// cannot report upload progress: the evidence upload and the spreadsheet
// import both show how much of the file has left the browser, then that the
// server is working on it.

export type UploadStage = "idle" | "uploading" | "processing";

/** How a send ended: the server's answer (its JSON body, or null when it sent none), a lost connection, or a cancel. */
export type UploadOutcome<T> = { kind: "response"; status: number; body: T | null } | { kind: "network" } | { kind: "aborted" };

export interface ProgressUpload<T> {
  /** Sends `body`; resolves (never rejects) once the request has ended one way or another. */
  send(request: { url: string; body: Blob; headers?: Record<string, string> }): Promise<UploadOutcome<T>>;
  /** Cancels the request under way, if any: its `send` resolves as aborted. */
  abort(): void;
  stage: UploadStage;
  /** Share of the bytes sent, 0 to 1; null while the browser cannot tell. */
  progress: number | null;
}

export function useProgressUpload<T>(): ProgressUpload<T> {
  const xhrRef = useRef<XMLHttpRequest | null>(null);
  const [stage, setStage] = useState<UploadStage>("idle");
  const [progress, setProgress] = useState<number | null>(null);

  const send = useCallback(({ url, body, headers = {} }: { url: string; body: Blob; headers?: Record<string, string> }) => {
    return new Promise<UploadOutcome<T>>((resolve) => {
      const xhr = new XMLHttpRequest();
      xhrRef.current = xhr;
      xhr.open("POST", url);
      for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
      xhr.responseType = "text";
      setStage("uploading");
      setProgress(0);
      xhr.upload.onprogress = (e) => setProgress(e.lengthComputable ? e.loaded / e.total : null);
      // Every byte is sent: the server is now reading the file.
      xhr.upload.onload = () => setStage("processing");
      const end = (outcome: UploadOutcome<T>) => {
        xhrRef.current = null;
        setStage("idle");
        setProgress(null);
        resolve(outcome);
      };
      xhr.onload = () => end({ kind: "response", status: xhr.status, body: parseJson<T>(xhr.responseText) });
      xhr.onerror = () => end({ kind: "network" });
      xhr.onabort = () => end({ kind: "aborted" });
      xhr.send(body);
    });
  }, []);

  const abort = useCallback(() => xhrRef.current?.abort(), []);
  return { send, abort, stage, progress };
}

function parseJson<T>(text: string): T | null {
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}

/**
 * The progress of a send while it runs: a labelled progress bar with the
 * percentage, then, once every byte is sent, an indeterminate bar under
 * `processingLabel`. It is the form's status region (screen readers hear the
 * stage change) unless the form has one of its own for the outcome: one
 * status region per form, so "the status" always names one thing.
 */
export function UploadProgress({ id, stage, progress, processingLabel, statusRegion = true }: { id: string; stage: UploadStage; progress: number | null; processingLabel: string; statusRegion?: boolean }) {
  if (stage === "idle") return null;
  const uploading = stage === "uploading";
  return (
    <div className="upload-progress" role={statusRegion ? "status" : undefined}>
      <label htmlFor={id}>{uploading ? "Uploading…" : processingLabel}</label>{" "}
      <progress id={id} max={1} value={uploading && progress !== null ? progress : undefined} />
      {uploading && progress !== null ? <span aria-hidden="true">{Math.round(progress * 100)}%</span> : null}
    </div>
  );
}
