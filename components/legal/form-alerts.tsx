/** The two messages above every legal form: someone else's change (optimistic lock) and other refusals. */
export function FormAlerts({ conflict, formError }: { conflict: string | null; formError: string | null }) {
  return (
    <>
      {conflict ? (
        <div className="alert alert-error" role="alert">
          <p><strong>Changed by someone else.</strong> {conflict}</p>
          <p>Your entries are still in the form below and were not saved.</p>
          <button type="button" className="btn btn-small" onClick={() => window.location.reload()}>Load the latest version (discards your entries)</button>
        </div>
      ) : null}
      {formError ? <div className="alert alert-error" role="alert">{formError}</div> : null}
    </>
  );
}

/** A field's error text, announced with its input through aria-describedby. */
export function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? <span id={id} className="error">{message}</span> : null;
}
