/**
 * A value per distinct contents of a number array, found through the array object itself:
 * thousands of series hold equal horizons or anchors, and a lookup runs at every step of
 * every series' walk. The first sight of an array joins its key once; later ones hit the
 * WeakMap. The arrays must never be edited after their first lookup.
 */
export function sharedByContents<T>(make: (array: readonly number[]) => T): (array: readonly number[]) => T {
  const byKey = new Map<string, T>();
  const byArray = new WeakMap<readonly number[], T>();
  return (array) => {
    let value = byArray.get(array);
    if (value === undefined) {
      const key = array.join(',');
      value = byKey.get(key) ?? make(array);
      byKey.set(key, value);
      byArray.set(array, value);
    }
    return value;
  };
}
