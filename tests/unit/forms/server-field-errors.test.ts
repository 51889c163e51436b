import { describe, expect, it } from "vitest";
import { serverFieldErrors } from "@/components/forms/server-field-errors";

describe("serverFieldErrors", () => {
  it("keeps each field's message under its own name, in the server's order", () => {
    expect(serverFieldErrors({ email: "A user with this e-mail already exists", name: "Enter a name" })).toEqual([
      { name: "email", message: "A user with this e-mail already exists" },
      { name: "name", message: "Enter a name" },
    ]);
  });

  it("leaves the form-level entry and empty messages to the form error", () => {
    expect(serverFieldErrors({ form: "Someone else changed this record", comment: "" })).toEqual([]);
  });

  it("maps server paths to form fields and drops the ones the form does not render", () => {
    const toField = (path: string) => (path.startsWith("settings.") ? path.slice("settings.".length) : null);
    expect(serverFieldErrors({ "settings.scoring.weights": "Must total 100", version: "Stale" }, toField)).toEqual([
      { name: "scoring.weights", message: "Must total 100" },
    ]);
  });

  it("returns nothing when the server sent no field errors", () => {
    expect(serverFieldErrors(undefined)).toEqual([]);
  });
});
