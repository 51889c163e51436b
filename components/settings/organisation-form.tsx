"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { TextField } from "@/components/ui/text-field";
import { LOGO_MAX_BYTES } from "@/lib/domain/uploads/logo-image";
import { organisationNameSchema, type OrganisationLogoInput, type OrganisationNameInput } from "@/lib/schemas/organisation";
import type { ActionResult } from "@/lib/schemas/action-result";
import { ClientForm } from "@/components/ui/client-form";

type Props = {
  name: string;
  logo: { mimeType: string; bytes: number; sha256: string } | null;
  saveName: (input: OrganisationNameInput) => Promise<ActionResult<{ name: string }>>;
  uploadLogo: (input: OrganisationLogoInput) => Promise<ActionResult<{ sha256: string }>>;
  removeLogo: () => Promise<ActionResult<undefined>>;
};

/** The organisation's name and logo, printed on the cover of every assessment PDF. */
export function OrganisationForm({ name, logo, saveName, uploadLogo, removeLogo }: Props) {
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const [logoError, setLogoError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm<OrganisationNameInput>({ resolver: zodResolver(organisationNameSchema), defaultValues: { name } });

  async function onSubmit(values: OrganisationNameInput) {
    setMessage(null);
    const result = await saveName(values);
    if (result.ok) {
      form.reset({ name: result.data.name });
      setMessage({ tone: "ok", text: "Name saved. New PDFs carry it on the cover." });
      return;
    }
    if (result.fieldErrors?.name) form.setError("name", { message: result.fieldErrors.name });
    setMessage({ tone: "error", text: result.error });
  }

  async function onUpload(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setLogoError(null);
    setMessage(null);
    const data = new FormData(event.currentTarget);
    const file = data.get("logo");
    if (file instanceof File && file.size > LOGO_MAX_BYTES) {
      setLogoError(`The logo is ${Math.ceil(file.size / 1024)} KB; the limit is ${LOGO_MAX_BYTES / 1024} KB.`);
      return;
    }
    if (!(file instanceof File) || file.size === 0) {
      setLogoError("Choose a PNG or JPEG image.");
      return;
    }
    setBusy(true);
    const result = await uploadLogo({ fileName: file.name, dataBase64: await base64Of(file) });
    setBusy(false);
    if (!result.ok) {
      setLogoError(result.fieldErrors?.logo ?? result.error);
      return;
    }
    setMessage({ tone: "ok", text: "Logo saved. New PDFs carry it on the cover." });
    router.refresh();
  }

  async function onRemove() {
    setBusy(true);
    const result = await removeLogo();
    setBusy(false);
    setMessage(result.ok ? { tone: "ok", text: "Logo removed." } : { tone: "error", text: result.error });
    if (result.ok) router.refresh();
  }

  return (
    <section className="card" aria-labelledby="settings-organisation">
      <h2 id="settings-organisation">Organisation</h2>
      <ClientForm className="stack" onSubmit={form.handleSubmit(onSubmit)} noValidate aria-label="Name on the PDF cover">
        <TextField label="Organisation name" hint="Printed on the cover of every assessment PDF." error={form.formState.errors.name?.message} {...form.register("name")} />
        <div className="form-actions">
          <button className="btn" type="submit" disabled={form.formState.isSubmitting}>
            {form.formState.isSubmitting ? "Saving…" : "Save name"}
          </button>
        </div>
      </ClientForm>
      <ClientForm className="stack" onSubmit={onUpload} noValidate aria-label="Logo on the PDF cover">
        <div className="field">
          <label htmlFor="organisation-logo">Logo (optional)</label>
          <span id="organisation-logo-hint" className="hint">
            A PNG or JPEG image of at most {LOGO_MAX_BYTES / 1024} KB. {logo ? `Current logo: ${logo.mimeType === "image/png" ? "PNG" : "JPEG"}, ${Math.ceil(logo.bytes / 1024)} KB.` : "No logo yet."}
          </span>
          <input
            id="organisation-logo"
            name="logo"
            type="file"
            accept="image/png,image/jpeg"
            aria-invalid={logoError ? true : undefined}
            aria-describedby={`organisation-logo-hint${logoError ? " organisation-logo-error" : ""}`}
          />
          {logoError ? (
            <span id="organisation-logo-error" className="error" role="alert">
              {logoError}
            </span>
          ) : null}
        </div>
        <div className="form-actions">
          <button className="btn" type="submit" disabled={busy}>
            Upload logo
          </button>
          {logo ? (
            <button className="btn" type="button" onClick={onRemove} disabled={busy}>
              Remove logo
            </button>
          ) : null}
        </div>
      </ClientForm>
      {message ? (
        <div className={`alert alert-${message.tone}`} role={message.tone === "ok" ? "status" : "alert"}>
          {message.text}
        </div>
      ) : null}
    </section>
  );
}

/** The file's bytes in base64, in slices so a large file never overflows the argument list. */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
