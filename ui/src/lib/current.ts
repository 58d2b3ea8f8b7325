/**
 * Applies the answer to a request only while the `$effect` that asked is still current. Returned
 * from the effect, the cleanup drops a slow answer that a newer request (the next keystroke of a
 * search, the next page) has already overtaken, so a list never shows the result of an old query.
 */
export function whileCurrent<T>(
  request: Promise<T>,
  apply: (value: T) => void,
  fail: (error: unknown) => void,
): () => void {
  let current = true;
  request.then(
    (value) => current && apply(value),
    (error) => current && fail(error),
  );
  return () => {
    current = false;
  };
}
