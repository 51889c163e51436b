import { describe, expect, it } from "vitest";
import { placeServerFieldErrors } from "@/components/forms/server-field-errors";

describe("placeServerFieldErrors", () => {
  it("places each field's message under its own name, in the server's order", () => {
    expect(placeServerFieldErrors({ email: "A user with this e-mail already exists", name: "Enter a name" })).toEqual({
      placed: [
        { name: "email", message: "A user with this e-mail already exists" },
        { name: "name", message: "Enter a name" },
      ],
      unplaced: [],
    });
  });

  it("hands the form-level entry to the form error and skips empty messages", () => {
    expect(placeServerFieldErrors({ form: "Someone else changed this record", comment: "" })).toEqual({
      placed: [],
      unplaced: ["Someone else changed this record"],
    });
  });

  it("maps server paths to form fields and keeps the message of a field the form does not render", () => {
    const toField = (path: string) => (path.startsWith("settings.") ? path.slice("settings.".length) : null);
    expect(placeServerFieldErrors({ "settings.scoring.weights": "Must total 100", version: "Stale version" }, toField)).toEqual({
      placed: [{ name: "scoring.weights", message: "Must total 100" }],
      unplaced: ["Stale version"],
    });
  });

  it("returns nothing when the server sent no field errors", () => {
    expect(placeServerFieldErrors(undefined)).toEqual({ placed: [], unplaced: [] });
  });
});
