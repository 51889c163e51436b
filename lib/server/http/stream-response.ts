/**
 * A web ReadableStream pulling from an async iterable: one item is produced
 * per read, so a slow client slows the database reads down instead of the
 * server buffering the whole export. A client that goes away ends the
 * iterator (its `finally` blocks run).
 */
export function iterableToStream(source: AsyncIterable<string | Uint8Array>): ReadableStream<Uint8Array> {
  const iterator = source[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(typeof next.value === "string" ? encoder.encode(next.value) : next.value);
    },
    async cancel() {
      await iterator.return?.(undefined);
    },
  });
}

/** Groups small string pieces into chunks of about `size` characters (fewer, larger writes). */
export async function* batchText(source: AsyncIterable<string>, size = 64 * 1024): AsyncGenerator<string> {
  let buffer = "";
  for await (const piece of source) {
    buffer += piece;
    if (buffer.length >= size) {
      yield buffer;
      buffer = "";
    }
  }
  if (buffer !== "") yield buffer;
}
